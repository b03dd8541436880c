// Real picture bytes for tests, drawn with sharp: PNG/JPEG as raw base64 or PictureData, a tiny PNG, and a decoder.
import sharp from "sharp";
import type { PictureData } from "../../src/core/types";

/** A real 1×1 PNG as raw base64, for tests where only the bytes' presence matters (no sharp, no await). */
export const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/** A solid PNG of `width` × `height` px, as raw base64. */
export async function pngBase64(width: number, height: number, color = "#3366aa"): Promise<string> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();
  return bytes.toString("base64");
}

/** A solid JPEG of `width` × `height` px, as raw base64. */
export async function jpegBase64(width: number, height: number, color = "#aa6633"): Promise<string> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
  return bytes.toString("base64");
}

/** A solid PNG of the given pixel size, as PictureData. */
export async function pngPicture(widthPx: number, heightPx: number, color?: string): Promise<PictureData> {
  return { base64: await pngBase64(widthPx, heightPx, color), mimeType: "image/png", size: { widthPx, heightPx } };
}

/** A solid JPEG of the given pixel size, as PictureData. */
export async function jpegPicture(widthPx: number, heightPx: number, color?: string): Promise<PictureData> {
  return { base64: await jpegBase64(widthPx, heightPx, color), mimeType: "image/jpeg", size: { widthPx, heightPx } };
}

/** Format and pixel size decoded from base64 bytes (what a document would show). */
export async function decoded(b64: string): Promise<{ format?: string; width?: number; height?: number }> {
  const meta = await sharp(Buffer.from(b64, "base64")).metadata();
  return { format: meta.format, width: meta.width, height: meta.height };
}
