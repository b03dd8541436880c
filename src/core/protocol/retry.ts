// The retry policy the pane and the gateway share: retryable statuses, the server's wait hint, backoff with jitter.
//
// Own small policy after openai-node's `src/client.ts` (`shouldRetry`, `calculateDefaultRetryTimeoutMillis`)
// rather than `exponential-backoff` or `p-retry`: those compute every delay themselves and cannot honour the
// per-answer `retry-after-ms` / `retry-after` that Azure's 429s and the gateway's queue send (and p-retry 6+
// is ESM-only, which Jest's CommonJS transform cannot load). `sleep` and `random` are injectable: no clock in tests.

/** Tunables of the retry policy. Times in milliseconds. */
export interface RetryPolicy {
  /** Retries after the first attempt. @default 2 */
  maxRetries: number;
  /** First backoff delay, doubled each retry. @default 500 */
  initialDelayMs: number;
  /** Largest backoff delay. @default 8000 */
  maxDelayMs: number;
  /**
   * Longest server-requested wait sat through. A longer `retry-after` is not waited out: the error is thrown
   * with its `retryAfterMs`, so the caller can say when to try again. @default 60000
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

/** What one side decided about a failure: may the same request be sent again, and did the server name a wait? */
export interface RetryVerdict {
  retryable: boolean;
  /** The server's requested wait (ms), from {@link retryAfterMs} or the error envelope. */
  retryAfterMs?: number;
}

/** HTTP statuses worth another try: 408 timeout, 409 conflict, 429 rate limit, every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The server's requested wait in milliseconds: `retry-after-ms` (Azure), else `retry-after` as seconds or an
 * HTTP date (RFC 9110 §10.2.3). `undefined` when absent or unreadable.
 * @param now Current time in ms since the epoch (for HTTP dates).
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
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

/** Options of {@link retryDelay} and {@link withRetries}: the policy's tunables plus the injectable randomness. */
export interface RetryOptions extends Partial<RetryPolicy> {
  /** Uniform [0, 1) for jitter. @default Math.random */
  random?: () => number;
}

/**
 * How long to wait before retry number `retryIndex` (0-based), or `undefined` to not retry: never when the
 * verdict is missing or not retryable or the retries are used up; the server's hint when it is within
 * `maxServerDelayMs` (a longer hint means no retry); else {@link backoffDelayMs}.
 */
export function retryDelay(verdict: RetryVerdict | undefined, retryIndex: number, options: RetryOptions = {}): number | undefined {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...definedOnly(options) };
  if (retryIndex >= policy.maxRetries || !verdict?.retryable) return undefined;
  const hint = verdict.retryAfterMs;
  if (hint === undefined) return backoffDelayMs(retryIndex, options.random ?? Math.random, policy);
  return hint <= policy.maxServerDelayMs ? hint : undefined;
}

function definedOnly(options: RetryOptions): Partial<RetryPolicy> {
  const { maxRetries, initialDelayMs, maxDelayMs, maxServerDelayMs } = options;
  return Object.fromEntries(Object.entries({ maxRetries, initialDelayMs, maxDelayMs, maxServerDelayMs }).filter(([, v]) => v !== undefined));
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

/** Options of {@link withRetries}. */
export interface WithRetriesOptions<E> extends RetryOptions {
  /** The caller's rule for a failure: retryable or not, with the server's hint. `undefined` = not retryable. */
  classify: (error: unknown) => RetryVerdict | undefined;
  /** Waits `ms`, rejecting when `signal` aborts. @default {@link sleepWithSignal} */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Called before each wait, for logs. */
  onRetry?: (error: E, attempt: number, delayMs: number) => void;
}

/**
 * Runs `attempt(n)` (n = 0, 1, …) until it resolves, a failure is not retryable, or retries are used up; then
 * rethrows the last error. Waits are cut short by `signal` (its reason is thrown).
 */
export async function withRetries<T, E = unknown>(
  attempt: (attemptIndex: number) => Promise<T>,
  signal: AbortSignal,
  options: WithRetriesOptions<E>,
): Promise<T> {
  const sleep = options.sleep ?? sleepWithSignal;
  for (let index = 0; ; index++) {
    try {
      return await attempt(index);
    } catch (error) {
      const delay = signal.aborted ? undefined : retryDelay(options.classify(error), index, options);
      if (delay === undefined) throw error;
      options.onRetry?.(error as E, index + 1, delay);
      await sleep(delay, signal);
    }
  }
}
