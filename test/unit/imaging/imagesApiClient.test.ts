// The gateway image client against a scripted fetch: success, typed errors, timeout, cancel, sign-in, retries.
import { SignInRequiredError, type TokenProvider } from "../../../src/core/TokenProvider";
import { ApiError } from "../../../src/core/protocol/errors";
import { createImageClient, type ImageClientOptions } from "../../../src/imaging/createImageClient";
import { CancelledError, ConnectionError, InvalidResponseError, TimeoutError } from "../../../src/imaging/errors";
import { countingTokens, hangingStep, imagesResponse, jsonResponse, scriptedFetch, type Step } from "./fixtures";
import { pngBase64 } from "../../support/pictures";
import { rejection } from "../../support/rejection";

const GATEWAY = "https://gateway.example.com";
const request = { prompt: "A misty mountain lake at dawn", size: "1536x1024" };

function client(script: Step[], options: Partial<ImageClientOptions> = {}) {
  const { fetch, calls } = scriptedFetch(script);
  const sleeps: number[] = [];
  const imageClient = createImageClient({
    apiBaseUrl: GATEWAY,
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    ...options,
  });
  return { imageClient, calls, sleeps };
}

let wide: string;
beforeAll(async () => {
  wide = await pngBase64(1536, 1024);
});

describe("generate: success", () => {
  it("POSTs the request as JSON to /v1/images/generations and returns the checked images with their backend", async () => {
    const { imageClient, calls } = client([imagesResponse([wide], { revised: "ignored", usage: { total_tokens: 1 } })]);
    const images = await imageClient.generate({ ...request, n: 1, quality: "high" });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe(`${GATEWAY}/v1/images/generations`);
    expect(calls[0].init.method).toBe("POST");
    expect(calls[0].headers.get("content-type")).toBe("application/json");
    expect(calls[0].json).toEqual({ ...request, n: 1, quality: "high" });
    expect(calls[0].init.redirect).toBe("error");
    expect(images).toEqual([
      {
        base64: wide,
        mimeType: "image/png",
        size: { widthPx: 1536, heightPx: 1024 },
        backend: { provider: "local", model: "local-renderer", offline: true },
      },
    ]);
  });

  it("keeps revised_prompt and falls back to an unknown backend when the answer names none", async () => {
    const body = { created: 1, data: [{ b64_json: wide, revised_prompt: "A calm lake, mist, dawn light" }] };
    const { imageClient } = client([jsonResponse(body)]);
    const [image] = await imageClient.generate(request);
    expect(image.revisedPrompt).toBe("A calm lake, mist, dawn light");
    expect(image.backend).toEqual({ provider: "unknown", model: "unknown", offline: false });
  });

  it("keeps a base path of the gateway URL", async () => {
    const { imageClient, calls } = client([imagesResponse([wide])], { apiBaseUrl: "https://api.contoso.com/illustrate/" });
    await imageClient.generate(request);
    expect(calls[0].url).toBe("https://api.contoso.com/illustrate/v1/images/generations");
  });
});

describe("generate: bad answers never become images", () => {
  it.each([
    [
      "not JSON",
      () => new Response("<html>502 Bad Gateway</html>", { status: 200, headers: { "content-type": "text/html" } }),
      /not JSON \(text\/html\)/,
    ],
    ["no data", () => jsonResponse({ created: 1, data: [] }), /has no images/],
    ["data entry without b64_json", () => jsonResponse({ data: [{ url: "https://example.com/x.png" }] }), /data\[0\]\.b64_json: missing/],
    ["data: prefix", () => imagesResponse([`data:image/png;base64,${wide}`]), /data: URL prefix/],
    ["not an image", () => imagesResponse([Buffer.from("hello world!").toString("base64")]), /not a PNG or JPEG/],
  ])("%s → InvalidResponseError", async (_name, answer, message) => {
    const { imageClient } = client([answer()]);
    const error = await rejection(imageClient.generate(request));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(message);
  });

  it("a PNG of the wrong size → InvalidResponseError with both sizes and the request id", async () => {
    const { imageClient, calls } = client([imagesResponse([await pngBase64(1024, 1024)], {}, { "x-request-id": "req-42" })]);
    const error = await rejection(imageClient.generate(request));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toBe("data[0].b64_json: is 1024×1024 px, but 1536×1024 px was asked for");
    expect((error as InvalidResponseError).requestId).toBe("req-42");
    expect(calls).toHaveLength(1); // a bad body is not retried
  });
});

