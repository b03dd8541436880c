// The bytes the image checks already decoded, kept with the checked picture so the library need not decode again.
import type { PictureData } from "../core/types";
import { base64ToBytes } from "./base64";

/**
 * Checked picture → its decoded bytes. A WeakMap, not a field: `PictureData` stays plain JSON-able data (the
 * workbench and the hosts serialize it) and the bytes go when the picture object does. Copies (`{...picture}`) do
 * not carry them: {@link pictureBytes} then decodes.
 */
const decoded = new WeakMap<PictureData, Uint8Array>();

/** Remembers the bytes of `picture` (they must be the decoding of `picture.base64`). @returns `picture`. */
export function rememberBytes<T extends PictureData>(picture: T, bytes: Uint8Array): T {
  decoded.set(picture, bytes);
  return picture;
}

/**
 * The bytes of `picture`: the ones its checks decoded when known, else a decode of its base64.
 * Callers must not change them (they are shared with whoever else asks).
 * @throws TypeError when `picture.base64` is not strict raw base64 (only when it has to be decoded).
 */
export function pictureBytes(picture: PictureData): Uint8Array {
  return decoded.get(picture) ?? base64ToBytes(picture.base64);
}
