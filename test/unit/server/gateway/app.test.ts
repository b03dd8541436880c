// The gateway app over plain HTTP on 127.0.0.1: validation codes, the envelope, provider errors, auth slot, CORS, logs.
import type { FastifyInstance } from "fastify";
import { buildApp, type GatewayOptions } from "../../../../server/gateway/app";
import { AuthenticationError } from "../../../../server/gateway/errors";
import { ProviderError } from "../../../../server/providers/errors";
import { FakeProvider, TINY_PNG, call, untilAborted } from "./fakes";

const PANE = "https://localhost:3000";
let app: FastifyInstance;
let provider: FakeProvider;
let baseUrl: string;

async function start(options: Partial<GatewayOptions> = {}): Promise<void> {
  provider = new FakeProvider();
  app = await buildApp({ provider, allowedOrigins: [PANE], logger: false, ...options });
  baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
}

const generate = (payload: unknown, headers: Record<string, string> = {}) => call(baseUrl, "POST", "/v1/images/generations", payload, headers);
const get = (path: string, headers: Record<string, string> = {}) => call(baseUrl, "GET", path, undefined, headers);
const preflight = (origin: string, requestHeaders?: string) =>
  call(baseUrl, "OPTIONS", "/v1/images/generations", undefined, {
    origin,
    "access-control-request-method": "POST",
    ...(requestHeaders ? { "access-control-request-headers": requestHeaders } : {}),
  });

afterEach(async () => {
  await app?.close();
});

