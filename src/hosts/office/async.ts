// Promises over the Office Common API's callbacks, and a timeout for host calls that may never answer.
import { HostError } from "../errors";

/** Default time a single host step may take before it is given up, in milliseconds (office-js #5022). */
export const DEFAULT_STEP_TIMEOUT_MS = 20_000;

/**
 * Calls a Common API `…Async` method and resolves with `AsyncResult.value`, or rejects with its `Office.Error`
 * (which has a numeric `code`, see ./officeErrors).
 */
export function callAsync<T>(start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) => {
      // Office.AsyncResultStatus.Failed is the string "failed" at run time.
      if (String(result.status) === "failed") reject(result.error);
      else resolve(result.value);
    });
  });
}

/**
 * Rejects with `HostError("timeout")` when `work` has not settled after `ms`. The host call itself cannot be
 * cancelled: PowerPoint on the web sometimes never resolves `sync()` after an image insert (office-js #5022),
 * which is why each PowerPoint step runs in its own `PowerPoint.run` behind this guard.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HostError("timeout", `${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
