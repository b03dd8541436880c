// Aspect ratio → pixel size the image API is asked for, and pixel → point sizing for the document.
import { API_SIZE, parseApiSize } from "./protocol/apiSizes";
import type { AspectRatio, PixelSize, PointSize } from "./types";

export { API_SIZE, SUPPORTED_API_SIZES, nearestAspect, parseApiSize } from "./protocol/apiSizes";

/** Pixel size requested for an aspect ratio. */
export function pixelSizeFor(aspect: AspectRatio): PixelSize {
  return parseApiSize(API_SIZE[aspect]) as PixelSize;
}

/**
 * Fits a picture of `image` pixels into a box `maxWidthPt` wide (and optionally `maxHeightPt` high), keeping
 * its aspect ratio. Returns points, rounded to 0.01 pt.
 */
export function fitPoints(image: PixelSize, maxWidthPt: number, maxHeightPt = Number.POSITIVE_INFINITY): PointSize {
  const scale = Math.min(maxWidthPt / image.widthPx, maxHeightPt / image.heightPx);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { widthPt: round(image.widthPx * scale), heightPt: round(image.heightPx * scale) };
}