describe("generate: HTTP errors → ApiError", () => {
  const envelope = (code: string, type: string, message: string, extra: object = {}) => ({ error: { code, type, message, ...extra } });

  it("takes the gateway's envelope as it is, with the request id", async () => {
    const body = envelope("content_filtered", "content_filtered", "Blocked", { categories: ["violence"] });
    const { imageClient, calls } = client([jsonResponse(body, 400, { "x-request-id": "req-7" })]);
    const error = (await rejection(imageClient.generate(request))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, type: "content_filtered", code: "content_filtered", message: "Blocked" });
    expect(error.details).toMatchObject({ requestId: "req-7", categories: ["violence"], body });
    expect(calls).toHaveLength(1);
  });

  it.each([
    [400, "bad_request"],
    [403, "forbidden"],
    [404, "not_found"],
    [413, "bad_request"],
  ] as const)("raw HTTP %i without envelope → %s, not retried", async (status, type) => {
    const { imageClient, calls } = client([new Response("nope", { status, headers: { "apim-request-id": "apim-1" } })]);
    const error = (await rejection(imageClient.generate(request))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, type });
    expect(error.details.requestId).toBe("apim-1");
    expect(calls).toHaveLength(1);
  });

  it.each([
    [408, "timeout"],
    [409, "upstream_unavailable"],
    [429, "rate_limited"],
    [500, "internal"],
    [502, "upstream_unavailable"],
    [503, "upstream_unavailable"],
  ] as const)("HTTP %i → %s after 2 retries", async (status, type) => {
    const answer = () => jsonResponse(status === 500 ? envelope("boom", "internal", "Internal error") : { error: { message: "x" } }, status);
    const { imageClient, calls, sleeps } = client([answer, answer, answer]);
    const error = (await rejection(imageClient.generate(request))) as ApiError;
    expect(error).toMatchObject({ status, type });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it("401 without a token provider is an ApiError, not a sign-in prompt", async () => {
    const { imageClient } = client([jsonResponse(envelope("missing_token", "unauthorized", "No token"), 401)]);
    const error = (await rejection(imageClient.generate(request))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.type).toBe("unauthorized");
  });
});

