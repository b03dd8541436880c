// Puts a provider that has no upstream client of its own (the local renderer) behind the shared queue.
import type { ImageProvider, NormalizedGenerateRequest, ProviderImage } from "../providers/Provider";
import {
  canEdit,
  canStream,
  type ImageStreamEvent,
  type NormalizedEditRequest,
  type ProviderCallContext,
  type StreamingProvider,
} from "../providers/upstream/capabilities";
import type { UpstreamGate } from "../providers/upstream/UpstreamClient";

/**
 * `inner` with one {@link UpstreamGate} slot taken before each `generate`, `generateStream` and `edit` call.
 * Remote providers take their slots inside their HTTP client instead (one per upstream request).
 */
export function gatedProvider(inner: ImageProvider, gate: UpstreamGate): ImageProvider {
  const gated: ImageProvider & Partial<StreamingProvider> & { edit?: unknown } = {
    info: inner.info,
    async generate(request: NormalizedGenerateRequest, ctx: ProviderCallContext): Promise<ProviderImage[]> {
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
    gated.edit = async (request: NormalizedEditRequest, ctx: ProviderCallContext) => {
      await gate.acquire(ctx);
      return inner.edit(request, ctx);
    };
  }
  return gated;
}
