// `POST /v1/images/generations`: validates the OpenAI-shaped body, asks the provider, answers base64 images.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseApiSize } from "../../../src/core/protocol/apiSizes";
import type { ImagesResponse } from "../../../src/core/protocol/wire";
import type { PixelSize } from "../../../src/core/protocol/wire";
import type { GenerateContext, ImageProvider, NormalizedGenerateRequest } from "../../providers/Provider";
import { badRequest } from "../errors";
import { readGenerateExtras } from "../gptImageFields";
import { answerImages } from "../runProviderCall";
import { generationsBodySchema, type GenerationsBody } from "../schemas";
import { readStreamFields, sendImageStream } from "../streaming";
import { editRoutes } from "./edits";

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
function normalizeGenerations(body: GenerationsBody): NormalizedGenerateRequest {
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

  app.post<{ Body: GenerationsBody }>("/generations", { schema: { body: generationsBodySchema } }, async (request, reply): Promise<ImagesResponse | FastifyReply> => {
    // issue #4: gpt-image extras (output_compression, background) ride along for providers that take them.
    const normalized = { ...normalizeGenerations(request.body), ...readGenerateExtras(request.body as unknown as Record<string, unknown>) };
    // issue #4: `stream: true` answers with Server-Sent Events (../streaming.ts).
    const { stream, partialImages } = readStreamFields(request.body as unknown as Record<string, unknown>);
    if (stream) {
      const makeAll = (ctx: GenerateContext) => provider.generate(normalized, ctx);
      return sendImageStream(request, reply, { eventPrefix: "image_generation", provider, request: normalized, partialImages, makeAll, generationTimeoutMs: options.generationTimeoutMs });
    }
    return answerImages(request, reply, {
      provider,
      n: normalized.n,
      apiSize: normalized.apiSize,
      timeoutMs: options.generationTimeoutMs,
      call: (ctx) => provider.generate(normalized, ctx),
    });
  });
}

declare module "fastify" {
  interface FastifyRequest {
    /** Id of the authenticated user (`oid`/`sub`), set by the `authenticate` option; undefined without auth. */
    userId?: string;
  }
}