describe("POST /v1/images/generations", () => {
  beforeEach(() => start());

  it("answers the OpenAI shape plus the backend that made the images", async () => {
    const response = await generate({ prompt: "A misty mountain lake at dawn", n: 2, size: "1536x1024" });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      created: expect.any(Number),
      data: [{ b64_json: TINY_PNG }, { b64_json: TINY_PNG }],
      backend: { provider: "fake", model: "fake-model", offline: false },
    });
    expect(Math.abs(body.created - Date.now() / 1000)).toBeLessThan(5);
  });

  it("normalizes the body for the provider, with the defaults", async () => {
    await generate({ prompt: "hills", model: "auto", user: "ignored" });
    expect(provider.calls[0]!.request).toEqual({
      prompt: "hills",
      n: 1,
      apiSize: "1024x1024",
      size: { widthPx: 1024, heightPx: 1024 },
      quality: "auto",
      outputFormat: "png",
    });
    await generate({ prompt: "hills", n: 3, size: "1024x1536", quality: "high", output_format: "jpeg", seed: 7 });
    expect(provider.calls[1]!.request).toMatchObject({
      n: 3,
      size: { widthPx: 1024, heightPx: 1536 },
      quality: "high",
      outputFormat: "jpeg",
      seed: 7,
    });
  });

  it.each([
    { name: "missing prompt", payload: { n: 1 }, status: 400, code: "missing_prompt", param: "prompt" },
    { name: "empty prompt", payload: { prompt: "" }, status: 400, code: "missing_prompt", param: "prompt" },
    { name: "blank prompt", payload: { prompt: " \n\t " }, status: 400, code: "missing_prompt", param: "prompt" },
    { name: "prompt not a string", payload: { prompt: 42 }, status: 400, code: "invalid_prompt", param: "prompt" },
    { name: "prompt over 4000 characters", payload: { prompt: "x".repeat(4001) }, status: 400, code: "prompt_too_long", param: "prompt" },
    { name: "2 MB prompt", payload: { prompt: "y".repeat(2 * 1024 * 1024) }, status: 400, code: "prompt_too_long", param: "prompt" },
    { name: "n = 0", payload: { prompt: "p", n: 0 }, status: 400, code: "invalid_n", param: "n" },
    { name: "n = 99", payload: { prompt: "p", n: 99 }, status: 400, code: "invalid_n", param: "n" },
    { name: "n = 1.5", payload: { prompt: "p", n: 1.5 }, status: 400, code: "invalid_n", param: "n" },
    { name: 'n = "2" (no coercion)', payload: { prompt: "p", n: "2" }, status: 400, code: "invalid_n", param: "n" },
    { name: "unknown size", payload: { prompt: "p", size: "512x512" }, status: 400, code: "invalid_size", param: "size" },
    { name: "unknown quality", payload: { prompt: "p", quality: "ultra" }, status: 400, code: "invalid_quality", param: "quality" },
    { name: "webp", payload: { prompt: "p", output_format: "webp" }, status: 400, code: "invalid_output_format", param: "output_format" },
    { name: "seed not an integer", payload: { prompt: "p", seed: "abc" }, status: 400, code: "invalid_seed", param: "seed" },
    {
      name: "response_format url",
      payload: { prompt: "p", response_format: "url" },
      status: 400,
      code: "unsupported_response_format",
      param: "response_format",
    },
    { name: "a JSON array", payload: [1, 2], status: 400, code: "invalid_body", param: undefined },
  ])("$name → $status $code", async ({ payload, status, code, param }) => {
    const response = await generate(payload);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ error: { code, type: "bad_request", message: expect.any(String), ...(param ? { param } : {}) } });
    expect(provider.calls).toHaveLength(0);
  });

  it.each([
    { name: "not JSON", payload: "{prompt: nope", contentType: "application/json", status: 400, code: "invalid_json" },
    { name: "an empty JSON body", payload: "", contentType: "application/json", status: 400, code: "invalid_json" },
    { name: "a form body", payload: "prompt=x", contentType: "application/x-www-form-urlencoded", status: 415, code: "unsupported_media_type" },
    { name: "plain text", payload: "a lake", contentType: "text/plain", status: 415, code: "unsupported_media_type" },
  ])("$name → $status $code", async ({ payload, contentType, status, code }) => {
    const response = await generate(payload, { "content-type": contentType });
    expect(response.statusCode).toBe(status);
    expect(response.json().error).toMatchObject({ code, type: "bad_request" });
  });

  it("a typo (quallity) → 400 unknown_parameter naming it, as OpenAI answers; nothing is generated", async () => {
    const response = await generate({ prompt: "p", quallity: "high" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: "unknown_parameter", type: "bad_request", message: "Unknown parameter: 'quallity'.", param: "quallity" },
    });
    expect(provider.calls).toHaveLength(0);
  });

  it("20,000 unknown fields (about 1 MB of junk) → 400 unknown_parameter naming the first one", async () => {
    const junk: Record<string, string> = { prompt: "p" };
    for (let i = 0; i < 20_000; i++) junk[`junk_field_${i}`] = "x".repeat(30);
    expect(JSON.stringify(junk).length).toBeGreaterThan(900_000);
    const response = await generate(junk);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "unknown_parameter", param: "junk_field_0" });
    expect(provider.calls).toHaveLength(0);
  });

  it("OpenAI's own fields it does not use (user, moderation, style) are still accepted, and model auto", async () => {
    const response = await generate({ prompt: "p", model: "auto", user: "u", moderation: "auto", style: "vivid" });
    expect(response.statusCode).toBe(200);
  });

  it("a body over the 4 MB limit → 413 payload_too_large", async () => {
    const response = await generate(JSON.stringify({ prompt: "z".repeat(5 * 1024 * 1024) }), { "content-type": "application/json" });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: "payload_too_large" });
  });

  it("a provider crash → 502 upstream_unavailable, without the error's text or stack", async () => {
    provider.answer = async () => {
      throw new Error("connect ECONNREFUSED 10.0.0.7:443 api-key=sk-secret");
    };
    const response = await generate({ prompt: "p" });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toEqual({ error: { code: "upstream_unavailable", type: "upstream_unavailable", message: expect.any(String) } });
    expect(response.body).not.toMatch(/ECONNREFUSED|sk-secret|at .*\.ts/);
  });

  it("a provider's typed error keeps its status, code and retry hint", async () => {
    provider.answer = async () => {
      throw new ProviderError(429, "rate_limited", "rate_limited", "Too many images at once; wait a moment", { retryAfterMs: 1500 });
    };
    const response = await generate({ prompt: "p" });
    expect(response.statusCode).toBe(429);
    expect(response.headers["retry-after-ms"]).toBe("1500");
    expect(response.headers["retry-after"]).toBe("2");
    expect(response.json()).toEqual({ error: { code: "rate_limited", type: "rate_limited", message: expect.any(String), retryAfterMs: 1500 } });
  });

  it("fewer images than asked → 502 upstream_invalid_response", async () => {
    provider.answer = async () => [{ b64_json: TINY_PNG }];
    const response = await generate({ prompt: "p", n: 2 });
    expect(response.statusCode).toBe(502);
    expect(response.json().error.code).toBe("upstream_invalid_response");
  });
});

describe("generation timeout", () => {
  it("answers 504 generation_timeout and aborts the provider's call", async () => {
    await start({ generationTimeoutMs: 50 });
    let aborted = false;
    provider.answer = (_request, ctx) => {
      ctx.signal.addEventListener("abort", () => (aborted = true));
      return untilAborted(ctx.signal);
    };
    const response = await generate({ prompt: "p" });
    expect(response.statusCode).toBe(504);
    expect(response.json().error).toMatchObject({ code: "generation_timeout", type: "timeout" });
    expect(aborted).toBe(true);
  });
});

