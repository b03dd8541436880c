// Centre-crops a finished image to an exact aspect ratio (the request's `crop_to_ratio`), with sharp.
import sharp from "sharp";
import { centreCrop } from "../../src/core/protocol/models";
import type { ProviderImage } from "../providers/Provider";

/**
 * `image` centre-cropped to `ratio` (width ÷ height) by the shared {@link centreCrop} rule: only removes pixels,
 * keeps the format (PNG stays PNG with its alpha; JPEG is re-encoded at quality 95). Unchanged when it already
 * has the ratio to the pixel. Done in the gateway (sharp, already its image library) rather than in the pane, so
 * every client — and the size the provider checked — sees the same result, and the pane inserts it as it comes.
 * @throws Error from sharp when the bytes are not an image
 */
export async function cropToRatio(image: ProviderImage, ratio: number): Promise<ProviderImage> {
  const bytes = Buffer.from(image.b64_json, "base64");
  const meta = await sharp(bytes).metadata();
  if (!meta.width || !meta.height) return image;
  const crop = centreCrop({ widthPx: meta.width, heightPx: meta.height }, ratio);
  if (!crop) return image;
  const pipeline = sharp(bytes).extract(crop);
  const out = meta.format === "jpeg" ? pipeline.jpeg({ quality: 95 }) : pipeline.png();
  return { ...image, b64_json: (await out.toBuffer()).toString("base64") };
}
