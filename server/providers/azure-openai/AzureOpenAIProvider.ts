// Provider for Azure OpenAI gpt-image deployments: generations (optionally streamed) and edits.
// Source: shared/docs/image-api.md (fields, streaming events, errors).
import { stripDataUrlPrefix } from "../../../src/core/protocol/base64";
import { readServerSentEvents } from "../../../src/core/protocol/serverSentEvents";
import type { BackendInfo } from "../../../src/core/protocol/wire";
import type { ExtendedGenerateRequest, GenerateContext, ImageProvider, ImageStreamEvent, NormalizedEditRequest, ProviderImage } from "../Provider";
import { fitImage, imagesFromAnswer } from "../upstream/images";
import { setEditFiles } from "../upstream/multipart";
import type { UpstreamClient } from "../upstream/UpstreamClient";
import { UPSTREAM_STREAM_ERRORS, UpstreamError, errorFromStreamEvent, invalidAnswerError } from "../upstream/upstreamErrors";
import { hashedUser } from "../upstream/userHash";
import { azureImagesUrl, type AzureTarget } from "./azureUrls";

/** Settings of {@link AzureOpenAIProvider}. */
export interface AzureOpenAIOptions extends AzureTarget {
  client: UpstreamClient;
  /** Key of the `user` hash (`IMAGE_USER_HASH_SECRET`). */
  userHashSecret?: string;
  /** Send the hashed `user` (`IMAGE_SEND_USER`, default true; off if a deployment refuses the field). */
  sendUser?: boolean;
  /**
   * Send `input_fidelity` on edits. `false` for gpt-image-2, which answers 400 to the field (it always keeps
   * the input's details): the gateway then drops it. @default true
   */
  inputFidelity?: boolean;
}

/** Body of `POST …/images/generations` as sent (gpt-image fields). */
export interface AzureGenerationsBody {
  /** Only on the v1 path: the deployment name. */
  model?: string;
  prompt: string;
  /** 1–10. */
  n: number;
  /** `WIDTHxHEIGHT` allowed by the deployment's family (checked by the gateway before), e.g. `2048x1152`. */
  size: string;
  /** Always sent: the documented default differs between pages. */
  quality: string;
  output_format: "png" | "jpeg";
  /** 0–100, JPEG only. */
  output_compression?: number;
  background?: "transparent" | "opaque" | "auto";
  stream?: true;
  /** 0–3 partial images before the final one. */
  partial_images?: number;
  user?: string;
}

function checkExtras(request: ExtendedGenerateRequest): void {
  if (request.background === "transparent" && request.outputFormat !== "png") {
    throw new UpstreamError(400, "invalid_background", "bad_request", "A transparent background needs output_format png", false, 0, {
      param: "background",
    });
  }
}

/** Azure OpenAI gpt-image (1-mini, 1.5, 2) on the deployment path or the v1 path. Streams partial images. */
export class AzureOpenAIProvider implements ImageProvider {
  readonly info: BackendInfo;

  constructor(private readonly options: AzureOpenAIOptions) {
    this.info = { provider: "azure-openai", model: options.deployment, offline: false, streaming: true };
  }

  /** @throws UpstreamError with a normalized code; `cancelled` on abort */
  async generate(request: ExtendedGenerateRequest, ctx: GenerateContext): Promise<ProviderImage[]> {
    const { url, body } = this.generationsCall(request, ctx);
    const images = imagesFromAnswer(await this.options.client.json({ url, body }, ctx));
    if (images.length !== request.n) throw invalidAnswerError(`${images.length} images for n=${request.n}`);
    return Promise.all(images.map((image) => fitImage(image, request.size, request.outputFormat)));
  }

  /**
   * Streams one image: `stream: true, partial_images` → `partial` events, then `completed`.
   * @throws UpstreamError: the mapped `error` event; `upstream_invalid_response` when the stream ends
   *   before `completed` (cut off)
   */
  async *generateStream(request: ExtendedGenerateRequest & { partialImages: number }, ctx: GenerateContext): AsyncGenerator<ImageStreamEvent> {
    const { url, body } = this.generationsCall({ ...request, n: 1 }, ctx);
    yield* this.stream({ url, body: { ...body, stream: true, partial_images: request.partialImages } }, request, ctx);
  }

  /** Edits `request.image` (multipart `image`, optional `mask`, `prompt`, `input_fidelity`, …). */
  async edit(request: NormalizedEditRequest, ctx: GenerateContext): Promise<ProviderImage[]> {
    checkExtras(request);
    const { url, model } = azureImagesUrl(this.options, "edits");
    const images = imagesFromAnswer(await this.options.client.json({ url, body: this.editForm(request, ctx, model) }, ctx));
    if (images.length !== request.n) throw invalidAnswerError(`${images.length} images for n=${request.n}`);
    return Promise.all(images.map((image) => fitImage(image, request.size, request.outputFormat)));
  }

