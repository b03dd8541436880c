// Base64 checks and `data:` URL handling for picture bytes, written once for the pane and the gateway.
//
// Every check scans linearly with a negated character class: an anchored `^[…]+$` on a multi-MB string
// overflows V8's regexp stack in a worker thread (commit 7caf20f).

/** Any character outside the base64 alphabet (padding excluded). */
const NOT_BASE64 = /[^A-Za-z0-9+/]/;

/** MIME types a picture may carry (SVG renders broken in PowerPoint, office-js #3018). */
export const PICTURE_MIME_TYPES = ["image/png", "image/jpeg"] as const;

/** True for standard base64: the alphabet, then up to two `=` of padding at the end; not empty. */
export function isBase64(text: string): boolean {
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  return text.length > padding && !NOT_BASE64.test(padding ? text.slice(0, -padding) : text);
}

/**
 * True if `text` is strict raw base64 as Office takes it: {@link isBase64} and a length that is a multiple of 4.
 * No whitespace, no line breaks, no `data:` prefix (a prefix breaks PowerPoint on the web, office-js #4065).
 */
export function isRawBase64(text: string): boolean {
  return text.length % 4 === 0 && isBase64(text);
}

/** `data:image/png;base64,` and `data:image/jpeg;base64,` (case-insensitive), the only prefixes stripped. */
const DATA_URL_PREFIX = /^data:image\/(png|jpeg);base64,/i;

/**
 * `b64` without a leading `data:image/png;base64,` / `data:image/jpeg;base64,` (some OpenAI-compatible servers
 * send `b64_json` so); any other text unchanged. The bytes still need their own check.
 */
export function stripDataUrlPrefix(b64: string): string {
  const match = DATA_URL_PREFIX.exec(b64.slice(0, 32));
  return match ? b64.slice(match[0].length) : b64;
}

/**
 * `data:<mimeType>;base64,<base64>` for an `<img src>`, or `undefined` when the MIME type is not PNG/JPEG or
 * the bytes are not strict raw base64 (so nothing but a picture can reach the `src` attribute).
 */
export function pictureDataUrl(mimeType: string, base64: string): string | undefined {
  if (!(PICTURE_MIME_TYPES as readonly string[]).includes(mimeType) || !isRawBase64(base64)) return undefined;
  return `data:${mimeType};base64,${base64}`;
}
