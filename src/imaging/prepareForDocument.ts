// Makes picture bytes small enough for a document before insert: big photos become JPEG, big transparent PNGs shrink.
import type { ImageMimeType, PictureData, PixelSize } from "../core/types";
import { bytesToBase64 } from "./base64";
import { pictureBytes, rememberBytes } from "./decodedBytes";
import { DEFAULT_MAX_PICTURE_BYTES, decodedByteLength } from "./pictureLimits";
import { validateImageBytes } from "./validateImage";

export { DEFAULT_MAX_PICTURE_BYTES, decodedByteLength } from "./pictureLimits";

/** JPEG quality used when a photo is transcoded (0–1, as `HTMLCanvasElement.toBlob` takes it). */
export const JPEG_QUALITY = 0.9;

/** At most this many re-encodings at smaller pixel sizes before giving up on the limit. */
const MAX_SHRINK_STEPS = 4;

/** A picture decoded by a {@link PictureCodec}; the codec may hold pixels or a bitmap until {@link close}. */
export interface DecodedPicture {
  /** Pixel size of the decoded image. */
  readonly size: PixelSize;
  /** True when any pixel is not fully opaque (alpha < 255). Only asked for PNGs that can hold transparency. */
  hasTransparency(): Promise<boolean>;
  /**
   * Encodes the picture as `mimeType` at pixel size `size` (scaled when it differs from {@link size}).
   * `quality` (0–1) applies to JPEG only.
   */
  encode(mimeType: ImageMimeType, size: PixelSize, quality?: number): Promise<Uint8Array>;
  /** Frees the decoded pixels. */
  close(): void;
}

/** Decodes pictures. In the pane: {@link browserPictureCodec}; in Node tests: one built on sharp. */
export interface PictureCodec {
  /** @throws when the bytes cannot be decoded. */
  decode(bytes: Uint8Array<ArrayBuffer>, mimeType: ImageMimeType): Promise<DecodedPicture>;
}

/** Options of {@link prepareForDocument}. */
export interface PrepareOptions {
  /** Largest decoded byte count left as is. @default DEFAULT_MAX_PICTURE_BYTES (4 MiB) */
  maxBytes?: number;
  /** @default browserPictureCodec() */
  codec?: PictureCodec;
}

/**
 * Whether a PNG's header allows any transparency: colour type 4 or 6 (with an alpha channel), or a `tRNS` chunk
 * (palette or single-colour transparency) before the image data. False for a PNG that cannot be transparent, so
 * its pixels need not be scanned. Source: PNG spec (ISO/IEC 15948) §11.2.2 IHDR, §11.3.2.1 tRNS.
 */
export function pngMayHaveAlpha(bytes: Uint8Array): boolean {
  const colourType = bytes[25];
  if (colourType === 4 || colourType === 6) return true;
  // Walk the chunks after IHDR: tRNS must come before the first IDAT.
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = ((bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]) >>> 0;
    const type = String.fromCharCode(bytes[offset + 4], bytes[offset + 5], bytes[offset + 6], bytes[offset + 7]);
    if (type === "tRNS") return true;
    if (type === "IDAT" || type === "IEND") return false;
    offset += 12 + length;
  }
  return false;
}

/** The pixel size scaled by `factor` (rounded down, at least 1 px each side). */
export function scaledSize(size: PixelSize, factor: number): PixelSize {
  return { widthPx: Math.max(1, Math.floor(size.widthPx * factor)), heightPx: Math.max(1, Math.floor(size.heightPx * factor)) };
}

/**
 * Scale factor for the next attempt when `bytes` is still over `maxBytes`: byte count grows roughly with the pixel
 * area, so the side scales with the square root, with 10 % headroom (so each step shrinks by at least 10 %).
 */
export function shrinkFactor(bytes: number, maxBytes: number): number {
  return Math.sqrt(Math.min(1, maxBytes / bytes)) * 0.9;
}

/**
 * Returns `picture` ready to be put into a document. At or under `maxBytes` decoded bytes it is returned as is.
 * Over it, it is decoded and re-encoded: as JPEG (quality {@link JPEG_QUALITY}) at the same pixel size unless it
 * is a PNG with transparent pixels, which stays PNG. When the result is still over the limit, it is re-encoded
 * at smaller pixel sizes (aspect ratio kept) up to {@link MAX_SHRINK_STEPS} times. A result that is not smaller
 * than the original is never used. The result is checked with `validateImageBytes` (whole file, the pixel
 * size it claims). The original's bytes come from `pictureBytes` (the ones its checks decoded, when known).
 *
 * @returns the original picture, or the transcoded one (`mimeType` and `size` describe the new bytes).
 * @throws when the picture cannot be decoded or the encoder returns invalid bytes (an `InvalidResponseError`
 *   naming the field `transcoded picture`). The caller's picture is not changed.
 */
