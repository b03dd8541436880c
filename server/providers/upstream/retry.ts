// Retry policy for upstream image calls: server hint first (`retry-after-ms`, `retry-after`), else capped
// exponential backoff with jitter; only 408/409/429/5xx/network, never a content filter or another 4xx.
//
// Own ~40 lines after openai-node's `src/client.ts` rather than `p-retry`: p-retry 6+ is ESM-only (Jest here
// transforms to CommonJS and cannot load it without --experimental-vm-modules) and computes every delay
// itself, while the heart of this policy is the per-answer server hint. `sleep` and `random` are injectable so
// tests need no clock.
import { UpstreamError } from "./upstreamErrors";

/** Tunables of {@link withRetries}; times in milliseconds. */
export interface RetryOptions {
  /** Retries after the first attempt. @default 2 (shared/docs/image-api.md) */
  maxRetries?: number;
  /** First backoff delay, doubled per retry. @default 500 */
  initialDelayMs?: number;
  /** Largest backoff delay. @default 8000 */
  maxDelayMs?: number;
  /** Longest server-requested wait sat through; a longer hint ends retrying (the error carries it). @default 60000 */
  maxServerDelayMs?: number;
  /** Waits `ms`, rejecting when `signal` aborts. @default a timer */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Uniform [0, 1) for jitter. @default Math.random */
  random?: () => number;
  /** Called before each wait, for logs. */
  onRetry?: (error: UpstreamError, attempt: number, delayMs: number) => void;
}

/** A timer that rejects with the signal's reason when aborted. */
export function sleepWithSignal(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The wait before retry number `retryIndex` (0-based) after `error`, or `undefined` for "do not retry".
 * Backoff: min(initial·2ⁿ, max) minus up to 25 % jitter.
 */
export function retryDelayMs(error: unknown, retryIndex: number, options: RetryOptions = {}): number | undefined {
  const { maxRetries = 2, initialDelayMs = 500, maxDelayMs = 8000, maxServerDelayMs = 60_000, random = Math.random } = options;
  if (retryIndex >= maxRetries || !(error instanceof UpstreamError) || !error.retryable) return undefined;
  const hint = error.details.retryAfterMs;
  if (hint !== undefined) return hint <= maxServerDelayMs ? hint : undefined;
  return Math.round(Math.min(initialDelayMs * 2 ** retryIndex, maxDelayMs) * (1 - 0.25 * random()));
}

/**
 * Runs `attempt(n)` (n = 0, 1, …) until it resolves, a failure is not retryable, or retries are used up; then
 * rethrows the last error. Waits are cut short by `signal` (its reason is thrown).
 */
export async function withRetries<T>(
  attempt: (attemptIndex: number) => Promise<T>,
  signal: AbortSignal,
  options: RetryOptions = {},
): Promise<T> {
  const sleep = options.sleep ?? sleepWithSignal;
  for (let index = 0; ; index++) {
    try {
      return await attempt(index);
    } catch (error) {
      const delay = signal.aborted ? undefined : retryDelayMs(error, index, options);
      if (delay === undefined) throw error;
      options.onRetry?.(error as UpstreamError, index + 1, delay);
      await sleep(delay, signal);
    }
  }
}