  private hashedUser(ctx: GenerateContext): string | undefined {
    return this.options.sendUser === false ? undefined : hashedUser(ctx.userId, this.options.userHashSecret);
  }

  private generationsCall(request: ExtendedGenerateRequest, ctx: GenerateContext): { url: string; body: AzureGenerationsBody } {
    checkExtras(request);
    const { url, model } = azureImagesUrl(this.options, "generations");
    const user = this.hashedUser(ctx);
    const body: AzureGenerationsBody = {
      ...(model ? { model } : {}),
      prompt: request.prompt,
      n: request.n,
      size: request.apiSize,
      quality: request.quality,
      output_format: request.outputFormat,
      ...(request.outputFormat === "jpeg" && request.outputCompression !== undefined ? { output_compression: request.outputCompression } : {}),
      ...(request.background ? { background: request.background } : {}),
      ...(user ? { user } : {}),
    };
    return { url, body };
  }

  private editForm(request: NormalizedEditRequest, ctx: GenerateContext, model: string | undefined): FormData {
    const form = new FormData();
    if (model) form.set("model", model);
    form.set("prompt", request.prompt);
    form.set("n", String(request.n));
    form.set("size", request.apiSize);
    form.set("quality", request.quality);
    form.set("output_format", request.outputFormat);
    if (request.inputFidelity && this.options.inputFidelity !== false) form.set("input_fidelity", request.inputFidelity);
    if (request.background) form.set("background", request.background);
    const user = this.hashedUser(ctx);
    if (user) form.set("user", user);
    return setEditFiles(form, request);
  }

  private async *stream(
    call: { url: string; body: AzureGenerationsBody },
    request: ExtendedGenerateRequest,
    ctx: GenerateContext,
  ): AsyncGenerator<ImageStreamEvent> {
    const answer = await this.options.client.open({ ...call, accept: "text/event-stream" }, ctx);
    try {
      const body = answer.response.body;
      if (!body) throw invalidAnswerError("empty stream");
      for await (const message of readServerSentEvents(body, UPSTREAM_STREAM_ERRORS)) {
        const event = parseStreamEvent(message.event, message.data);
        if (!event) continue;
        if (event.type === "completed") {
          const fitted = await fitImage(event, request.size, request.outputFormat);
          yield { ...event, b64_json: fitted.b64_json };
          return;
        }
        yield event;
      }
      throw invalidAnswerError("the stream ended before the image was complete");
    } catch (error) {
      // A read error after the headers with no abort on our side: the upstream cut the stream off.
      if (!(error instanceof UpstreamError) && !answer.signal.aborted) throw invalidAnswerError("the stream was cut off", error);
      throw answer.fail(error);
    } finally {
      answer.release();
    }
  }
}

/**
 * One upstream SSE message as an {@link ImageStreamEvent}; `undefined` for events that carry no image
 * (e.g. keep-alives). Generation events are `image_generation.*`, edit events `image_edit.*`; the event name
 * may be only in the data's `type`.
 * @throws UpstreamError for `event: error` or a data object with `error`
 */
export function parseStreamEvent(name: string | undefined, data: string): ImageStreamEvent | undefined {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(data) as Record<string, unknown>;
  } catch {
    if (name === "error") throw errorFromStreamEvent(undefined);
    return undefined; // e.g. "[DONE]"
  }
  if (name === "error" || json.type === "error" || (typeof json.error === "object" && json.error !== null)) {
    throw errorFromStreamEvent(json);
  }
  const type = String(name ?? json.type ?? "");
  // Some OpenAI-compatible servers send `b64_json` as a `data:` URL; the pane takes raw base64 only.
  const b64 = typeof json.b64_json === "string" ? stripDataUrlPrefix(json.b64_json) : undefined;
  if (b64 === undefined || b64 === "") return undefined;
  if (type.endsWith(".partial_image")) {
    const index = Number(json.partial_image_index ?? 0);
    return { type: "partial", index: Number.isInteger(index) ? index : 0, b64_json: b64 };
  }
  if (type.endsWith(".completed")) {
    const revised = json.revised_prompt;
    return typeof revised === "string" && revised !== ""
      ? { type: "completed", b64_json: b64, revised_prompt: revised }
      : { type: "completed", b64_json: b64 };
  }
  return undefined;
}
