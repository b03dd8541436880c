// Reads an upstream Server-Sent Events body into messages with `eventsource-parser` (v3).
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { invalidAnswerError } from "./upstreamErrors";

/** Largest single event accepted, in characters: a high-quality 3840 px PNG partial in base64 is ~30 MB. */
export const MAX_EVENT_CHARS = 64 * 1024 * 1024;

/**
 * Yields each SSE message of `body` as it completes. Ends when the body ends.
 * @throws UpstreamError `upstream_invalid_response` when one event is larger than {@link MAX_EVENT_CHARS};
 *   the body's own read error (abort, reset) as it is
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<EventSourceMessage> {
  const ready: EventSourceMessage[] = [];
  let parseError: Error | undefined;
  const parser = createParser({
    maxBufferSize: MAX_EVENT_CHARS,
    onEvent: (message) => ready.push(message),
    onError: (error) => {
      if (error.type === "max-buffer-size-exceeded") parseError = invalidAnswerError("stream event too large", error);
    },
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      parser.feed(done ? decoder.decode() : decoder.decode(value, { stream: true }));
      if (parseError) throw parseError;
      yield* ready.splice(0);
      if (done) {
        finished = true;
        return;
      }
    }
  } finally {
    // Stopped early (error, consumer gave up): close the upstream connection.
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}
