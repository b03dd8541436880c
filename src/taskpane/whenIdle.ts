// Runs work once the browser is idle after first paint (requestIdleCallback, or a timeout where it is missing).

/** Calls `run` when the page is idle, at the latest after `timeoutMs` (default 500 ms). */
export function whenIdle(run: () => void, timeoutMs = 500): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: timeoutMs });
  else setTimeout(run, 0);
}
