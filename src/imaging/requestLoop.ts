// The pane's one attempt loop for calls to the gateway (images, prompts): token, deadline, 401 refresh, shared retries.
import { ApiError } from "../core/protocol/errors";
import type { RetryPolicy } from "../core/protocol/retry";
import { SignInRequiredError, type TokenProvider } from "../core/TokenProvider";
import { assertApiOrigin, type ApiAddress } from "./apiBaseUrl";
import { cancellableSleep, throwIfCancelled, withDeadline } from "./deadline";
import { ConnectionError, retryDelayFor, type ImageClientFailure } from "./errors";

/** What a client of the gateway takes for its calls (tests inject `fetch`, `sleep`, `random`). */
export interface GatewayCallOptions {
  /** Source of access tokens; without it requests carry no `Authorization` header. */
  tokenProvider?: TokenProvider;
  /** Scopes passed to `tokenProvider.getToken`. @default [] */
  scopes?: string[];
  /** `fetch` to use (tests inject a scripted one). @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Per-attempt timeout in milliseconds (answer and whole body); each client says its default. */
  timeoutMs?: number;
  /** Waits between retries, in milliseconds (tests inject one that records and returns at once). */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). @default Math.random */
  random?: () => number;
  /** Retries after the first attempt for 408/409/429/5xx/network failures. @default 2 */
  maxRetries?: number;
}

/** How one call is sent and retried. Times in milliseconds. */
export interface RequestLoopOptions {
  api: ApiAddress;
  /** Absolute URL of the call; the token goes only to `api.origin`. */
  url: string;
  /** Headers of every attempt; `authorization` is added from `tokenProvider`. */
  headers: Record<string, string>;
  tokenProvider?: TokenProvider;
  scopes?: string[];
  signal?: AbortSignal;
  /** Per attempt (answer and body). */
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  retryPolicy: RetryPolicy;
  /** Named in the error after a second 401, e.g. "image service". */
  service: string;
}

/** What an attempt marks once an answer has started (a stream cut after partials is not restarted). */
export interface AttemptProgress {
  answered: boolean;
}

/**
 * Runs `attempt` until it resolves to something other than an {@link ApiError}: a token per attempt (on 401 one forced
 * refresh and one more try, then {@link SignInRequiredError}); {@link ConnectionError}s before any answer and
 * retryable ApiErrors retried by src/core/protocol/retry.ts (server hint first, via `retryDelayFor`).
 * @throws the last ApiError or ConnectionError; CancelledError / TimeoutError of the deadline; errors of
 *   `tokenProvider.getToken` and any other error of `attempt` unchanged
 */
export async function sendWithRetries<T>(
  options: RequestLoopOptions,
  attempt: (headers: Record<string, string>, signal: AbortSignal, progress: AttemptProgress) => Promise<T | ApiError>,
): Promise<T> {
  const { signal, tokenProvider } = options;
  let refreshToken = false;
  let refreshed = false;
  for (let retry = 0; ;) {
    throwIfCancelled(signal);
    const headers: Record<string, string> = { ...options.headers };
    if (tokenProvider) {
      const token = await tokenProvider.getToken(options.scopes ?? [], refreshToken ? { forceRefresh: true } : undefined);
      refreshToken = false;
      throwIfCancelled(signal);
      assertApiOrigin(options.url, options.api);
      headers.authorization = `Bearer ${token}`;
    }
    let failure: ImageClientFailure;
    const progress: AttemptProgress = { answered: false };
    try {
      const outcome = await withDeadline((attemptSignal) => attempt(headers, attemptSignal, progress), { signal, timeoutMs: options.timeoutMs });
      if (!(outcome instanceof ApiError)) return outcome;
      failure = outcome;
    } catch (error) {
      if (!(error instanceof ConnectionError) || progress.answered) throw error;
      failure = error;
    }
    if (failure instanceof ApiError && failure.status === 401 && tokenProvider) {
      if (refreshed) throw new SignInRequiredError(`The ${options.service} refused the access token twice: sign in again`, { cause: failure });
      refreshed = refreshToken = true;
      continue;
    }
    const delayMs = retryDelayFor(failure, retry, options.random, options.retryPolicy);
    if (delayMs === undefined) throw failure;
    await cancellableSleep(options.sleep, delayMs, signal);
    retry += 1;
  }
}
