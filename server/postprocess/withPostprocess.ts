// Decorates a provider so every finished image (not partials) goes through postprocessImage.
import {
  canEdit,
  canStream,
  type EditingProvider,
  type GenerateExtras,
  type ImageProvider,
  type ImageStreamEvent,
  type NormalizedGenerateRequest,
  type ProviderImage,
  type StreamingProvider,
} from "../providers/Provider";
import { cropToRatio } from "./cropToRatio";
import { postprocessImage, type PostprocessOptions } from "./postprocessImage";

/** Settings of {@link withPostprocess} (`IMAGE_TRANSCODE`). */
export type PostprocessSettings = Pick<PostprocessOptions, "transcode" | "jpegRatio" | "jpegQuality">;

/**
 * `inner` whose `generate`, `edit` and the `completed` event of `generateStream` return post-processed
 * images (centre-cropped first to the request's `cropToRatio`, when it has one) (JPEG when much smaller, provenance XMP). Partial images pass through untouched (previews only).
 */
export function withPostprocess(inner: ImageProvider, settings: PostprocessSettings = {}): ImageProvider {
  const finish = (images: ProviderImage[], request: NormalizedGenerateRequest & GenerateExtras) =>
    Promise.all(
      images.map(async (original) => {
        // The centre crop to `crop_to_ratio` comes first, so the provenance and transcoding see the final picture.
        const image = request.cropToRatio === undefined ? original : await cropToRatio(original, request.cropToRatio);
        const { format: _format, ...done } = await postprocessImage(image, { ...settings, backend: inner.info, requested: request.outputFormat });
        return done;
      }),
    );
  const decorated: ImageProvider & Partial<StreamingProvider> & Partial<Pick<EditingProvider, "edit">> = {
    info: inner.info,
    generate: async (request, ctx) => finish(await inner.generate(request, ctx), request),
  };
  if (canStream(inner)) {
    decorated.generateStream = async function* (request, ctx): AsyncGenerator<ImageStreamEvent> {
      for await (const event of inner.generateStream(request, ctx)) {
        if (event.type !== "completed") {
          yield event;
          continue;
        }
        const [image] = await finish([event], request);
        yield { ...event, b64_json: image.b64_json };
      }
    };
  }
  if (canEdit(inner)) {
    const editor = inner;
    decorated.edit = async (request, ctx) => finish(await editor.edit(request, ctx), request);
  }
  return decorated;
}
