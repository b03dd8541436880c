// Reads a fetch body as Server-Sent Events with eventsource-parser, one message at a time.
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { ConnectionError, InvalidResponseError } from "./errors";

/** Largest event the client buffers, in characters: a 3840×2160 PNG as base64 is ~20 M. */
export const MAX_EVENT_CHARS = 64 * 1024 * 1024;

/**
 * Yields the events of an `text/event-stream` body in order. A trailing event without its closing blank line
 * (a stream cut off mid-event) is dropped, as the EventSource standard says. Stopping the iteration early,
 * or `signal` firing, cancels the body (so the connection closes even with a `fetch` that ignores its signal).
 * @throws ConnectionError when reading the body fails (connection reset mid-stream).
 * @throws InvalidResponseError when one event exceeds {@link MAX_EVENT_CHARS}.
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<EventSourceMessage> {
  const queue: EventSourceMessage[] = [];
  let overflow = false;
  const parser = createParser({
    onEvent: (message) => queue.push(message),
    // Unknown fields and bad `retry:` values are ignored, as the standard says; only overflow is fatal.
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
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        throw new ConnectionError("The image stream was interrupted", { cause });
      }
      parser.feed(chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true }));
      if (overflow) throw new InvalidResponseError(`An event of the image stream exceeds ${MAX_EVENT_CHARS} characters`);
      while (queue.length > 0) yield queue.shift() as EventSourceMessage;
      if (chunk.done) return;
    }
  } finally {
    signal?.removeEventListener("abort", cancel);
    cancel();
  }
}
