// Prepares each generated image for the document with sharp: JPEG when that is much smaller and the image is
// opaque, PNG otherwise, and provenance XMP in either.
import sharp from "sharp";
import type { BackendInfo, OutputFormat } from "../../src/core/protocol/wire";
import type { ProviderImage } from "../providers/Provider";
import { provenanceXmp } from "./provenance";

/** Options of {@link postprocessImage}. */
export interface PostprocessOptions {
  backend: BackendInfo;
  /** The format the client asked for: `jpeg` gives JPEG (transparency flattened on white); `png` may become JPEG (see `transcode`). */
  requested: OutputFormat;
  /**
   * `auto`: an opaque PNG becomes JPEG when the JPEG is at most `jpegRatio` of the PNG's bytes (a photo-like
   * picture; flat drawings stay PNG). `off`: never. (`IMAGE_TRANSCODE`) @default "auto"
   */
  transcode?: "auto" | "off";
  /** @default 0.5 ("much smaller") */
  jpegRatio?: number;
  /** A PNG smaller than this many bytes is kept (already small, and lossless). @default 102400 */
  minPngBytes?: number;
  /** @default 88 */
  jpegQuality?: number;
}

/** The result: the image plus the format it ended in. */
export interface PostprocessedImage extends ProviderImage {
  format: OutputFormat;
}

/**
 * Transcodes (when worth it: opaque, PNG ≥ `minPngBytes`, JPEG ≤ `jpegRatio` of it) and writes provenance XMP. PNG stays lossless; a JPEG input is re-encoded at
 * `jpegQuality` to carry the XMP. Transparency always keeps PNG.
 * @throws Error from sharp when the bytes are not an image (providers validate before this)
 */
export async function postprocessImage(image: ProviderImage, options: PostprocessOptions): Promise<PostprocessedImage> {
  const input = Buffer.from(image.b64_json, "base64");
  const xmp = provenanceXmp(options.backend);
  const quality = options.jpegQuality ?? 88;
  const meta = await sharp(input).metadata();
  const jpeg = () => sharp(input).flatten({ background: "#ffffff" }).jpeg({ quality, mozjpeg: true }).withXmp(xmp).toBuffer();
  const done = (bytes: Buffer, format: OutputFormat): PostprocessedImage => ({ ...image, b64_json: bytes.toString("base64"), format });

  if (meta.format === "jpeg" || options.requested === "jpeg") return done(await jpeg(), "jpeg");
  const worthTrying = (options.transcode ?? "auto") === "auto" && input.length >= (options.minPngBytes ?? 100 * 1024);
  if (worthTrying && (!meta.hasAlpha || (await sharp(input).stats()).isOpaque)) {
    // Compared with the PNG as received (re-encoding it only to compare would cost as much again).
    const candidate = await jpeg();
    if (candidate.length <= input.length * (options.jpegRatio ?? 0.5)) return done(candidate, "jpeg");
  }
  return done(await sharp(input).png({ compressionLevel: 6 }).withXmp(xmp).toBuffer(), "png");
}
