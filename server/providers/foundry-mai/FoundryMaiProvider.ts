// Provider for Foundry MAI image models (MAI-Image-2.x): `/mai/v1/images/generations` and `/edits`, one image
// per call, width/height instead of size, no streaming. Source: shared/docs/image-api.md.
import type { BackendInfo } from "../../../src/core/protocol/wire";
import type { GenerateContext, ImageProvider, NormalizedEditRequest, NormalizedGenerateRequest, ProviderImage } from "../Provider";
import { combinedQueueReporter } from "./queueReports";
import { fitImage, imagesFromAnswer } from "../upstream/images";
import { setEditFiles } from "../upstream/multipart";
import type { UpstreamClient } from "../upstream/UpstreamClient";
import { UpstreamError } from "../upstream/upstreamErrors";
import { hashedUser } from "../upstream/userHash";
import { maiSizeFor, type MaiFamily } from "./maiSize";

/** Settings of {@link FoundryMaiProvider}. */
export interface FoundryMaiOptions {
  /** `IMAGE_ENDPOINT`, e.g. `https://<resource>.services.ai.azure.com` (no trailing slash). */
  endpoint: string;
  /** `IMAGE_DEPLOYMENT`: the deployment name, sent as `model`. */
  deployment: string;
  client: UpstreamClient;
  /** Key of the `user` hash (`IMAGE_USER_HASH_SECRET`). */
  userHashSecret?: string;
  /** Send the hashed `user` (`IMAGE_SEND_USER`, default true; off if a deployment refuses the field). */
  sendUser?: boolean;
  /** The deployment's family: its pixel cap (2.5: 1,048,576; 2.6: 2,359,296). @default "mai-image-2.5" */
  family?: MaiFamily;
  /**
   * Send `web_grounding: true` (`MAI_WEB_GROUNDING=true`): MAI searches the web with the prompt, which carries
   * document text, so only the gateway's admin turns it on. Otherwise the field is never sent. @default false
   */
  webGrounding?: boolean;
}

/** Body of `POST /mai/v1/images/generations`. */
export interface MaiGenerationsBody {
  /** The deployment name. */
  model: string;
  prompt: string;
  /** Pixels, ≥ 768; width × height ≤ 1,048,576 (2.5) or 2,359,296 (2.6). */
  width: number;
  height: number;
  /** Only with `MAI_WEB_GROUNDING=true`. */
  web_grounding?: true;
  /** Hashed user id for abuse monitoring. */
  user?: string;
}

/**
 * Foundry MAI: `n` images are `n` parallel single calls (each waits for its own slot in the queue, so `n` > 1
 * stays under the deployment's budget); MAI's size (e.g. 1248×832) is
 * scaled to the requested size (1536×1024) so every provider returns what the pane asked for. MAI returns
 * PNG; a `jpeg` request is re-encoded here.
 */
export class FoundryMaiProvider implements ImageProvider {
  readonly info: BackendInfo;

  constructor(private readonly options: FoundryMaiOptions) {
    this.info = { provider: "foundry-mai", model: options.deployment, offline: false, streaming: false };
  }

  /** @throws UpstreamError with a normalized code; `cancelled` on abort */
  generate(request: NormalizedGenerateRequest, ctx: GenerateContext): Promise<ProviderImage[]> {
    const size = maiSizeFor(request.size, this.options.family);
    const body: MaiGenerationsBody = {
      model: this.options.deployment,
      prompt: request.prompt,
      width: size.widthPx,
      height: size.heightPx,
      ...(this.options.webGrounding ? { web_grounding: true as const } : {}),
      ...this.user(ctx),
    };
    return this.eachImage(request, ctx, (callCtx) =>
      this.options.client.json({ url: `${this.options.endpoint}/mai/v1/images/generations`, body }, callCtx),
    );
  }

  /**
   * Edits `request.image` (multipart `image`, `prompt`, `model`, `width`, `height`). MAI takes no mask.
   * @throws UpstreamError 400 `mask_not_supported` when a mask is given
   */
  edit(request: NormalizedEditRequest, ctx: GenerateContext): Promise<ProviderImage[]> {
    if (request.mask) {
      throw new UpstreamError(
        400,
        "mask_not_supported",
        "bad_request",
        "This image service (Foundry MAI) edits the whole picture and takes no mask; send the edit without one",
        false,
        0,
        { param: "mask" },
      );
    }
    const size = maiSizeFor(request.size, this.options.family);
    const form = () => {
      const data = new FormData();
      data.set("model", this.options.deployment);
      data.set("prompt", request.prompt);
      data.set("width", String(size.widthPx));
      data.set("height", String(size.heightPx));
      if (this.options.webGrounding) data.set("web_grounding", "true");
      const user = this.user(ctx).user;
      if (user) data.set("user", user);
      return setEditFiles(data, { image: request.image });
    };
    return this.eachImage(request, ctx, (callCtx) =>
      this.options.client.json({ url: `${this.options.endpoint}/mai/v1/images/edits`, body: form() }, callCtx),
    );
  }

  private user(ctx: GenerateContext): { user?: string } {
    const user = this.options.sendUser === false ? undefined : hashedUser(ctx.userId, this.options.userHashSecret);
    return user ? { user } : {};
  }

  /** Runs `call` `request.n` times in parallel; the first failure aborts the others. */
  private async eachImage(
    request: NormalizedGenerateRequest,
    ctx: GenerateContext,
    call: (callCtx: GenerateContext) => Promise<unknown>,
  ): Promise<ProviderImage[]> {
    const siblings = new AbortController();
    const signal = AbortSignal.any([ctx.signal, siblings.signal]);
    const reporter = combinedQueueReporter(ctx.onQueue);
    const one = async (_: unknown, index: number): Promise<ProviderImage> => {
      const [image] = imagesFromAnswer(await call({ ...ctx, signal, onQueue: reporter(index) }));
      return fitImage(image, request.size, request.outputFormat);
    };
    try {
      return await Promise.all(Array.from({ length: request.n }, one));
    } catch (error) {
      siblings.abort(error);
      throw error;
    }
  }
}
