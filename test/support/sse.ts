// Server-sent events for tests: one event as text, and a `text/event-stream` Response that closes or fails.

/** One SSE event as text. */
export function sseEvent(event: string | undefined, data: unknown): string {
  return `${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
}

/**
 * A `text/event-stream` answer sending `chunks` one by one; `end` says how the stream stops: closed
 * normally, or failed with a network error (connection reset).
 */
export function sseResponse(chunks: string[], end: "close" | "error" = "close", headers: Record<string, string> = {}): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = chunks.shift();
      if (next !== undefined) {
        controller.enqueue(encoder.encode(next));
        return;
      }
      if (end === "close") controller.close();
      else controller.error(new TypeError("terminated"));
    },
  });
  return new Response(body, { status: 200, headers: { "content-type": "text/event-stream", ...headers } });
}
