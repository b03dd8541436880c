// Pure picture geometry: where a picture goes on a slide (placeholder, free area, full slide, beside text) and the box a replacement takes.
import type { PixelSize, PointSize } from "./types";

/** A rectangle on a slide, in points (1/72 inch), origin at the slide's top-left corner. */
export interface RectPt {
  leftPt: number;
  topPt: number;
  widthPt: number;
  heightPt: number;
}

/** Slide size when the host cannot tell (PowerPointApi < 1.10 has no `pageSetup`): 16:9, 13.333 × 7.5 in. */
export const DEFAULT_SLIDE_SIZE_PT: PointSize = { widthPt: 960, heightPt: 540 };

/** Gap kept between a placed picture and the slide edge or other shapes, in points (0.25 in). */
export const DEFAULT_MARGIN_PT = 18;

/** Free areas smaller than this on either side are not worth a picture, in points (1 in). */
export const MIN_FREE_SIDE_PT = 72;

/** What a shape on the slide means for placement. */
export type SlideShapeRole =
  /** An empty placeholder that takes a picture (`Picture`, or `Content`/`Object` with nothing in it). */
  | "empty-picture-placeholder"
  /** Anything that must not be covered: text boxes, filled placeholders, pictures, charts… */
  | "obstacle";

/** A shape already on the slide, reduced to what placement needs. Geometry in points. */
export interface SlideShapeInfo {
  id: string;
  role: SlideShapeRole;
  rect: RectPt;
}

/** Where the picture goes, as the adapter will put it. */
export type SlidePlan =
  /** Into an empty picture placeholder: insert without a position so the host fills it (office-js #2451, #2651). */
  | { kind: "placeholder"; placeholderId: string; rect: RectPt }
  /** At an explicit box; `sendToBack` for full-slide backgrounds. */
  | { kind: "box"; rect: RectPt; sendToBack: boolean };

/** Inputs of {@link planSlidePlacement}. */
export interface SlidePlacementInput {
  slide: PointSize;
  shapes: readonly SlideShapeInfo[];
  /** Pixel size of the picture: only its aspect ratio is used. */
  image: PixelSize;
  placement: "auto" | "fit-free-area" | "full-slide" | "beside-text";
  /** @default DEFAULT_MARGIN_PT */
  marginPt?: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function right(r: RectPt): number {
  return r.leftPt + r.widthPt;
}
function bottom(r: RectPt): number {
  return r.topPt + r.heightPt;
}

/** True when two rectangles overlap with a positive area (touching edges do not count). */
export function overlaps(a: RectPt, b: RectPt): boolean {
  return a.leftPt < right(b) && b.leftPt < right(a) && a.topPt < bottom(b) && b.topPt < bottom(a);
}

/** Area of the intersection of two rectangles, in square points. */
export function intersectionArea(a: RectPt, b: RectPt): number {
  const w = Math.min(right(a), right(b)) - Math.max(a.leftPt, b.leftPt);
  const h = Math.min(bottom(a), bottom(b)) - Math.max(a.topPt, b.topPt);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The slide minus a margin on every side. */
export function insetSlide(slide: PointSize, marginPt: number): RectPt {
  return { leftPt: marginPt, topPt: marginPt, widthPt: slide.widthPt - 2 * marginPt, heightPt: slide.heightPt - 2 * marginPt };
}

/**
 * Largest axis-aligned rectangle inside `bounds` that overlaps none of `obstacles` grown by `marginPt`.
 * Exhaustive over the edges of the obstacles (slides hold a few dozen shapes at most).
 * @returns the rectangle, or `undefined` when no free area is at least {@link MIN_FREE_SIDE_PT} on both sides.
 */
export function largestFreeRect(bounds: RectPt, obstacles: readonly RectPt[], marginPt: number): RectPt | undefined {
  const grown = obstacles
    .map((o) => ({
      leftPt: o.leftPt - marginPt,
      topPt: o.topPt - marginPt,
      widthPt: o.widthPt + 2 * marginPt,
      heightPt: o.heightPt + 2 * marginPt,
    }))
    .filter((o) => overlaps(o, bounds));
  const clampX = (x: number) => Math.min(Math.max(x, bounds.leftPt), right(bounds));
  const clampY = (y: number) => Math.min(Math.max(y, bounds.topPt), bottom(bounds));
  const xs = [...new Set([bounds.leftPt, right(bounds), ...grown.flatMap((o) => [clampX(o.leftPt), clampX(right(o))])])].sort(
    (a, b) => a - b,
  );
  const ys = [...new Set([bounds.topPt, bottom(bounds), ...grown.flatMap((o) => [clampY(o.topPt), clampY(bottom(o))])])].sort(
    (a, b) => a - b,
  );
  let best: RectPt | undefined;
  let bestArea = 0;
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const widthPt = xs[j] - xs[i];
      if (widthPt < MIN_FREE_SIDE_PT) continue;
      for (let k = 0; k < ys.length; k++) {
        for (let l = k + 1; l < ys.length; l++) {
          const heightPt = ys[l] - ys[k];
          if (heightPt < MIN_FREE_SIDE_PT || widthPt * heightPt <= bestArea) continue;
          const candidate = { leftPt: xs[i], topPt: ys[k], widthPt, heightPt };
          if (grown.some((o) => overlaps(o, candidate))) continue;
          best = candidate;
          bestArea = widthPt * heightPt;
        }
      }
    }
  }
  return best;
}

