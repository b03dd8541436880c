// The API sizes pane and gateway agree on: aspect ratio → OpenAI `size`, the sizes the gateway accepts, parsing `WxH`.
import type { AspectRatio, PixelSize } from "./wire";

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

/** The aspect ratio nearest to a width/height pair (any unit). */
export function nearestAspect(width: number, height: number): AspectRatio {
  const ratio = width / height;
  if (ratio > 1.2) return "landscape";
  if (ratio < 1 / 1.2) return "portrait";
  return "square";
}