describe("generate: network, timeout, cancel", () => {
  it("a network failure → ConnectionError after 2 retries with backoff", async () => {
    const down: Step = () => {
      throw new TypeError("fetch failed");
    };
    const { imageClient, calls, sleeps } = client([down, down, down]);
    const error = await rejection(imageClient.generate(request));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe("Could not reach the image service at https://gateway.example.com");
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it("a network failure then success returns the image", async () => {
    const { imageClient, calls } = client([
      () => {
        throw new TypeError("fetch failed");
      },
      imagesResponse([wide]),
    ]);
    await expect(imageClient.generate(request)).resolves.toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it("no answer within timeoutMs → TimeoutError, the request aborted, not retried", async () => {
    const { imageClient, calls } = client([hangingStep], { timeoutMs: 30 });
    const error = await rejection(imageClient.generate(request));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(30);
    expect(calls[0].init.signal?.aborted).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it("a body that stalls past timeoutMs also times out", async () => {
    const stalled = () => new Response(new ReadableStream({ pull: () => new Promise(() => undefined) }), { status: 200 });
    const { imageClient } = client([stalled], { timeoutMs: 30 });
    await expect(imageClient.generate(request)).rejects.toBeInstanceOf(TimeoutError);
  });

  it("abort while waiting → CancelledError, and the HTTP request is aborted", async () => {
    const { imageClient, calls } = client([hangingStep]);
    const controller = new AbortController();
    const pending = imageClient.generate(request, { signal: controller.signal });
    while (calls.length === 0) await new Promise((r) => setTimeout(r, 0)); // abort once the request is sent, not after a guessed delay
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(calls[0].init.signal?.aborted).toBe(true);
  });

  it("an already aborted signal sends nothing", async () => {
    const { imageClient, calls } = client([imagesResponse([wide])]);
    await expect(imageClient.generate(request, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(CancelledError);
    expect(calls).toHaveLength(0);
  });

  it("abort during a retry wait → CancelledError without another request", async () => {
    const controller = new AbortController();
    const { imageClient, calls } = client([jsonResponse({}, 503), imagesResponse([wide])], {
      sleep: () => {
        controller.abort();
        return new Promise(() => undefined);
      },
    });
    await expect(imageClient.generate(request, { signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(calls).toHaveLength(1);
  });
});

describe("generate: sign-in", () => {
  it("sends a token per call as Authorization: Bearer, asking for the configured scopes", async () => {
    const tokens = countingTokens();
    const { imageClient, calls } = client([imagesResponse([wide]), imagesResponse([wide])], {
      tokenProvider: tokens,
      scopes: ["api://gw/Images.Create"],
    });
    await imageClient.generate(request);
    await imageClient.generate(request);
    expect(calls.map((c) => c.headers.get("authorization"))).toEqual(["Bearer token-1", "Bearer token-2"]);
    expect(tokens.calls).toEqual([
      { scopes: ["api://gw/Images.Create"], options: undefined },
      { scopes: ["api://gw/Images.Create"], options: undefined },
    ]);
    expect(calls[0].init.credentials).toBe("omit");
  });

  it("401 → one forced refresh → success", async () => {
    const tokens = countingTokens();
    const { imageClient, calls, sleeps } = client(
      [jsonResponse({ error: { code: "token_expired", type: "unauthorized", message: "expired" } }, 401), imagesResponse([wide])],
      {
        tokenProvider: tokens,
      },
    );
    await expect(imageClient.generate(request)).resolves.toHaveLength(1);
    expect(tokens.calls.map((c) => c.options)).toEqual([undefined, { forceRefresh: true }]);
    expect(calls.map((c) => c.headers.get("authorization"))).toEqual(["Bearer token-1", "Bearer token-2"]);
    expect(sleeps).toEqual([]);
  });

  it("401 twice → SignInRequiredError carrying the 401", async () => {
    const tokens = countingTokens();
    const unauthorized = () => jsonResponse({ error: { code: "invalid_audience", type: "unauthorized", message: "wrong aud" } }, 401);
    const { imageClient, calls } = client([unauthorized, unauthorized], { tokenProvider: tokens });
    const error = await rejection(imageClient.generate(request));
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect((error.cause as ApiError).code).toBe("invalid_audience");
    expect(calls).toHaveLength(2);
  });

  it("getToken's SignInRequiredError propagates and nothing is sent", async () => {
    const tokenProvider: TokenProvider = {
      getToken: () => Promise.reject(new SignInRequiredError("Sign in to create images")),
    };
    const { imageClient, calls } = client([imagesResponse([wide])], { tokenProvider });
    await expect(imageClient.generate(request)).rejects.toThrow(new SignInRequiredError("Sign in to create images"));
    expect(calls).toHaveLength(0);
  });
});

describe("tokens go only to the gateway origin", () => {
  it("every request carrying the token goes to the configured origin, and redirects are refused", async () => {
    const tokens = countingTokens();
    const { imageClient, calls } = client([jsonResponse({}, 503), imagesResponse([wide])], { tokenProvider: tokens });
    await imageClient.generate(request);
    for (const call of calls) {
      expect(new URL(call.url).origin).toBe(GATEWAY);
      expect(call.init.redirect).toBe("error");
    }
  });

  it.each([
    ["http://gateway.example.com", /must use https/],
    ["https://user:secret@gateway.example.com", /must not carry credentials/],
    ["https://gateway.example.com/?next=https://evil.example", /must not carry credentials, a query/],
    ["gateway.example.com", /not an absolute URL/],
    ["javascript:alert(1)", /must use https/],
  ])("refuses the gateway URL %s", (apiBaseUrl, message) => {
    expect(() => createImageClient({ apiBaseUrl })).toThrow(message);
  });

  it("allows plain http on loopback only (local development)", () => {
    expect(() => createImageClient({ apiBaseUrl: "http://127.0.0.1:3001" })).not.toThrow();
    expect(() => createImageClient({ apiBaseUrl: "http://localhost:3001" })).not.toThrow();
  });
});

describe("retries honour the server", () => {
  it("waits exactly retry-after-ms on a 429, then succeeds", async () => {
    const { imageClient, calls, sleeps } = client([
      jsonResponse({ error: { code: "429", message: "Rate limit" } }, 429, { "retry-after-ms": "1234", "retry-after": "9" }),
      imagesResponse([wide]),
    ]);
    await expect(imageClient.generate(request)).resolves.toHaveLength(1);
    expect(sleeps).toEqual([1234]);
    expect(calls).toHaveLength(2);
  });

  it("uses retry-after seconds, or the gateway envelope's retryAfterMs", async () => {
    const { imageClient, sleeps } = client([
      jsonResponse({}, 503, { "retry-after": "3" }),
      jsonResponse({ error: { code: "queue_full", type: "rate_limited", message: "Busy", retryAfterMs: 2500 } }, 429),
      imagesResponse([wide]),
    ]);
    await imageClient.generate(request);
    expect(sleeps).toEqual([3000, 2500]);
  });

  it("does not sit out a wait longer than 60 s: the 429 comes back with retryAfterMs", async () => {
    const { imageClient, calls, sleeps } = client([jsonResponse({}, 429, { "retry-after": "120" })]);
    const error = (await rejection(imageClient.generate(request))) as ApiError;
    expect(error.type).toBe("rate_limited");
    expect(error.details.retryAfterMs).toBe(120_000);
    expect(sleeps).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it("never retries a 400 or a content filter", async () => {
    const filtered = {
      error: { code: "content_policy_violation", message: "Your request was rejected", inner_error: { code: "ResponsibleAIPolicyViolation" } },
    };
    for (const answer of [jsonResponse({ error: { code: "invalid_size", message: "bad" } }, 400), jsonResponse(filtered, 400)]) {
      const { imageClient, calls, sleeps } = client([answer]);
      await expect(imageClient.generate(request)).rejects.toBeInstanceOf(ApiError);
      expect(calls).toHaveLength(1);
      expect(sleeps).toEqual([]);
    }
  });

  it("maxRetries: 0 turns retries off", async () => {
    const { imageClient, calls } = client([jsonResponse({}, 503)], { maxRetries: 0 });
    await expect(imageClient.generate(request)).rejects.toMatchObject({ status: 503 });
    expect(calls).toHaveLength(1);
  });
});