/** The largest rectangle of the image's aspect ratio inside `box`, centred in it. Rounded to 0.01 pt. */
export function fitInto(image: PixelSize, box: RectPt): RectPt {
  const scale = Math.min(box.widthPt / image.widthPx, box.heightPt / image.heightPx);
  const widthPt = image.widthPx * scale;
  const heightPt = image.heightPx * scale;
  return {
    leftPt: round2(box.leftPt + (box.widthPt - widthPt) / 2),
    topPt: round2(box.topPt + (box.heightPt - heightPt) / 2),
    widthPt: round2(widthPt),
    heightPt: round2(heightPt),
  };
}

/**
 * Moves (and if needed shrinks, keeping the aspect ratio) `rect` so it lies inside the slide.
 * Used for a replaced picture that keeps its old place but takes a new aspect ratio.
 */
export function keepInsideSlide(rect: RectPt, slide: PointSize): RectPt {
  const scale = Math.min(1, slide.widthPt / rect.widthPt, slide.heightPt / rect.heightPt);
  const widthPt = rect.widthPt * scale;
  const heightPt = rect.heightPt * scale;
  const leftPt = Math.min(Math.max(rect.leftPt, 0), slide.widthPt - widthPt);
  const topPt = Math.min(Math.max(rect.topPt, 0), slide.heightPt - heightPt);
  return { leftPt: round2(leftPt), topPt: round2(topPt), widthPt: round2(widthPt), heightPt: round2(heightPt) };
}

/**
 * Size in points a replacing picture takes, in Word and on a slide alike: the old size when `keepBox`, else the old
 * width with the height following the new image's aspect ratio (rounded to 0.01 pt), so the picture keeps its
 * place in the text column or on the slide without being stretched.
 * @param oldSizePt size of the picture being replaced, in points
 * @param image pixel size of the new picture: only its aspect ratio is used
 */
export function replacementSize(oldSizePt: PointSize, image: PixelSize, keepBox = false): PointSize {
  if (keepBox) return { widthPt: oldSizePt.widthPt, heightPt: oldSizePt.heightPt };
  return { widthPt: oldSizePt.widthPt, heightPt: round2((oldSizePt.widthPt * image.heightPx) / image.widthPx) };
}

/**
 * The box on a slide a replacing picture takes: {@link replacementSize} (same left and width), centred vertically
 * on the old box, then moved or shrunk by {@link keepInsideSlide} so a taller picture does not leave the slide.
 * Both the PowerPoint adapter and the workbench slide use it.
 * @param old geometry of the picture being replaced, in points
 * @param image pixel size of the new picture
 * @param slide slide size in points
 */
