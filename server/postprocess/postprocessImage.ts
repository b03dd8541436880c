// Prepares each generated image for the document with sharp: JPEG when that is much smaller and the image is
// opaque, PNG otherwise, and provenance XMP in either (spliced into the encoded bytes, never a second encode).
import sharp from "sharp";
import type { BackendInfo, OutputFormat } from "../../src/core/protocol/wire";
import type { ProviderImage } from "../providers/Provider";
import { embedXmpInJpeg, embedXmpInPng } from "./embedXmp";
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

/**
 * Encoder settings of the one JPEG encode, chosen for speed: no mozjpeg trellis search and no second Huffman
 * pass. On a 1536×1024 noise picture (2 cores, sharp 0.35): ≈ 30 ms against ≈ 60 ms with `optimiseCoding` and
 * seconds with `mozjpeg`, for ≈ 7% more bytes than `optimiseCoding` (bench/results/gateway-overhead.json).
 */
export const JPEG_SPEED_OPTIONS = { mozjpeg: false, optimiseCoding: false } as const;

/** The result: the image plus the format it ended in. */
export interface PostprocessedImage extends ProviderImage {
  format: OutputFormat;
}

/**
 * Transcodes (when worth it: opaque, PNG ≥ `minPngBytes`, JPEG ≤ `jpegRatio` of it) and writes provenance XMP.
 * At most one encode: the JPEG, made with {@link JPEG_SPEED_OPTIONS}; a PNG that stays PNG, or a JPEG as received, is never re-encoded — the
 * XMP is spliced into its bytes (./embedXmp.ts), so PNG stays lossless and byte-identical otherwise.
 * Transparency always keeps PNG.
 * @throws Error from sharp when the bytes are not an image (providers validate before this); MalformedImageError
 *   when a PNG/JPEG's structure cannot be walked
 */
export async function postprocessImage(image: ProviderImage, options: PostprocessOptions): Promise<PostprocessedImage> {
  const input = Buffer.from(image.b64_json, "base64");
  const xmp = provenanceXmp(options.backend);
  const quality = options.jpegQuality ?? 88;
  const meta = await sharp(input).metadata();
  const jpeg = () =>
    sharp(input)
      .flatten({ background: "#ffffff" })
      .jpeg({ quality, ...JPEG_SPEED_OPTIONS })
      .toBuffer();
  const done = (bytes: Buffer, format: OutputFormat): PostprocessedImage => ({ ...image, b64_json: bytes.toString("base64"), format });

  if (meta.format === "jpeg") return done(embedXmpInJpeg(input, xmp), "jpeg");
  if (options.requested === "jpeg") return done(embedXmpInJpeg(await jpeg(), xmp), "jpeg");
  const worthTrying = (options.transcode ?? "auto") === "auto" && input.length >= (options.minPngBytes ?? 100 * 1024);
  if (worthTrying && (!meta.hasAlpha || (await sharp(input).stats()).isOpaque)) {
    // Compared with the PNG as received (re-encoding it only to compare would cost as much again).
    const candidate = await jpeg();
    if (candidate.length <= input.length * (options.jpegRatio ?? 0.5)) return done(embedXmpInJpeg(candidate, xmp), "jpeg");
  }
  // Another format (WebP…) is encoded once as PNG; a PNG only gets the chunk.
  return done(meta.format === "png" ? embedXmpInPng(input, xmp) : await sharp(input).png().withXmp(xmp).toBuffer(), "png");
}
