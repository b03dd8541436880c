// Reads `data[].b64_json` images from an upstream answer and checks the bytes really are PNG/JPEG of a size.
import sharp from "sharp";
import { isBase64, stripDataUrlPrefix } from "../../../src/core/protocol/base64";
import type { OutputFormat, PixelSize } from "../../../src/core/protocol/wire";
import type { ProviderImage } from "../Provider";
import { invalidAnswerError } from "./upstreamErrors";

type Json = Record<string, unknown>;

/**
 * The images of `{ data: [{ b64_json, revised_prompt? }] }`; unknown fields are ignored. A `b64_json` sent as
 * a `data:image/png;base64,` URL (some OpenAI-compatible servers do) is taken without its prefix; the bytes are
 * then checked as usual.
 * @throws UpstreamError `upstream_invalid_response` when `data` is missing/empty or an item has no base64
 */
export function imagesFromAnswer(answer: unknown): ProviderImage[] {
  const data = (answer as Json | null)?.data;
  if (!Array.isArray(data) || data.length === 0) throw invalidAnswerError("no data[]");
  return data.map((item: Json | null, index) => {
    const b64 = typeof item?.b64_json === "string" ? stripDataUrlPrefix(item.b64_json) : item?.b64_json;
    if (typeof b64 !== "string" || !isBase64(b64)) {
      throw invalidAnswerError(`data[${index}].b64_json is not base64`);
    }
    const revised = item?.revised_prompt;
    return typeof revised === "string" && revised !== "" ? { b64_json: b64, revised_prompt: revised } : { b64_json: b64 };
  });
}

/** Format and pixel size decoded from image bytes. */
export interface DecodedImage {
  format: OutputFormat;
  size: PixelSize;
}

/**
 * Decodes the header of base64 image bytes with sharp.
 * @throws UpstreamError `upstream_invalid_response` when the bytes are not a whole PNG or JPEG
 */
async function decodeImage(b64: string): Promise<DecodedImage> {
  try {
    const meta = await sharp(Buffer.from(b64, "base64"), { failOn: "error" }).metadata();
    if ((meta.format !== "png" && meta.format !== "jpeg") || !meta.width || !meta.height) throw new Error(String(meta.format));
    return { format: meta.format, size: { widthPx: meta.width, heightPx: meta.height } };
  } catch (error) {
    throw invalidAnswerError("image bytes are not PNG or JPEG", error);
  }
}

/**
 * `image` as exactly `size` pixels in `format`: unchanged when it already is; else resized (the aspect ratios
 * match, e.g. MAI's 1248×832 → 1536×1024) and re-encoded. `revised_prompt` is kept.
 */
export async function fitImage(image: ProviderImage, size: PixelSize, format: OutputFormat): Promise<ProviderImage> {
  const decoded = await decodeImage(image.b64_json);
  if (decoded.format === format && decoded.size.widthPx === size.widthPx && decoded.size.heightPx === size.heightPx) {
    return image;
  }
  let pipeline = sharp(Buffer.from(image.b64_json, "base64")).resize(size.widthPx, size.heightPx, { fit: "cover" });
  pipeline = format === "jpeg" ? pipeline.jpeg({ quality: 90, mozjpeg: true }) : pipeline.png();
  return { ...image, b64_json: (await pipeline.toBuffer()).toString("base64") };
}
