// The retry policy: server hints (retry-after-ms, retry-after seconds or date), capped backoff with jitter.
import { ApiError } from "../../../src/core/protocol/errors";
import { backoffDelayMs, retryAfterMs } from "../../../src/core/protocol/retry";
import { ConnectionError, InvalidResponseError, TimeoutError, retryDelayFor } from "../../../src/imaging/errors";

const apiError = (status: number, type: ApiError["type"] = "upstream_unavailable", retryAfterMs?: number) =>
  new ApiError(status, "x", type, "x", { retryAfterMs });

describe("retryAfterMs", () => {
  const now = Date.parse("2026-11-30T09:00:00Z");
  it("prefers retry-after-ms, then retry-after seconds, then an HTTP date", () => {
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250", "retry-after": "7" }), now)).toBe(250);
    expect(retryAfterMs(new Headers({ "retry-after": "7" }), now)).toBe(7000);
    expect(retryAfterMs(new Headers({ "retry-after": "1.5" }), now)).toBe(1500);
    expect(retryAfterMs(new Headers({ "retry-after": "Mon, 30 Nov 2026 09:00:04 GMT" }), now)).toBe(4000);
  });
  it("ignores absent or unreadable hints", () => {
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after-ms": "soon" }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after": "whenever" }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after": "-3" }), now)).toBeUndefined();
  });
  it("a date in the past means no wait", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "Mon, 30 Nov 2026 08:00:00 GMT" }), now)).toBe(0);
  });
});

describe("backoff", () => {
  it("doubles from 0.5 s up to 8 s, with up to 25 % jitter", () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffDelayMs(0, () => 0.999)).toBe(375);
    expect(backoffDelayMs(1, () => 0.5)).toBe(875);
  });
});

describe("retryDelayFor", () => {
  const zero = () => 0;
  it("retries network failures and 408/409/429/5xx twice", () => {
    for (const error of [new ConnectionError("down"), apiError(408), apiError(409), apiError(429, "rate_limited"), apiError(500), apiError(504)]) {
      expect(retryDelayFor(error, 0, zero)).toBe(500);
      expect(retryDelayFor(error, 1, zero)).toBe(1000);
      expect(retryDelayFor(error, 2, zero)).toBeUndefined();
    }
  });
  it("never retries 4xx, content filters, own timeouts or bad bodies", () => {
    for (const error of [
      apiError(400, "bad_request"),
      apiError(403, "forbidden"),
      apiError(404, "not_found"),
      apiError(500, "content_filtered"),
      new TimeoutError(10),
      new InvalidResponseError("bad"),
    ]) {
      expect(retryDelayFor(error, 0, zero)).toBeUndefined();
    }
  });
  it("uses the server's hint when within 60 s, else gives up", () => {
    expect(retryDelayFor(apiError(429, "rate_limited", 20_000), 0, zero)).toBe(20_000);
    expect(retryDelayFor(apiError(429, "rate_limited", 60_001), 0, zero)).toBeUndefined();
  });
});
