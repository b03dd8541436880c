// Builds an `<img src>` for a validated picture: a `data:` URL from its MIME type and base64 bytes, nothing else.
import { pictureDataUrl } from "../core/protocol/base64";
import type { PictureData } from "../core/types";

type Picture = Pick<PictureData, "base64" | "mimeType">;

/** Picture object → its `src`: the bytes' check scans every character, so once per picture, not once per render. */
const made = new WeakMap<Picture, string | undefined>();

/**
 * `data:image/png;base64,…` for `picture`, or `undefined` when the MIME type is not PNG/JPEG or the bytes are
 * not plain base64 (so nothing but an image can reach the `src` attribute). Rule: src/core/protocol/base64.ts.
 * Made once per picture object (pictures are never changed in place) and the same string after that, so a
 * re-render of a list of multi-MB pictures neither scans their bytes again nor compares new strings with old ones
 * (issue #11: a pane with ten 4.7 MB pictures spent ~70 ms a render on this).
 */
export function imageSrc(picture: Picture): string | undefined {
  if (made.has(picture)) return made.get(picture);
  const src = pictureDataUrl(picture.mimeType, picture.base64);
  made.set(picture, src);
  return src;
}
