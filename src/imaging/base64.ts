// Raw base64 → bytes with `atob` (browsers and Node ≥ 16), no Node `Buffer`, so the same code runs in the pane.
import { isRawBase64 } from "../core/protocol/base64";

/**
 * Decodes raw base64 into bytes.
 * @throws TypeError when `base64` is not strict raw base64 (see `isRawBase64` in src/core/protocol/base64.ts).
 */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  if (!isRawBase64(base64)) throw new TypeError("Not raw base64");
  // The native decoder where there is one (TC39 Uint8Array.fromBase64: Chromium 140+, Firefox 133+, Safari 18.2+):
  // several times faster than atob + a loop on a 4 MB picture (bench/results/library.json, saveParts.decodeMs).
  const native = (Uint8Array as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;
  if (native) return native(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Encodes bytes as raw base64 (no `data:` prefix), in 32 KiB chunks so large pictures do not overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
