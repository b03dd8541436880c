// Streams the local renderer's picture like gpt-image does: blurred low-resolution previews, then the image.
import sharp from "sharp";
import type { GenerateContext, ImageProvider, ImageStreamEvent, NormalizedGenerateRequest, StreamingProvider } from "../Provider";
import { sleepWithSignal } from "../../../src/core/protocol/retry";

/** Options of {@link withLocalStreaming}. */
export interface LocalStreamOptions {
  /**
   * Pause before each event, in ms, so the pane shows the previews one by one (the renderer itself takes
   * ~50 ms, faster than a person can see). @default 150
   */
  pacingMs?: number;
}

/**
 * A preview of `png` at 1/2^(k+2) of its width, blurred: partial 0 is the coarsest. Small bytes: the pane
 * scales it up, which is what a partial image looks like.
 */
async function preview(png: Buffer, widthPx: number, index: number, count: number): Promise<string> {
  const divisor = 2 ** (count - index + 1);
  const bytes = await sharp(png)
    .resize(Math.max(8, Math.round(widthPx / divisor)))
    .blur(1.5)
    .png()
    .toBuffer();
  return bytes.toString("base64");
}

/**
 * Renders one image with `provider.generate`, then yields `partialImages` previews (coarse → fine) and the
 * `completed` image with its `revised_prompt`.
 * @throws the signal's reason when `ctx.signal` aborts
 */
export async function* streamLocalImage(
  provider: ImageProvider,
  request: NormalizedGenerateRequest & { partialImages: number },
  ctx: GenerateContext,
  options: LocalStreamOptions = {},
): AsyncGenerator<ImageStreamEvent> {
  const pacingMs = options.pacingMs ?? 150;
  const [image] = await provider.generate({ ...request, n: 1 }, ctx);
  const bytes = Buffer.from(image.b64_json, "base64");
  for (let index = 0; index < request.partialImages; index++) {
    await sleepWithSignal(pacingMs, ctx.signal);
    yield { type: "partial", index, b64_json: await preview(bytes, request.size.widthPx, index, request.partialImages) };
  }
  await sleepWithSignal(pacingMs, ctx.signal);
  yield image.revised_prompt === undefined
    ? { type: "completed", b64_json: image.b64_json }
    : { type: "completed", b64_json: image.b64_json, revised_prompt: image.revised_prompt };
}

/** `provider` (the local renderer) with `generateStream`, and `info.streaming` true. */
export function withLocalStreaming(provider: ImageProvider, options: LocalStreamOptions = {}): StreamingProvider {
  return {
    info: { ...provider.info, streaming: true },
    generate: (request, ctx) => provider.generate(request, ctx),
    generateStream: (request, ctx) => streamLocalImage(provider, request, ctx, options),
    ...(provider.edit ? { edit: provider.edit.bind(provider) } : {}),
  };
}
