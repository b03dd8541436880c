// The size to ask a model for so a picture has the exact shape the document needs, and the crop that gets there.
import type { ApiSize, ModelCapabilities, SizeRule } from "./capabilities";
import { parseApiSize } from "../../sizes";
import type { PixelSize } from "../../types";
import { targetRatio, type SizeTarget } from "./aspectRatios";
import { sizeRuleViolation } from "./sizeRule";

/** A rectangle inside an image, in pixels, origin at its top-left corner. */
export interface CropRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Why the delivered shape differs from the asked one. */
export interface SizeNotice {
  /** The box is wider (or taller) than the model's `maxAspectRatio`: the picture is that ratio instead. */
  code: "ratio_clamped";
  /** Width ÷ height of the box. */
  requestedRatio: number;
  /** Width ÷ height delivered. */
  ratio: number;
}

/** What {@link askedSizeFor} answers. */
export interface AskedSize {
  /** The `size` to send, e.g. `"2048x1152"`; always passes the model's rule. */
  apiSize: ApiSize;
  widthPx: number;
  heightPx: number;
  /**
   * Centre crop, in pixels of the returned image, to apply before insert so the picture has exactly `ratio`.
   * Absent when the asked size already has it (to the pixel).
   */
  crop?: CropRect;
  /** Width ÷ height of the delivered picture (after the crop): the target's, or the clamped one. */
  ratio: number;
  notice?: SizeNotice;
}

/** Sides Illustrate asks of MAI are multiples of this (as in Microsoft's examples; the API states no step). */
const MAI_STEP_PX = 16;
/**
 * Weight of the ratio error against the pixel-budget error when choosing among allowed sizes: 1 % of the
 * picture cropped away costs as much as being 20 % off the preferred pixel count.
 */
const RATIO_WEIGHT = 20;

/** How far from the preferred pixel count (as |ln ratio|) an exact-ratio size may be and still win: 1.5×. */
const EXACT_PIXEL_SLACK = Math.log(1.5);

interface Scored {
  size: PixelSize;
  exact: boolean;
  cost: number;
}

/** Exact first, then lower cost, then more pixels (so the choice never depends on candidate order). */
function isBetter(a: Scored, b: Scored): boolean {
  if (a.exact !== b.exact) return a.exact;
  if (Math.abs(a.cost - b.cost) > 1e-12) return a.cost < b.cost;
  return a.size.widthPx * a.size.heightPx > b.size.widthPx * b.size.heightPx;
}

const floorTo = (n: number, step: number) => Math.floor(n / step) * step;
const ceilTo = (n: number, step: number) => Math.ceil(n / step) * step;

/** The allowed sizes worth considering for `ratio`: for each height, the widths either side of height × ratio. */
function candidates(rule: SizeRule, ratio: number): PixelSize[] {
  if (rule.kind === "fixed") return rule.sizes.map((s) => parseApiSize(s)).filter((s): s is PixelSize => s !== undefined);
  const out: PixelSize[] = [];
  const step = rule.kind === "multiple" ? rule.multipleOfPx : MAI_STEP_PX;
  const minSide = rule.kind === "multiple" ? step : ceilTo(rule.minSidePx, step);
  const maxSide = rule.kind === "multiple" ? rule.maxLongEdgePx : rule.maxPixels / minSide;
  for (let h = minSide; h <= maxSide; h += step) {
    const wMin = rule.kind === "multiple" ? ceilTo(Math.max(step, rule.minPixels / h, h / rule.maxRatio), step) : minSide;
    const wMax =
      rule.kind === "multiple"
        ? floorTo(Math.min(rule.maxLongEdgePx, rule.maxPixels / h, h * rule.maxRatio), step)
        : floorTo(rule.maxPixels / h, step);
    if (wMin > wMax) continue;
    const ideal = h * ratio;
    for (const w of new Set([floorTo(ideal, step), ceilTo(ideal, step)])) {
      out.push({ widthPx: Math.min(wMax, Math.max(wMin, w)), heightPx: h });
    }
  }
  return out.filter((size) => sizeRuleViolation(rule, size) === undefined);
}

/** The pixel count a size is judged against, or `undefined` when only the ratio matters (fixed sizes). */
function preferredPixels(rule: SizeRule): number | undefined {
  if (rule.kind === "multiple") return rule.preferredPixels;
  if (rule.kind === "mai") return rule.maxPixels;
  return undefined;
}

/**
 * The centre crop of a `size` image to `ratio` (width ÷ height), whole pixels; `undefined` when the image
 * already has that ratio to the pixel. Only removes: the crop is always inside the image.
 */
export function centreCrop(size: PixelSize, ratio: number): CropRect | undefined {
  const { widthPx: w, heightPx: h } = size;
  if (w / h > ratio) {
    const width = Math.max(1, Math.min(w, Math.round(h * ratio)));
    return width === w ? undefined : { left: Math.floor((w - width) / 2), top: 0, width, height: h };
  }
  const height = Math.max(1, Math.min(h, Math.round(w / ratio)));
  return height === h ? undefined : { left: 0, top: Math.floor((h - height) / 2), width: w, height };
}

/**
 * The size to ask `capabilities`' model for, to deliver a picture of the target's shape with no distortion and
 * no letterbox: the allowed size with exactly the ratio where the rule has one near the model's preferred pixel
 * count (gpt-image-2 16:9 → 2048×1152, 1:1 → 1536×1536); else the nearest allowed size — which, cropped,
 * keeps the same or a wider field of view — plus the centre {@link CropRect} to the exact ratio
 * (gpt-image-1.5 16:9 → 1536×1024 cropped to 1536×864; MAI-Image-2.5 16:9 → 1360×768 cropped to 1360×765).
 * A target wider than the model's `maxAspectRatio` (a 1 × 400 pt sliver) is clamped to it, with a
 * `ratio_clamped` notice.
 * @throws RangeError for a Fit box without a positive finite width and height, or a rule that allows no size
 */
export function askedSizeFor(capabilities: Pick<ModelCapabilities, "family" | "sizeRule" | "maxAspectRatio">, target: SizeTarget): AskedSize {
  const requestedRatio = targetRatio(target);
  const max = capabilities.maxAspectRatio;
  const clamped = Math.min(max, Math.max(1 / max, requestedRatio));
  const ratio = Math.abs(Math.log(clamped / requestedRatio)) < 1e-9 ? requestedRatio : clamped;

  const preferred = preferredPixels(capabilities.sizeRule);
  let best: Scored | undefined;
  for (const size of candidates(capabilities.sizeRule, ratio)) {
    const pixelError = preferred === undefined ? 0 : Math.abs(Math.log((size.widthPx * size.heightPx) / preferred));
    // Exact (no crop) within 1.5× of the preferred pixel count beats any crop; then the weighted cost.
    const exact = centreCrop(size, ratio) === undefined && pixelError <= EXACT_PIXEL_SLACK;
    const cost = pixelError + RATIO_WEIGHT * Math.abs(Math.log(size.widthPx / size.heightPx / ratio));
    if (!best || isBetter({ size, exact, cost }, best)) best = { size, exact, cost };
  }
  if (!best) throw new RangeError(`The size rule of ${capabilities.family} allows no size`);

  const { widthPx, heightPx } = best.size;
  const crop = centreCrop(best.size, ratio);
  return {
    apiSize: `${widthPx}x${heightPx}`,
    widthPx,
    heightPx,
    ...(crop ? { crop } : {}),
    ratio,
    ...(ratio !== requestedRatio ? { notice: { code: "ratio_clamped" as const, requestedRatio, ratio } } : {}),
  };
}
