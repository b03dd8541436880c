// Raw base64 → bytes with `atob` (browsers and Node ≥ 16), no Node `Buffer`, so the same code runs in the pane.

/**
 * True if `text` is strict raw base64: the standard alphabet, length a multiple of 4, `=` padding only at the
 * end. No whitespace, no line breaks, no `data:` prefix (a prefix breaks PowerPoint on the web, office-js #4065).
 */
export function isRawBase64(text: string): boolean {
  return text.length % 4 === 0 && !/[^A-Za-z0-9+/=]/.test(text) && !/=[^=]|={3,}/.test(text);
}

/**
 * Decodes raw base64 into bytes.
 * @throws TypeError when `base64` is not strict raw base64 (see {@link isRawBase64}).
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
