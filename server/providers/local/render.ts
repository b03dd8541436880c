// Rasterizes SVG markup to PNG or JPEG bytes with sharp (libvips + librsvg), with a style look's raster finish.
import sharp, { type Sharp } from "sharp";
import type { ImageQuality, OutputFormat, PixelSize } from "../../../src/core/protocol/wire";
import { finishRaster } from "./finish";
import type { Finish } from "./styleLook";

/** JPEG quality (1–100) for each API `quality`. */
const JPEG_QUALITY: Record<ImageQuality, number> = { low: 70, medium: 82, high: 92, auto: 85 };

function encode(image: Sharp, format: OutputFormat, quality: ImageQuality): Promise<Buffer> {
  return format === "jpeg"
    ? // libjpeg-turbo defaults: mozjpeg's trellis search is ~10× slower here for a few percent smaller files.
      image.jpeg({ quality: JPEG_QUALITY[quality] }).toBuffer()
    : image.png({ compressionLevel: quality === "low" ? 9 : 6, adaptiveFiltering: false }).toBuffer();
}

/**
 * Renders `svg` to an image of exactly `size` pixels (resized if the SVG's own size differs), then applies
 * `finish` (see finish.ts) when given. PNG: 8-bit RGB, no alpha (the scene is opaque). JPEG: baseline, 4:2:0,
 * at the quality for `quality`. Output is deterministic: same inputs → same bytes (no timestamps or metadata).
 * @throws Error from sharp when the SVG cannot be parsed.
 */
export async function rasterize(svg: string, size: PixelSize, format: OutputFormat, quality: ImageQuality, finish?: Finish): Promise<Buffer> {
  const image = sharp(Buffer.from(svg), { density: 72 }).resize(size.widthPx, size.heightPx, { fit: "fill" }).removeAlpha();
  if (!finish) return encode(image, format, quality);
  // A second pipeline: sharp runs a pipeline's operations in a fixed order, not the order they are chained.
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  const done = await finishRaster({ data, width: info.width, height: info.height }, finish);
  return encode(sharp(done.data, { raw: { width: done.width, height: done.height, channels: 3 } }), format, quality);
}
