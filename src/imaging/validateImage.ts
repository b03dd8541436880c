// Checks that image bytes from the API are a whole PNG or JPEG of the asked pixel size before anything uses them.
import { imageSize } from "image-size";
import type { ImageMimeType, PictureData, PixelSize } from "../core/types";
import { base64ToBytes } from "./base64";
import { InvalidResponseError } from "./errors";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Last 12 bytes of every complete PNG: the empty `IEND` chunk with its CRC. */
const PNG_IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
const JPEG_SOI = [0xff, 0xd8, 0xff];
const JPEG_EOI = [0xff, 0xd9];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function endsWith(bytes: Uint8Array, suffix: number[]): boolean {
  const offset = bytes.length - suffix.length;
  return offset >= 0 && suffix.every((b, i) => bytes[offset + i] === b);
}

/** The MIME type from the file signature (magic bytes), or `undefined` when the bytes are neither PNG nor JPEG. */
function sniffImageType(bytes: Uint8Array): ImageMimeType | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return "image/png";
  if (startsWith(bytes, JPEG_SOI)) return "image/jpeg";
  return undefined;
}

/** Where the checked bytes came from, for error messages (e.g. `data[0].b64_json`). */
export interface ValidateImageOptions {
  /** Pixel size the bytes must decode to; any size when absent. */
  expectedSize?: PixelSize;
  /** Field name used in error messages. @default "b64_json" */
  field?: string;
  /** Request id carried into the error. */
  requestId?: string;
}

/**
 * Validates one base64 image from the API and returns it as {@link PictureData}.
 *
 * Checks, in order: a non-empty string; no `data:` prefix (raw base64 is required, office-js #4065); strict
 * base64; PNG or JPEG signature; a complete file (PNG ends with `IEND`, JPEG with the EOI marker, so a
 * truncated body is caught); the pixel size read from the header by `image-size`; equal to `expectedSize`.
 *
 * @param base64 The `b64_json` value as received (typed `unknown`: it comes straight from JSON).
 * @returns The bytes as raw base64 (unchanged), their sniffed MIME type and decoded pixel size.
 * @throws InvalidResponseError with a message naming what is wrong.
 */
export function validateImageBase64(base64: unknown, options: ValidateImageOptions = {}): PictureData {
  const field = options.field ?? "b64_json";
  const fail = (why: string) => new InvalidResponseError(`${field}: ${why}`, { requestId: options.requestId });
  if (typeof base64 !== "string" || base64.length === 0) throw fail("missing (expected a base64 PNG or JPEG)");
  if (/^data:/i.test(base64)) throw fail("has a data: URL prefix; raw base64 is required");
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(base64);
  } catch {
    throw fail("is not valid base64");
  }
  const mimeType = sniffImageType(bytes);
  if (!mimeType) throw fail("is not a PNG or JPEG image");
  const format = mimeType === "image/png" ? "PNG" : "JPEG";
  const complete = mimeType === "image/png" ? endsWith(bytes, PNG_IEND) : endsWith(bytes, JPEG_EOI);
  if (!complete) throw fail(`is a truncated ${format} (the end of the file is missing)`);
  let size: PixelSize;
  try {
    const dims = imageSize(bytes);
    if (!dims.width || !dims.height) throw new Error("no dimensions");
    size = { widthPx: dims.width, heightPx: dims.height };
  } catch {
    throw fail(`has a ${format} signature but its pixel size cannot be read`);
  }
  const expected = options.expectedSize;
  if (expected && (expected.widthPx !== size.widthPx || expected.heightPx !== size.heightPx)) {
    throw fail(`is ${size.widthPx}×${size.heightPx} px, but ${expected.widthPx}×${expected.heightPx} px was asked for`);
  }
  return { base64, mimeType, size };
}
