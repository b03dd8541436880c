// The upstream error mapper and the retry policy as pure functions (no network, no clock).
import { retryAfterMs, retryDelay, withRetries } from "../../../../src/core/protocol/retry";
import { firedCategories } from "../../../../src/core/protocol/upstreamErrorShapes";
import {
  UpstreamError,
  errorFromStreamEvent,
  errorFromUpstreamAnswer,
  upstreamRetryVerdict,
} from "../../../../server/providers/upstream/upstreamErrors";

const headers = (values: Record<string, string> = {}) => new Headers(values);

describe("retryAfterMs", () => {
  test("retry-after-ms wins over retry-after", () => {
    expect(retryAfterMs(headers({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
  });
  test("retry-after in seconds, or as an HTTP date", () => {
    expect(retryAfterMs(headers({ "retry-after": "2" }))).toBe(2000);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs(headers({ "retry-after": "Thu, 01 Jan 2026 00:00:03 GMT" }), now)).toBe(3000);
  });
  test("absent or unreadable → undefined", () => {
    expect(retryAfterMs(headers())).toBeUndefined();
    expect(retryAfterMs(headers({ "retry-after": "soon" }))).toBeUndefined();
  });
});

describe("firedCategories", () => {
  test("reads inner_error.content_filter_results and innererror.content_filter_result", () => {
    expect(firedCategories({ inner_error: { content_filter_results: { violence: { filtered: true }, hate: { filtered: false } } } })).toEqual([
      "violence",
    ]);
    expect(
      firedCategories({ innererror: { content_filter_result: { self_harm: { filtered: true }, jailbreak: { filtered: true, detected: true } } } }),
    ).toEqual(["self_harm", "jailbreak"]);
    expect(firedCategories({ innererror: { content_filter_results: { sexual: { filtered: true } } } })).toEqual(["sexual"]);
  });
});

describe("errorFromUpstreamAnswer", () => {
  test("a 429 keeps the server's wait and is retryable", () => {
    const error = errorFromUpstreamAnswer(429, { error: { code: "429" } }, headers({ "retry-after-ms": "1200" }));
    expect(error).toMatchObject({ statusCode: 429, code: "rate_limited", retryable: true });
    expect(error.details.retryAfterMs).toBe(1200);
  });
  test("a content filter is never retryable, whatever the status", () => {
    expect(errorFromUpstreamAnswer(400, { error: { code: "content_filter" } }, headers())).toMatchObject({
      code: "content_filtered",
      retryable: false,
    });
    expect(errorFromUpstreamAnswer(500, { error: { code: "x", inner_error: { code: "ResponsibleAIPolicyViolation" } } }, headers())).toMatchObject({
      code: "content_filtered",
      retryable: false,
    });
  });
  test("a body that is not JSON still maps by status", () => {
    expect(errorFromUpstreamAnswer(502, undefined, headers())).toMatchObject({ code: "upstream_unavailable", retryable: true });
    expect(errorFromUpstreamAnswer(413, undefined, headers())).toMatchObject({ code: "bad_request", retryable: false });
  });
  test("stream events: content filter keeps its code; anything else is upstream_stream_error", () => {
    expect(errorFromStreamEvent({ error: { code: "moderation_blocked" } })).toMatchObject({ code: "content_filtered" });
    expect(errorFromStreamEvent({ type: "error", code: "server_error" })).toMatchObject({ code: "upstream_stream_error", retryable: false });
  });
});

describe("retry policy", () => {
  const transient = () => new UpstreamError(502, "upstream_unavailable", "upstream_unavailable", "x", true, 503);
  test("backoff doubles, is capped at 8 s, and jitters down by at most 25 %", () => {
    expect(retryDelay(upstreamRetryVerdict(transient()), 0, { random: () => 0, maxRetries: 9 })).toBe(500);
    expect(retryDelay(upstreamRetryVerdict(transient()), 1, { random: () => 0, maxRetries: 9 })).toBe(1000);
    expect(retryDelay(upstreamRetryVerdict(transient()), 6, { random: () => 0, maxRetries: 9 })).toBe(8000);
    expect(retryDelay(upstreamRetryVerdict(transient()), 1, { random: () => 0.999, maxRetries: 9 })).toBe(750);
  });
  test("the server hint wins; a hint over maxServerDelayMs means no retry", () => {
    const limited = new UpstreamError(429, "rate_limited", "rate_limited", "x", true, 429, { retryAfterMs: 3000 });
    expect(retryDelay(upstreamRetryVerdict(limited), 0)).toBe(3000);
    expect(retryDelay(upstreamRetryVerdict(limited), 0, { maxServerDelayMs: 1000 })).toBeUndefined();
  });
  test("two retries at most; non-retryable errors and plain Errors are not retried", () => {
    expect(retryDelay(upstreamRetryVerdict(transient()), 2)).toBeUndefined();
    expect(retryDelay(upstreamRetryVerdict(new UpstreamError(400, "content_filtered", "content_filtered", "x", false, 400)), 0)).toBeUndefined();
    expect(retryDelay(upstreamRetryVerdict(new Error("bug")), 0)).toBeUndefined();
  });
  test("withRetries sleeps the computed delays with an injected sleep, then rethrows", async () => {
    const slept: number[] = [];
    let attempts = 0;
    const failing = withRetries(
      async () => {
        attempts++;
        throw transient();
      },
      new AbortController().signal,
      { classify: upstreamRetryVerdict, sleep: async (ms) => void slept.push(ms), random: () => 0 },
    );
    await expect(failing).rejects.toMatchObject({ code: "upstream_unavailable" });
    expect(attempts).toBe(3);
    expect(slept).toEqual([500, 1000]);
  });
});
