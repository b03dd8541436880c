// The pane's User Timing entries (performance.mark / measure) on the picture path, under stable names that
// bench/paneOverhead.ts reads in the browser; a no-op where `performance.measure` is missing.

/** Names of the pane's measures and marks. Stable: the overhead bench reads them. */
export const PANE_TIMINGS = {
  /** Measure: byte checks and header decode (pixel size) of one picture from the API (`validateImageBase64`). */
  validateImage: "illustrate:validate-image",
  /** Measure: making a picture ready for the document before insert (`prepareForDocument`: decode, any transcode). */
  prepareForDocument: "illustrate:prepare-for-document",
  /** Mark: the request for pictures is handed to `fetch` (the token is in hand), once per attempt. */
  requestSent: "illustrate:request-sent",
  /** Mark: a streamed final picture (`image_generation.completed`) was received, before its checks. */
  finalArrived: "illustrate:final-arrived",
  /** Mark: a streamed partial image (by index) was received, before its checks. */
  partialArrived: (index: number) => `illustrate:partial-arrived:${index}`,
  /** Measure: from {@link PANE_TIMINGS.partialArrived} to the preview loaded and painted (two animation frames later). */
  partialShown: "illustrate:partial-shown",
} as const;

const userTiming = (): Performance | undefined =>
  typeof performance !== "undefined" && typeof performance.measure === "function" ? performance : undefined;

function measureSince(name: string, start: number): void {
  userTiming()?.measure(name, { start, end: performance.now() });
}

/** `work()`, recorded as the measure `name`. Errors pass through (the time is recorded all the same). */
export function timed<T>(name: string, work: () => T): T {
  const start = userTiming() ? performance.now() : 0;
  try {
    return work();
  } finally {
    if (userTiming()) measureSince(name, start);
  }
}

/** `await work()`, recorded as the measure `name`. */
export async function timedAsync<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = userTiming() ? performance.now() : 0;
  try {
    return await work();
  } finally {
    if (userTiming()) measureSince(name, start);
  }
}

/** Marks `name` (one of the {@link PANE_TIMINGS} marks) now. */
export function markNow(name: string): void {
  userTiming()?.mark(name);
}

/** Marks the arrival of streamed partial image `index`. */
export function markPartialArrived(index: number): void {
  userTiming()?.mark(PANE_TIMINGS.partialArrived(index));
}

/**
 * Records {@link PANE_TIMINGS.partialShown} for partial `index` once the frame after its `<img>` loaded is painted
 * (call from the image's `load` event). Nothing when its arrival was not marked.
 */
export function markPartialShown(index: number): void {
  const timing = userTiming();
  if (!timing || typeof requestAnimationFrame !== "function") return;
  const [arrived] = timing.getEntriesByName(PANE_TIMINGS.partialArrived(index), "mark").slice(-1);
  if (!arrived) return;
  requestAnimationFrame(() => requestAnimationFrame(() => measureSince(PANE_TIMINGS.partialShown, arrived.startTime)));
}
