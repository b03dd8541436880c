// The shapes a person can ask for: named aspect ratios, or Fit (the box the picture will fill, in points).
import type { PointSize } from "../../types";

/** Aspect ratios the pane offers besides Fit, width:height, in the order it lists them. */
export const ASPECT_RATIO_IDS = ["1:1", "4:3", "3:2", "16:9", "9:16", "2:3", "3:4"] as const;
export type AspectRatioId = (typeof ASPECT_RATIO_IDS)[number];

/** True if `value` is a known {@link AspectRatioId} (for values read back from storage). */
export function isAspectRatioId(value: unknown): value is AspectRatioId {
  return typeof value === "string" && (ASPECT_RATIO_IDS as readonly string[]).includes(value);
}

/** Width ÷ height of a named ratio: `"16:9"` → 1.777…. */
export function ratioValue(id: AspectRatioId): number {
  const [w, h] = id.split(":").map(Number) as [number, number];
  return w / h;
}

/**
 * Where a Fit box comes from: the selected picture's box (Replace), an empty placeholder or the free area the
 * picture will go to on the slide, the full slide (`pageSetup`: 16:9 is 960 × 540 pt, 4:3 is 720 × 540 pt), or
 * the Word text column. Only informs notices and logs: the size depends on the box alone.
 */
export type FitSource = "picture" | "placeholder" | "free-area" | "slide" | "text-column";

/** What shape to ask for: a named ratio, or Fit to a box in points (only its ratio matters). */
export type SizeTarget = { aspect: AspectRatioId } | { fit: PointSize; source?: FitSource };

/**
 * Width ÷ height the target asks for.
 * @throws RangeError when a Fit box has a side that is not a positive finite number of points
 */
export function targetRatio(target: SizeTarget): number {
  if ("aspect" in target) return ratioValue(target.aspect);
  const { widthPt, heightPt } = target.fit;
  if (!(Number.isFinite(widthPt) && Number.isFinite(heightPt) && widthPt > 0 && heightPt > 0)) {
    throw new RangeError(`A Fit box needs a positive width and height in points (got ${widthPt} × ${heightPt})`);
  }
  return widthPt / heightPt;
}
