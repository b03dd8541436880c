// Test fixtures for the image client: a scripted fetch, answer builders, a counting token provider.
import type { GetTokenOptions, TokenProvider } from "../../../src/core/TokenProvider";

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
