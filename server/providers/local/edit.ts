// Edits for the local renderer: draws the prompt's scene and puts it where the mask is transparent (or over
// the whole picture, faded, without a mask). Rule-based like the renderer: no model is involved.
import sharp from "sharp";
import type { EditingProvider, GenerateContext, ImageProvider, NormalizedEditRequest, ProviderImage } from "../Provider";

/** Opacity of the new scene over the picture when no mask is given. */
export const UNMASKED_OPACITY = 0.6;

/**
 * One edited image: the input scaled to cover `request.size`; the scene from `provider.generate` drawn where
 * the mask is transparent (mask semantics of the OpenAI edits API), or over everything at 60 % without a mask.
 */
async function editOne(provider: ImageProvider, request: NormalizedEditRequest, ctx: GenerateContext, variation: number): Promise<ProviderImage> {
  const { widthPx: width, heightPx: height } = request.size;
  const seed = request.seed === undefined ? undefined : request.seed + variation;
  // The scene is drawn opaque: an edit keeps the input picture's (opaque) background.
  const { background: _background, ...opaque } = request;
  const [scene] = await provider.generate({ ...opaque, n: 1, outputFormat: "png", ...(seed === undefined ? {} : { seed }) }, ctx);
  const base = await sharp(request.image.bytes).resize(width, height, { fit: "cover" }).removeAlpha().toBuffer();
  // Separate pipelines: sharp runs its operations in a fixed order, not the order they are chained.
  const sceneRgb = await sharp(Buffer.from(scene.b64_json, "base64")).resize(width, height).removeAlpha().png().toBuffer();
  let overlay: Buffer;
  if (request.mask) {
    // Transparent mask pixels (alpha 0) are the area to change: the scene's alpha is the mask's alpha inverted.
    const alpha = await sharp(request.mask.bytes).resize(width, height).ensureAlpha().extractChannel("alpha").raw().toBuffer();
    for (let i = 0; i < alpha.length; i++) alpha[i] = 255 - alpha[i];
    overlay = await sharp(sceneRgb)
      .joinChannel(alpha, { raw: { width, height, channels: 1 } })
      .png()
      .toBuffer();
  } else {
    overlay = await sharp(sceneRgb).ensureAlpha(UNMASKED_OPACITY).png().toBuffer();
  }
  const composed = sharp(
    await sharp(base)
      .composite([{ input: overlay }])
      .png()
      .toBuffer(),
  ).removeAlpha();
  const bytes = request.outputFormat === "jpeg" ? await composed.jpeg({ quality: 90 }).toBuffer() : await composed.png().toBuffer();
  return { b64_json: bytes.toString("base64"), ...(scene.revised_prompt ? { revised_prompt: scene.revised_prompt } : {}) };
}

/** `provider` (the local renderer) with `edit`: `request.n` edited images of `request.size`. */
export function withLocalEdits(provider: ImageProvider): EditingProvider {
  return {
    info: provider.info,
    generate: (request, ctx) => provider.generate(request, ctx),
    ...(provider.generateStream ? { generateStream: provider.generateStream.bind(provider) } : {}),
    async edit(request, ctx) {
      const images: ProviderImage[] = [];
      for (let variation = 0; variation < request.n; variation++) {
        ctx.signal.throwIfAborted();
        images.push(await editOne(provider, request, ctx, variation));
      }
      return images;
    },
  };
}
