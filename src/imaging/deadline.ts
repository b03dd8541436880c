// Runs one request under the caller's AbortSignal and a timeout, turning either into CancelledError / TimeoutError.
import { CancelledError, TimeoutError } from "./errors";

/** Throws {@link CancelledError} if `signal` has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * Calls `run` with a signal that fires when the caller's `signal` fires or after `timeoutMs`, and settles as
 * soon as either happens even if `run` ignores its signal (an injected `fetch`, a stalled body read).
 *
 * @param run The work; pass its signal to `fetch` so the HTTP request is really aborted.
 * @param options.timeoutMs Milliseconds for the whole of `run` (answer and body).
 * @throws CancelledError when the caller's signal fires (also if it already had).
 * @throws TimeoutError when `timeoutMs` passes first.
 * Any other error of `run` is rethrown unchanged.
 */
export async function withDeadline<T>(run: (signal: AbortSignal) => Promise<T>, options: { signal?: AbortSignal; timeoutMs: number }): Promise<T> {
  const { signal, timeoutMs } = options;
  throwIfCancelled(signal);
  const controller = new AbortController();
  let stop!: (error: Error) => void;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  const onAbort = () => {
    controller.abort();
    stop(new CancelledError());
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
    stop(new TimeoutError(timeoutMs));
  }, timeoutMs);
  try {
    return await Promise.race([run(controller.signal), stopped]);
  } catch (error) {
    if (signal?.aborted) throw new CancelledError();
    if (timedOut) throw new TimeoutError(timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

/**
 * Waits `ms` with the injected `sleep`, but rejects with {@link CancelledError} as soon as `signal` fires.
 */
export async function cancellableSleep(sleep: (ms: number) => Promise<void>, ms: number, signal?: AbortSignal): Promise<void> {
  throwIfCancelled(signal);
  if (!signal) return sleep(ms);
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new CancelledError());
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms), aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}