export function replacementRect(old: RectPt, image: PixelSize, slide: PointSize, keepBox = false): RectPt {
  const size = replacementSize(old, image, keepBox);
  return keepInsideSlide({ leftPt: old.leftPt, topPt: old.topPt + (old.heightPt - size.heightPt) / 2, ...size }, slide);
}

/** The half of the slide (inset by the margin) that text covers least; ties go to the right half. */
export function halfBesideText(slide: PointSize, obstacles: readonly RectPt[], marginPt: number): RectPt {
  const inner = insetSlide(slide, marginPt);
  const halfWidth = (inner.widthPt - marginPt) / 2;
  const leftHalf: RectPt = { ...inner, widthPt: halfWidth };
  const rightHalf: RectPt = { ...inner, leftPt: inner.leftPt + halfWidth + marginPt, widthPt: halfWidth };
  const covered = (half: RectPt) => obstacles.reduce((sum, o) => sum + intersectionArea(o, half), 0);
  return covered(leftHalf) < covered(rightHalf) ? leftHalf : rightHalf;
}

/**
 * Decides where a picture goes on a slide. Never returns a box outside the slide.
 * - `auto`: the first empty picture placeholder, else as `fit-free-area`.
 * - `fit-free-area`: the largest area not covered by shapes (with margins); the whole inner slide when none is left.
 * - `full-slide`: the whole slide (aspect ratio kept, centred), sent to back as a background.
 * - `beside-text`: the half of the slide with less text.
 */
export function planSlidePlacement(input: SlidePlacementInput): SlidePlan {
  const marginPt = input.marginPt ?? DEFAULT_MARGIN_PT;
  const obstacles = input.shapes.filter((s) => s.role === "obstacle").map((s) => s.rect);
  switch (input.placement) {
    case "full-slide":
      return {
        kind: "box",
        rect: fitInto(input.image, { leftPt: 0, topPt: 0, ...input.slide }),
        sendToBack: true,
      };
    case "beside-text":
      return { kind: "box", rect: fitInto(input.image, halfBesideText(input.slide, obstacles, marginPt)), sendToBack: false };
    case "auto": {
      const placeholder = input.shapes.find((s) => s.role === "empty-picture-placeholder");
      if (placeholder) return { kind: "placeholder", placeholderId: placeholder.id, rect: placeholder.rect };
      break;
    }
    case "fit-free-area":
      break;
  }
  const inner = insetSlide(input.slide, marginPt);
  const free = largestFreeRect(inner, obstacles, marginPt) ?? inner;
  return { kind: "box", rect: fitInto(input.image, free), sendToBack: false };
}

/**
 * True when the host put the picture somewhere else than asked by more than `tolerancePt` on any edge: some
 * PowerPoint hosts read `imageLeft/Top/Width/Height` as pixels (office-js #2714) and a picture can be pulled
 * into a placeholder (#2451). The adapter then sets the shape's geometry itself.
 */
export function geometryDiffers(wanted: RectPt, actual: RectPt, tolerancePt = 1): boolean {
  return (
    Math.abs(wanted.leftPt - actual.leftPt) > tolerancePt ||
    Math.abs(wanted.topPt - actual.topPt) > tolerancePt ||
    Math.abs(wanted.widthPt - actual.widthPt) > tolerancePt ||
    Math.abs(wanted.heightPt - actual.heightPt) > tolerancePt
  );
}

/**
 * The largest area of the slide no obstacle covers (margins kept), as a deck lists it (`DeckItem.freeAreaPt`): the
 * box a picture for this slide is sized for. `undefined` when nothing at least {@link MIN_FREE_SIDE_PT} on each side
 * is left. Empty picture placeholders are not obstacles (a picture goes into them).
 */
export function freeAreaOf(slide: PointSize, shapes: readonly SlideShapeInfo[], marginPt = DEFAULT_MARGIN_PT): RectPt | undefined {
  const obstacles = shapes.filter((s) => s.role === "obstacle").map((s) => s.rect);
  return largestFreeRect(insetSlide(slide, marginPt), obstacles, marginPt);
}
