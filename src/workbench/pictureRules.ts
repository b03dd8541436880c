// Rules both workbench stand-ins apply to a picture before it enters the document: byte checks, alt text, sizes.
import { altTextOnReplace, type AltText } from "../core/altText";
import type { PictureData, PixelSize, PointSize } from "../core/types";
import { HostError } from "../hosts/errors";
import type { ReplaceOptions } from "../hosts/DocumentHost";
import { validateImageBase64 } from "../imaging/validateImage";

/**
 * Checks that `picture` is raw base64 of a whole PNG or JPEG whose type and pixel size are what it claims, so the
 * stand-in document only ever receives a valid image (as the Office adapters require).
 * @throws HostError `insert_refused` naming what is wrong; the document is not touched.
 */
export function checkPicture(picture: PictureData): void {
  let checked: PictureData;
  try {
    checked = validateImageBase64(picture.base64, { expectedSize: picture.size, field: "picture" });
  } catch (error) {
    throw new HostError("insert_refused", `The picture was not inserted: ${(error as Error).message}`, { cause: error });
  }
  if (checked.mimeType !== picture.mimeType) {
    throw new HostError("insert_refused", `The picture was not inserted: its bytes are ${checked.mimeType}, not ${picture.mimeType}`);
  }
}

/** A `data:` URL for showing checked picture bytes in an `<img>` (the stand-ins only; never sent to Office). */
export function pictureDataUrl(picture: PictureData): string {
  return `data:${picture.mimeType};base64,${picture.base64}`;
}

/**
 * Alt text of a replacing picture: `options.altText` when `overwriteAltText` is set or the old alt text is
 * Illustrate's own (default title, description from `storedPrompt`, the prompt kept with the old picture); else
 * the old picture's, kept (issue #5: never overwrite alt text a person wrote unless they ask).
 */
export function altTextAfterReplace(old: AltText | undefined, storedPrompt: string | undefined, options: ReplaceOptions): AltText {
  return altTextOnReplace(old, storedPrompt, options.altText, options.overwriteAltText);
}

/**
 * Size of a replacing picture in points: the old box when `keepBox`, else the old width with the height following
 * the new image's aspect ratio. Rounded to 0.01 pt.
 */
export function sizeAfterReplace(oldSizePt: PointSize, image: PixelSize, keepBox = false): PointSize {
  if (keepBox) return oldSizePt;
  const heightPt = Math.round(((oldSizePt.widthPt * image.heightPx) / image.widthPx) * 100) / 100;
  return { widthPt: oldSizePt.widthPt, heightPt };
}
