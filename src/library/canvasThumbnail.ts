// The browser's thumbnail maker: createImageBitmap scales the picture, OffscreenCanvas encodes WebP (else JPEG).
import type { MakeThumbnail, Thumbnail } from "./types";

/** Options of {@link createCanvasThumbnailer}. */
export interface CanvasThumbnailOptions {
  /** Longest side of the thumbnail in pixels. @default 256 */
  maxSidePx?: number;
  /** Encoder quality 0–1. @default 0.8 */
  quality?: number;
}

/**
 * A {@link MakeThumbnail} for the pane. WebP where the browser encodes it (Chromium, Firefox), JPEG otherwise
 * (Safari's `convertToBlob` ignores `image/webp` and answers PNG; we then ask for JPEG). Needs
 * `createImageBitmap` with `resizeWidth`/`resizeHeight` and `OffscreenCanvas` (MDN: all current engines).
 */
export function createCanvasThumbnailer(options: CanvasThumbnailOptions = {}): MakeThumbnail {
  const maxSide = options.maxSidePx ?? 256;
  const quality = options.quality ?? 0.8;
  return async ({ bytes, mimeType, size }) => {
    const scale = Math.min(1, maxSide / Math.max(size.widthPx, size.heightPx));
    const width = Math.max(1, Math.round(size.widthPx * scale));
    const height = Math.max(1, Math.round(size.heightPx * scale));
    const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: mimeType }), {
      resizeWidth: width,
      resizeHeight: height,
      resizeQuality: "medium",
    });
    try {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("No 2D context for the thumbnail");
      context.drawImage(bitmap, 0, 0);
      let blob = await canvas.convertToBlob({ type: "image/webp", quality });
      if (blob.type !== "image/webp") blob = await canvas.convertToBlob({ type: "image/jpeg", quality });
      const thumbnail: Thumbnail = {
        bytes: new Uint8Array(await blob.arrayBuffer()),
        mimeType: blob.type === "image/webp" ? "image/webp" : "image/jpeg",
        size: { widthPx: width, heightPx: height },
      };
      return thumbnail;
    } finally {
      bitmap.close();
    }
  };
}
