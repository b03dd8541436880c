// Raw base64 → bytes with `atob` (browsers and Node ≥ 16), no Node `Buffer`, so the same code runs in the pane.
import { isRawBase64 } from "../core/protocol/base64";

/**
 * Decodes raw base64 into bytes.
 * @throws TypeError when `base64` is not strict raw base64 (see `isRawBase64` in src/core/protocol/base64.ts).
 */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  if (!isRawBase64(base64)) throw new TypeError("Not raw base64");
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
