// Builds an `<img src>` for a validated picture: a `data:` URL from its MIME type and base64 bytes, nothing else.
import type { PictureData } from "../core/types";

const ALLOWED_MIME = new Set(["image/png", "image/jpeg"]);
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * `data:image/png;base64,…` for `picture`, or `undefined` when the MIME type is not PNG/JPEG or the bytes are
 * not plain base64 (so nothing but an image can reach the `src` attribute).
 */
export function imageSrc(picture: Pick<PictureData, "base64" | "mimeType">): string | undefined {
  if (!ALLOWED_MIME.has(picture.mimeType)) return undefined;
  if (picture.base64.length === 0 || picture.base64.length % 4 !== 0 || !BASE64.test(picture.base64)) return undefined;
  return `data:${picture.mimeType};base64,${picture.base64}`;
}
