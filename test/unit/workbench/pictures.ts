// Real PNG/JPEG bytes for the workbench tests, drawn with sharp (the stand-ins validate every picture).
import sharp from "sharp";
import type { PictureData } from "../../../src/core/types";

/** A solid-colour PNG of `widthPx` × `heightPx` as PictureData. */
export async function pngPicture(widthPx: number, heightPx: number): Promise<PictureData> {
  const bytes = await sharp({ create: { width: widthPx, height: heightPx, channels: 3, background: { r: 40, g: 90, b: 140 } } }).png().toBuffer();
  return { base64: bytes.toString("base64"), mimeType: "image/png", size: { widthPx, heightPx } };
}

/** A solid-colour JPEG of `widthPx` × `heightPx` as PictureData. */
export async function jpegPicture(widthPx: number, heightPx: number): Promise<PictureData> {
  const bytes = await sharp({ create: { width: widthPx, height: heightPx, channels: 3, background: { r: 200, g: 120, b: 40 } } }).jpeg().toBuffer();
  return { base64: bytes.toString("base64"), mimeType: "image/jpeg", size: { widthPx, heightPx } };
}
