// `POST /v1/images/generations`: validates the OpenAI-shaped body, asks the provider, answers base64 images.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseApiSize } from "../../../src/core/sizes";
import type { BackendInfo, PixelSize } from "../../../src/core/types";
import type { GenerateContext, ImageProvider, NormalizedGenerateRequest, ProviderImage } from "../../providers/Provider";
import { ApiError } from "../../shared/ApiError";
import { watchGeneration } from "../cancellation";
import { editRoutes } from "../edits";
import { GatewayError, badRequest } from "../errors";
import { readGenerateExtras } from "../gptImageFields";
import { generationsBodySchema, type GenerationsBody } from "../schemas";
import { queueHeaderReporter } from "../runProviderCall";
import { readStreamFields, sendImageStream } from "../streaming";

/** Response of `POST /v1/images/generations`: the OpenAI shape plus `backend` (which backend made the images). */
export interface GenerationsResponse {
  /** Unix time in seconds. */
  created: number;
  data: ProviderImage[];
  backend: BackendInfo;
}

/** Verifies a request's credentials; see `GatewayOptions.authenticate` in ../app.ts. */
export type Authenticate = (request: FastifyRequest) => Promise<{ userId: string }>;

/** Options of {@link imageRoutes}. */
export interface ImageRoutesOptions {
  provider: ImageProvider;
  authenticate?: Authenticate;
  /** Longest time one generation may take (ms); then 504 `generation_timeout` and the provider's signal aborts. */
  generationTimeoutMs: number;
}

/** The validated body as the provider seam wants it. */
export function normalizeGenerations(body: GenerationsBody): NormalizedGenerateRequest {
  if (body.prompt.trim() === "") throw badRequest("missing_prompt", "prompt must not be blank", "prompt");
  return {
    prompt: body.prompt,
    n: body.n,
    apiSize: body.size,
    // The schema admits only SUPPORTED_API_SIZES, which all parse.
    size: parseApiSize(body.size) as PixelSize,
    quality: body.quality,
    outputFormat: body.output_format,
    ...(body.seed === undefined ? {} : { seed: body.seed }),
  };
}

/** Checks what a provider returned: exactly `n` non-empty base64 images. */
function checkImages(images: unknown, n: number): ProviderImage[] {
  const valid =
    Array.isArray(images) &&
    images.length === n &&
    images.every((image: Partial<ProviderImage>) => typeof image?.b64_json === "string" && image.b64_json.length > 0);
  if (!valid) {
    throw new GatewayError(502, "upstream_invalid_response", "upstream_unavailable", "The image backend returned no usable image");
  }
  return images as ProviderImage[];
}

/**
 * Registers the image routes (a Fastify plugin; register it with `{ prefix: "/v1/images" }`).
 * With `authenticate`, every route here first verifies the caller (onRequest: before the body is read),
 * and `request.userId` carries the result.
 */
export async function imageRoutes(app: FastifyInstance, options: ImageRoutesOptions): Promise<void> {
  const { provider, authenticate } = options;
  app.decorateRequest("userId", undefined);
  if (authenticate) {
    app.addHook("onRequest", async (request) => {
      request.userId = (await authenticate(request)).userId;
    });
  }

  // issue #4: POST /edits (multipart), inside this plugin so the authentication hook above applies.
  await app.register(editRoutes, { provider, generationTimeoutMs: options.generationTimeoutMs });

  app.post<{ Body: GenerationsBody }>("/generations", { schema: { body: generationsBodySchema } }, async (request, reply): Promise<GenerationsResponse | FastifyReply> => {
    // issue #4: gpt-image extras (output_compression, background) ride along for providers that take them.
    const normalized = { ...normalizeGenerations(request.body), ...readGenerateExtras(request.body as unknown as Record<string, unknown>) };
    // issue #4: `stream: true` answers with Server-Sent Events (./../streaming.ts).
    const { stream, partialImages } = readStreamFields(request.body as unknown as Record<string, unknown>);
    if (stream) {
      const makeAll = (ctx: GenerateContext) => provider.generate(normalized, ctx);
      return sendImageStream(request, reply, { eventPrefix: "image_generation", provider, request: normalized, partialImages, makeAll, generationTimeoutMs: options.generationTimeoutMs });
    }
    const started = performance.now();
    // Aborts on client disconnect and on timeout: the provider stops its upstream call (cancel reaches it).
    const cancellation = watchGeneration(reply, options.generationTimeoutMs);
    let images: ProviderImage[];
    try {
      const generated = provider.generate(normalized, { signal: cancellation.signal, userId: request.userId, onQueue: cancellation.whileQueued(queueHeaderReporter(reply)) });
      generated.catch(() => undefined); // after an abort nobody awaits it: keep its late rejection handled
      images = checkImages(await Promise.race([generated, cancellation.aborted]), normalized.n);
    } catch (error) {
      if (cancellation.signal.aborted) throw cancellation.signal.reason;
      if (error instanceof ApiError) throw error;
      throw new GatewayError(502, "upstream_unavailable", "upstream_unavailable", "The image backend failed; try again", { cause: error });
    } finally {
      cancellation.dispose();
    }
    request.log.info(
      { provider: provider.info.provider, n: normalized.n, size: normalized.apiSize, ms: Math.round(performance.now() - started) },
      "images generated",
    );
    return { created: Math.floor(Date.now() / 1000), data: images, backend: provider.info };
  });
}

declare module "fastify" {
  interface FastifyRequest {
    /** Id of the authenticated user (`oid`/`sub`), set by the `authenticate` option; undefined without auth. */
    userId?: string;
  }
}
