// Reads a fetch body as Server-Sent Events with eventsource-parser, one message at a time (pane and gateway).
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { MAX_EVENT_CHARS } from "./limits";

export type { EventSourceMessage };

/** How a reader reports its two failures in its caller's own error types. */
export interface ServerSentEventErrors {
  /** One event is larger than {@link MAX_EVENT_CHARS}. */
  tooLarge: (maxChars: number) => Error;
  /** Reading the body failed (connection reset mid-stream). Absent: the read error is thrown as it is. */
  readFailed?: (cause: unknown) => Error;
}

/**
 * Yields the events of a `text/event-stream` body in order. A trailing event without its closing blank line
 * (a stream cut off mid-event) is dropped, as the EventSource standard says; unknown fields and bad `retry:`
 * values are ignored. Stopping the iteration early, or `signal` firing, cancels the body (so the connection
 * closes even with a `fetch` that ignores its signal).
 * @throws `errors.tooLarge(...)` when one event exceeds {@link MAX_EVENT_CHARS}
 * @throws `errors.readFailed(cause)` (or the read error itself) when reading the body fails
 */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  errors: ServerSentEventErrors,
  signal?: AbortSignal,
): AsyncGenerator<EventSourceMessage> {
  const queue: EventSourceMessage[] = [];
  let overflow = false;
  const parser = createParser({
    onEvent: (message) => queue.push(message),
    onError: (error) => {
      if (error.type === "max-buffer-size-exceeded") overflow = true;
    },
    maxBufferSize: MAX_EVENT_CHARS,
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener("abort", cancel, { once: true });
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        throw errors.readFailed ? errors.readFailed(cause) : cause;
      }
      parser.feed(chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true }));
      if (overflow) throw errors.tooLarge(MAX_EVENT_CHARS);
      while (queue.length > 0) yield queue.shift() as EventSourceMessage;
      if (chunk.done) return;
    }
  } finally {
    signal?.removeEventListener("abort", cancel);
    cancel();
  }
}
