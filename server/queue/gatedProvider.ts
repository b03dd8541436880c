// Puts a provider that has no upstream client of its own (the local renderer) behind the shared queue.
import {
  canEdit,
  canStream,
  type GenerateContext,
  type ImageProvider,
  type ImageStreamEvent,
  type NormalizedEditRequest,
  type NormalizedGenerateRequest,
  type ProviderImage,
  type StreamingProvider,
  type UpstreamGate,
} from "../providers/Provider";

/**
 * `inner` with one {@link UpstreamGate} slot taken before each `generate`, `generateStream` and `edit` call.
 * Remote providers take their slots inside their HTTP client instead (one per upstream request).
 */
export function gatedProvider(inner: ImageProvider, gate: UpstreamGate): ImageProvider {
  const gated: ImageProvider & Partial<StreamingProvider> & { edit?: unknown } = {
    info: inner.info,
    async generate(request: NormalizedGenerateRequest, ctx: GenerateContext): Promise<ProviderImage[]> {
      await gate.acquire(ctx);
      return inner.generate(request, ctx);
    },
  };
  if (canStream(inner)) {
    gated.generateStream = async function* (request, ctx): AsyncGenerator<ImageStreamEvent> {
      await gate.acquire(ctx);
      yield* inner.generateStream(request, ctx);
    };
  }
  if (canEdit(inner)) {
    gated.edit = async (request: NormalizedEditRequest, ctx: GenerateContext) => {
      await gate.acquire(ctx);
      return inner.edit(request, ctx);
    };
  }
  return gated;
}