export async function prepareForDocument(picture: PictureData, options: PrepareOptions = {}): Promise<PictureData> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PICTURE_BYTES;
  const originalBytes = decodedByteLength(picture.base64);
  if (originalBytes <= maxBytes) return picture;
  const codec = options.codec ?? browserPictureCodec();
  // The bytes the result's checks decoded (no second base64 decode of a multi-MB picture), copied into an
  // ArrayBuffer-backed array for the Blob the codec makes only when they are a view of something else.
  const known = pictureBytes(picture);
  const bytes: Uint8Array<ArrayBuffer> = known.buffer instanceof ArrayBuffer ? (known as Uint8Array<ArrayBuffer>) : new Uint8Array(known);
  const decoded = await codec.decode(bytes, picture.mimeType);
  try {
    const transparent = picture.mimeType === "image/png" && pngMayHaveAlpha(bytes) && (await decoded.hasTransparency());
    const mimeType: ImageMimeType = transparent ? "image/png" : "image/jpeg";
    let size = decoded.size;
    let best: { bytes: Uint8Array; size: PixelSize } | undefined;
    for (let step = 0; step <= MAX_SHRINK_STEPS; step += 1) {
      const encoded = await decoded.encode(mimeType, size, mimeType === "image/jpeg" ? JPEG_QUALITY : undefined);
      if (encoded.length < (best?.bytes.length ?? originalBytes)) best = { bytes: encoded, size };
      if (encoded.length <= maxBytes) break;
      size = scaledSize(size, shrinkFactor(encoded.length, maxBytes));
    }
    if (!best) return picture;
    // The encoder's bytes are checked as bytes (no base64 round trip), then encoded once for Office.
    const checked = validateImageBytes(best.bytes, { expectedSize: best.size, field: "transcoded picture" });
    return rememberBytes({ base64: bytesToBase64(best.bytes), ...checked }, best.bytes);
  } finally {
    decoded.close();
  }
}

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** A canvas of `size` with its 2D context: `OffscreenCanvas` where the browser has it, else a detached `<canvas>`. */
function canvasOf(size: PixelSize): { context: Canvas2D; toBlob(type: string, quality?: number): Promise<Blob> } {
  if (typeof OffscreenCanvas !== "undefined") {
    const canvas = new OffscreenCanvas(size.widthPx, size.heightPx);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("No 2D canvas context to transcode the picture");
    return { context, toBlob: (type, quality) => canvas.convertToBlob({ type, quality }) };
  }
  const canvas = document.createElement("canvas");
  canvas.width = size.widthPx;
  canvas.height = size.heightPx;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("No 2D canvas context to transcode the picture");
  return {
    context,
    toBlob: (type, quality) =>
      new Promise((resolve, reject) =>
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`The browser could not encode ${type}`))), type, quality),
      ),
  };
}

/**
 * The browser's codec: `createImageBitmap` on a `Blob` to decode, a canvas (`OffscreenCanvas.convertToBlob`, else
 * `<canvas>.toBlob`) to encode. Transparency is read with `getImageData` (alpha of every pixel).
 */
export function browserPictureCodec(): PictureCodec {
  return {
    async decode(bytes, mimeType) {
      const bitmap = await createImageBitmap(new Blob([bytes], { type: mimeType }));
      const size = { widthPx: bitmap.width, heightPx: bitmap.height };
      return {
        size,
        async hasTransparency() {
          const { context } = canvasOf(size);
          context.drawImage(bitmap, 0, 0);
          const { data } = context.getImageData(0, 0, size.widthPx, size.heightPx);
          for (let i = 3; i < data.length; i += 4) if (data[i] < 255) return true;
          return false;
        },
        async encode(type, target, quality) {
          const canvas = canvasOf(target);
          canvas.context.imageSmoothingQuality = "high";
          canvas.context.drawImage(bitmap, 0, 0, target.widthPx, target.heightPx);
          const blob = await canvas.toBlob(type, quality);
          return new Uint8Array(await blob.arrayBuffer());
        },
        close: () => bitmap.close(),
      };
    },
  };
}
