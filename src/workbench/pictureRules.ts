// Rules both workbench stand-ins apply to a picture before it enters the document: byte checks, display URL.
import type { PictureData } from "../core/types";
import { HostError } from "../hosts/errors";
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

/** Picture object → its `data:` URL, made once (the same string on every render: React compares it by identity). */
const dataUrls = new WeakMap<PictureData, string>();

/**
 * A `data:` URL for showing checked picture bytes in an `<img>` (the stand-ins only; never sent to Office). The
 * same string for the same picture object: a page of multi-MB pictures re-renders without building and comparing
 * MBs of new strings.
 */
export function pictureDataUrl(picture: PictureData): string {
  let url = dataUrls.get(picture);
  if (url === undefined) {
    url = `data:${picture.mimeType};base64,${picture.base64}`;
    dataUrls.set(picture, url);
  }
  return url;
}
