// The image client's retry policy: which failures to retry and how long to wait (server hint first, else backoff).
//
// Own small policy after openai-node's `src/client.ts` (`shouldRetry`, `calculateDefaultRetryTimeoutMillis`)
// rather than `exponential-backoff`: that library computes every delay itself and cannot honour the
// server's `retry-after-ms` / `retry-after`, which Azure's 429s carry and the gateway's queue sends.
import { ApiError, ConnectionError, type ImageClientError } from "./errors";

/** Tunables of the retry policy. Times in milliseconds. */
export interface RetryPolicy {
  /** Retries after the first attempt. @default 2 */
  maxRetries: number;
  /** First backoff delay, doubled each retry. @default 500 */
  initialDelayMs: number;
  /** Largest backoff delay. @default 8000 */
  maxDelayMs: number;
  /**
   * Longest server-requested wait the client sits through. A longer `retry-after` is not waited out: the
   * error is thrown with its `retryAfterMs`, so the pane can say when to try again. @default 60000
   */
  maxServerDelayMs: number;
}

/** Two retries, 0.5 s → 1 s (then capped at 8 s), server hints up to 60 s. Source: shared/docs/image-api.md. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8000,
  maxServerDelayMs: 60_000,
};

/** HTTP statuses worth another try: 408 timeout, 409 conflict, 429 rate limit, every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The server's requested wait in milliseconds: `retry-after-ms` (Azure), else `retry-after` as seconds or an
 * HTTP date. `undefined` when absent or unreadable.
 * @param now Current time in ms since the epoch (for HTTP dates).
 */
export function serverRetryDelayMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "") {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const after = headers.get("retry-after");
  if (after === null || after.trim() === "") return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Capped exponential backoff with up to 25 % jitter downwards: min(0.5·2ⁿ, 8) s · (1 − 0.25·random). */
export function backoffDelayMs(retryIndex: number, random: () => number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const base = Math.min(policy.initialDelayMs * 2 ** retryIndex, policy.maxDelayMs);
  return Math.round(base * (1 - random() * 0.25));
}

/**
 * How long to wait before retry number `retryIndex` (0-based) after `error`, or `undefined` to not retry.
 *
 * Retried: {@link ConnectionError} (no answer at all), and {@link ApiError}s with a retryable status
 * ({@link isRetryableStatus}).
 * Never retried: content-filter and other 4xx answers, timeouts of the client itself, cancels, bad bodies.
 * The server's hint (`details.retryAfterMs`) wins when it is within `maxServerDelayMs`; a longer hint means
 * no retry.
 */
export function retryDelayFor(
  error: ImageClientError,
  retryIndex: number,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number | undefined {
  if (retryIndex >= policy.maxRetries) return undefined;
  if (error instanceof ConnectionError) return backoffDelayMs(retryIndex, random, policy);
  if (!(error instanceof ApiError)) return undefined;
  if (error.type === "content_filtered" || !isRetryableStatus(error.status)) return undefined;
  const hint = error.details.retryAfterMs;
  if (hint === undefined) return backoffDelayMs(retryIndex, random, policy);
  return hint <= policy.maxServerDelayMs ? hint : undefined;
}
