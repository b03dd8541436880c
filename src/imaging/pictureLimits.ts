// How big a picture may go into a document as is, and its decoded size read from base64 without decoding.

/** Default limit on the decoded bytes of a picture put into a document: 4 MiB (issue #5: "over a few MB"). */
export const DEFAULT_MAX_PICTURE_BYTES = 4 * 1024 * 1024;

/** Decoded byte count of raw base64 (no decoding needed). */
export function decodedByteLength(base64: string): number {
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

/** True when `base64` decodes to more than `maxBytes` (default {@link DEFAULT_MAX_PICTURE_BYTES}): it needs a transcode. */
export function isOverPictureLimit(base64: string, maxBytes = DEFAULT_MAX_PICTURE_BYTES): boolean {
  return decodedByteLength(base64) > maxBytes;
}
