// Raw base64 ↔ bytes: the browser's native codec where there is one, else `atob`/`btoa`; no Node `Buffer`.
import { isBase64Decoded, isRawBase64 } from "../core/protocol/base64";

/** TC39 `Uint8Array.fromBase64` / `Uint8Array.prototype.toBase64` (Chromium 140+, Firefox 133+, Safari 18.2+). */
interface NativeBase64 {
  fromBase64?: (text: string) => Uint8Array<ArrayBuffer>;
}
interface NativeToBase64 {
  toBase64?: () => string;
}

/**
 * Decodes raw base64 into bytes.
 * @throws TypeError when `base64` is not strict raw base64 (see `isRawBase64` in src/core/protocol/base64.ts).
 */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  // The native decoder where there is one: several times faster than atob + a loop on a 4 MB picture
  // (bench/results/library.json, saveParts.decodeMs). It rejects characters outside the alphabet but skips ASCII
  // whitespace and takes a missing padding, so strictness is then checked on the result (`isBase64Decoded`: every
  // skipped character lowers the byte count) plus the length: a native decode instead of a character scan in
  // JavaScript, which costs ~70 ms on a 6 MB picture in Chromium (bench/results/pane-overhead.json).
  const native = (Uint8Array as NativeBase64).fromBase64;
  if (native) {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = native(base64);
    } catch {
      throw new TypeError("Not raw base64");
    }
    if (base64.length % 4 !== 0 || !isBase64Decoded(base64, bytes.length)) throw new TypeError("Not raw base64");
    return bytes;
  }
  if (!isRawBase64(base64)) throw new TypeError("Not raw base64");
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Encodes bytes as raw base64 (no `data:` prefix): the native encoder where there is one (~100× faster than the
 * fallback on a 1.3 MB JPEG in Chromium), else `btoa` over 32 KiB chunks so large pictures do not overflow the stack.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as NativeToBase64).toBase64;
  if (native) return native.call(bytes);
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
