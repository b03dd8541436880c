// Aspect ratio → pixel size the image API is asked for, and pixel → point sizing for the document.
import type { AspectRatio, PixelSize, PointSize } from "./types";

/**
 * The OpenAI image API `size` for each aspect ratio (gpt-image sizes; the gateway maps them for MAI).
 * Source: shared/docs/image-api.md, "Models and what they accept".
 */
export const API_SIZE: Record<AspectRatio, `${number}x${number}`> = {
  square: "1024x1024",
  landscape: "1536x1024",
  portrait: "1024x1536",
};

/** All sizes the gateway accepts in `size`. */
export const SUPPORTED_API_SIZES: readonly string[] = Object.values(API_SIZE);

/** Parses `"1536x1024"` into pixels; returns `undefined` for anything else. */
export function parseApiSize(size: string): PixelSize | undefined {
  const match = /^(\d{2,5})x(\d{2,5})$/.exec(size);
  if (!match) return undefined;
  return { widthPx: Number(match[1]), heightPx: Number(match[2]) };
}

/** Pixel size requested for an aspect ratio. */
export function pixelSizeFor(aspect: AspectRatio): PixelSize {
  return parseApiSize(API_SIZE[aspect]) as PixelSize;
}

/** The aspect ratio nearest to a width/height pair (any unit). */
export function nearestAspect(width: number, height: number): AspectRatio {
  const ratio = width / height;
  if (ratio > 1.2) return "landscape";
  if (ratio < 1 / 1.2) return "portrait";
  return "square";
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
