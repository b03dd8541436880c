// Worst-case and best-case pictures for the gateway benches, made with sharp at run time (nothing stored).
import { randomBytes } from "node:crypto";
import sharp from "sharp";

/**
 * A `width`×`height` opaque RGB PNG of uniform random noise: "photographic noise" that deflate cannot shrink,
 * so 1536×1024 gives ≈ 4.7 MB — the largest PNG a gpt-image model returns at that size.
 */
export function noisePng(width = 1536, height = 1024): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** A `width`×`height` flat-colour PNG (a few KB): the small picture of the requests/s run. */
export function flatPng(width = 1024, height = 1024): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 70, g: 120, b: 180 } } })
    .png()
    .toBuffer();
}