describe("other routes", () => {
  beforeEach(() => start());

  it("GET /v1/backend tells which backend will answer, and that no prompt writer is configured", async () => {
    const response = await get("/v1/backend");
    expect(response.json()).toEqual({ provider: "fake", model: "fake-model", offline: false, promptWriter: null });
  });

  it("GET /healthz", async () => {
    expect((await get("/healthz")).json()).toEqual({ status: "ok" });
  });

  it("an unknown route → 404 not_found envelope", async () => {
    const response = await get("/v1/images/variations");
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: "not_found", type: "not_found" });
  });
});

describe("authentication slot", () => {
  const refuse = async () => {
    throw new AuthenticationError("token_expired", "The access token has expired", 'Bearer error="invalid_token", error_description="expired"');
  };

  it("a refused caller gets 401 with WWW-Authenticate, and nothing is generated", async () => {
    await start({ authenticate: refuse });
    const response = await generate({ prompt: "p" }, { authorization: "Bearer abc" });
    expect(response.statusCode).toBe(401);
    expect(response.headers["www-authenticate"]).toBe('Bearer error="invalid_token", error_description="expired"');
    expect(response.json()).toEqual({ error: { code: "token_expired", type: "unauthorized", message: "The access token has expired" } });
    expect(provider.calls).toHaveLength(0);
  });

  it("runs before the body is validated", async () => {
    await start({ authenticate: refuse });
    expect((await generate({ n: 99 })).statusCode).toBe(401);
  });

  it("passes the user id to the provider", async () => {
    await start({ authenticate: async () => ({ userId: "user-1" }) });
    expect((await generate({ prompt: "p" })).statusCode).toBe(200);
    expect(provider.calls[0]!.ctx.userId).toBe("user-1");
  });

  it("guards only /v1/images/*: backend, health and CORS preflight stay open", async () => {
    const authenticate = jest.fn(refuse);
    await start({ authenticate });
    expect((await get("/v1/backend")).statusCode).toBe(200);
    expect((await get("/healthz")).statusCode).toBe(200);
    expect((await preflight(PANE, "authorization,content-type")).statusCode).toBe(204);
    expect(authenticate).not.toHaveBeenCalled();
  });

  it("an unexpected failure inside authenticate → 500 internal, no details", async () => {
    await start({
      authenticate: async () => {
        throw new Error("jwks cache corrupted at /srv/keys");
      },
    });
    const response = await generate({ prompt: "p" });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: "internal", type: "internal", message: expect.any(String) } });
    expect(response.body).not.toContain("/srv/keys");
  });
});

describe("CORS", () => {
  beforeEach(() => start());

  it("allows the pane's origin, with the Authorization and Content-Type headers", async () => {
    const allowed = await preflight(PANE, "authorization,content-type");
    expect(allowed.headers["access-control-allow-origin"]).toBe(PANE);
    expect(String(allowed.headers["access-control-allow-headers"]).toLowerCase()).toBe("authorization, content-type");
    const response = await generate({ prompt: "p" }, { origin: PANE });
    expect(response.headers["access-control-allow-origin"]).toBe(PANE);
    expect(String(response.headers["access-control-expose-headers"])).toMatch(/Retry-After-Ms/);
  });

  it("gives other origins no CORS headers", async () => {
    for (const origin of ["https://evil.example", "https://localhost:3000.evil.example", "http://localhost:3000", "null"]) {
      const refused = await preflight(origin, "authorization");
      expect(refused.headers["access-control-allow-origin"]).toBeUndefined();
      expect(refused.headers["access-control-allow-headers"]).toBeUndefined();
      const response = await get("/v1/backend", { origin });
      expect(response.headers["access-control-allow-origin"]).toBeUndefined();
    }
  });
});

describe("logging", () => {
  it("never writes the Authorization header or the prompt", async () => {
    const lines: string[] = [];
    await start({
      logger: { level: "trace", stream: { write: (line) => void lines.push(line) } },
      authenticate: async (request) => {
        request.log.info({ headers: request.headers }, "checking");
        return { userId: "u" };
      },
    });
    await generate({ prompt: "my confidential board memo" }, { authorization: "Bearer s3cr3t-token", origin: PANE });
    provider.answer = async () => {
      throw new Error("boom");
    };
    await generate({ prompt: "my confidential board memo" }, { authorization: "Bearer s3cr3t-token" });
    const log = lines.join("");
    expect(log).toContain("images generated");
    expect(log).toContain("request failed");
    expect(log).not.toContain("s3cr3t-token");
    expect(log).not.toContain("confidential");
  });
});
