// Test fixtures for the image client: real PNG/JPEG bytes made with sharp, a scripted fetch, answer builders.
import sharp from "sharp";
import type { GetTokenOptions, TokenProvider } from "../../../src/auth/TokenProvider";

/** A real PNG of `width`×`height` px, as raw base64. */
export async function pngBase64(width: number, height: number): Promise<string> {
  const buffer = await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } }).png().toBuffer();
  return buffer.toString("base64");
}

/** A real JPEG of `width`×`height` px, as raw base64. */
export async function jpegBase64(width: number, height: number): Promise<string> {
  const buffer = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } }).jpeg().toBuffer();
  return buffer.toString("base64");
}

/** One recorded request of {@link scriptedFetch}. */
export interface RecordedRequest {
  url: string;
  init: RequestInit;
  headers: Headers;
  /** The JSON body, parsed (undefined for FormData bodies). */
  json?: unknown;
}

/** A step of the script: an answer, or a function making one (may throw to simulate a network failure). */
export type Step = Response | ((request: RecordedRequest) => Response | Promise<Response>);

/**
 * A `fetch` that answers each call with the next step of `script` and records the calls. A call beyond the
 * script fails the test.
 */
export function scriptedFetch(script: Step[]): { fetch: typeof fetch; calls: RecordedRequest[] } {
  const calls: RecordedRequest[] = [];
  const fetchFn = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request: RecordedRequest = {
      url: String(input),
      init,
      headers: new Headers(init.headers),
      json: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    };
    calls.push(request);
    const step = script[calls.length - 1];
    if (step === undefined) throw new Error(`Unexpected request #${calls.length} to ${request.url}`);
    return typeof step === "function" ? step(request) : step;
  };
  return { fetch: fetchFn as typeof fetch, calls };
}

/** A JSON answer. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** The gateway's success answer with the given images. */
export function imagesResponse(b64: string[], extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return jsonResponse(
    {
      created: 1764490000,
      data: b64.map((b64_json) => ({ b64_json })),
      backend: { provider: "local", model: "local-renderer", offline: true },
      ...extra,
    },
    200,
    headers,
  );
}

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

/** A fetch step that never answers until its signal fires, then rejects like fetch does. */
export function hangingStep(request: RecordedRequest): Promise<Response> {
  return new Promise((_, reject) => {
    const signal = request.init.signal;
    signal?.addEventListener("abort", () => reject(new DOMException("This operation was aborted", "AbortError")));
  });
}

/** A token provider handing out `${prefix}-1`, `${prefix}-2`, ... and recording the scopes and options asked for. */
export function countingTokens(prefix = "token"): TokenProvider & { calls: Array<{ scopes: string[]; options?: GetTokenOptions }> } {
  const calls: Array<{ scopes: string[]; options?: GetTokenOptions }> = [];
  return {
    calls,
    async getToken(scopes, options) {
      calls.push({ scopes, options });
      return `${prefix}-${calls.length}`;
    },
  };
}

/** The error `promise` rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}
