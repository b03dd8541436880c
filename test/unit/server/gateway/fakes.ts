// Test doubles for the gateway: a provider that records calls and answers as told.
import type { GenerateContext, ImageProvider, NormalizedGenerateRequest, ProviderImage } from "../../../../server/providers/Provider";

/** 1×1 PNG, base64. */
export const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

/** Records every call; `answer` decides the result (default: `n` tiny PNGs). */
export class FakeProvider implements ImageProvider {
  readonly info = { provider: "fake", model: "fake-model", offline: false };
  readonly calls: Array<{ request: NormalizedGenerateRequest; ctx: GenerateContext }> = [];
  answer: (request: NormalizedGenerateRequest, ctx: GenerateContext) => Promise<ProviderImage[]> = async (request) =>
    Array.from({ length: request.n }, () => ({ b64_json: TINY_PNG }));

  generate(request: NormalizedGenerateRequest, ctx: GenerateContext): Promise<ProviderImage[]> {
    this.calls.push({ request, ctx });
    return this.answer(request, ctx);
  }
}

/** Resolves when `signal` aborts (with its reason), for providers that wait to be cancelled. */
export function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }));
}

/** What a test sees of one HTTP answer. */
export interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  json(): any;
}

/**
 * Calls `baseUrl + path` with Node's fetch (Fastify's `inject` needs the ESM-only `cookie` package, which
 * Jest cannot load). An object body is sent as JSON; a string body is sent as is with its content type.
 */
export async function call(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    if (typeof body !== "string") (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  return {
    statusCode: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body: text,
    json: () => JSON.parse(text),
  };
}
