// The document-ready form of a result (prepareForDocument), made once per result and started ahead of Insert.
import type { PictureData } from "../../core/types";
import { pictureBytes, rememberBytes } from "../../imaging/decodedBytes";
import { PANE_TIMINGS, timedAsync } from "../../imaging/paneTimings";
import { prepareForDocument, type PrepareOptions } from "../../imaging/prepareForDocument";

/** Result picture → its preparation under way or done. Entries go with the result (a WeakMap); a failed one is dropped. */
const prepared = new WeakMap<PictureData, Promise<PictureData>>();

/**
 * `image` made ready for the document: only its bytes, type and pixel size (not the backend info or revised prompt;
 * the history keeps the original), over 4 MiB transcoded first ({@link prepareForDocument}, issue #5). The work is
 * done once per `image`: a call while it is under way or after it succeeded gets the same promise, so Insert does
 * not wait again for a picture {@link prepareAhead} already prepared. After a failure the next call tries again.
 * The work is recorded as the User Timing measure `illustrate:prepare-for-document` (the work, not the wait).
 * @throws (rejects) as {@link prepareForDocument} does.
 */
export function documentPicture(image: PictureData, options?: PrepareOptions): Promise<PictureData> {
  const known = prepared.get(image);
  if (known) return known;
  // The bytes the result's checks decoded go with the copy (no second decode of a multi-MB base64).
  const picture = rememberBytes({ base64: image.base64, mimeType: image.mimeType, size: image.size }, pictureBytes(image));
  const work = timedAsync(PANE_TIMINGS.prepareForDocument, () => prepareForDocument(picture, options));
  prepared.set(image, work);
  work.catch(() => prepared.delete(image));
  return work;
}

/**
 * Starts {@link documentPicture} for a result the person may insert (the selected one), so the decode and any
 * transcode run while they look at it. A failure is left for Insert to report (it tries again).
 */
export function prepareAhead(image: PictureData, options?: PrepareOptions): void {
  documentPicture(image, options).catch(() => undefined);
}
