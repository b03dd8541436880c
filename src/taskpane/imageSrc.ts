// Builds an `<img src>` for a validated picture: a `data:` URL from its MIME type and base64 bytes, nothing else.
import { pictureDataUrl } from "../core/protocol/base64";
import type { PictureData } from "../core/types";

/**
 * `data:image/png;base64,…` for `picture`, or `undefined` when the MIME type is not PNG/JPEG or the bytes are
 * not plain base64 (so nothing but an image can reach the `src` attribute). Rule: src/core/protocol/base64.ts.
 */
export function imageSrc(picture: Pick<PictureData, "base64" | "mimeType">): string | undefined {
  return pictureDataUrl(picture.mimeType, picture.base64);
}
