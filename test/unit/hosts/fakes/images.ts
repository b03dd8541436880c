// Real PNG/JPEG bytes (drawn with sharp) for the host adapter tests, as raw base64.
import sharp from "sharp";
import type { PictureData } from "../../../../src/core/types";

/** A solid PNG of the given pixel size. */
export async function pngPicture(widthPx: number, heightPx: number, color = "#3366aa"): Promise<PictureData> {
  const bytes = await sharp({ create: { width: widthPx, height: heightPx, channels: 3, background: color } }).png().toBuffer();
  return { base64: bytes.toString("base64"), mimeType: "image/png", size: { widthPx, heightPx } };
}

/** A solid JPEG of the given pixel size. */
export async function jpegPicture(widthPx: number, heightPx: number): Promise<PictureData> {
  const bytes = await sharp({ create: { width: widthPx, height: heightPx, channels: 3, background: "#aa6633" } }).jpeg().toBuffer();
  return { base64: bytes.toString("base64"), mimeType: "image/jpeg", size: { widthPx, heightPx } };
}
