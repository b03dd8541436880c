// `POST /v1/images/generations`: validates the OpenAI-shaped body, asks the provider, answers base64 images.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ImagesResponse } from "../../../src/core/protocol/wire";
import type { GenerateContext, NormalizedGenerateRequest } from "../../providers/Provider";
import { badRequest } from "../errors";
import { readGenerateExtras } from "../gptImageFields";
import { answerImages } from "../runProviderCall";
import { DEFAULT_API_SIZE, generationsBodySchema, type GenerationsBody } from "../schemas";
import { pickModel, shapeFor, type ServedModel, type ServedModels } from "../servedModels";
import { readStreamFields, sendImageStream } from "../streaming";
import { editRoutes } from "./edits";

/** Verifies a request's credentials; see `GatewayOptions.authenticate` in ../app.ts. */
export type Authenticate = (request: FastifyRequest) => Promise<{ userId: string }>;

/**
 * Verifies every caller of the plugin `app` before its body is read (onRequest) and sets `request.userId`; with no
 * `authenticate`, nothing is checked. Used by the image and prompt routes alike.
 */
export function verifyCallers(app: FastifyInstance, authenticate: Authenticate | undefined): void {
  app.decorateRequest("userId", undefined);
  if (authenticate) {
    app.addHook("onRequest", async (request) => {
      request.userId = (await authenticate(request)).userId;
    });
  }
}

/** Options of {@link imageRoutes}. */
export interface ImageRoutesOptions {
  /** The models served; each request picks one (its `model`, or Auto). */
  models: ServedModels;
  authenticate?: Authenticate;
  /** Longest time one generation may take (ms); then 504 `generation_timeout` and the provider's signal aborts. */
  generationTimeoutMs: number;
}

/** The validated body as the provider seam wants it, its size checked against the chosen model's rule. */
function normalizeGenerations(body: GenerationsBody, model: ServedModel): NormalizedGenerateRequest {
  if (body.prompt.trim() === "") throw badRequest("missing_prompt", "prompt must not be blank", "prompt");
  const shape = shapeFor(model.entry, body.size, body.crop_to_ratio, DEFAULT_API_SIZE);
  return {
    prompt: body.prompt,
    n: body.n,
    ...shape,
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
  const { models, authenticate } = options;
  verifyCallers(app, authenticate);

  // issue #4: POST /edits (multipart), inside this plugin so the authentication hook above applies.
  await app.register(editRoutes, { models, generationTimeoutMs: options.generationTimeoutMs });

  app.post<{ Body: GenerationsBody }>(
    "/generations",
    { schema: { body: generationsBodySchema } },
    async (request, reply): Promise<ImagesResponse | FastifyReply> => {
      const body = request.body;
      // issue #10: the request's `model`, or Auto by the job (transparent background, photo style, queue length).
      const model = pickModel(models, {
        ...(body.model === undefined ? {} : { model: body.model }),
        ...(body.background === "transparent" ? { background: "transparent" as const } : {}),
        ...(typeof body.style === "string" ? { style: body.style } : {}),
      });
      const provider = model.provider;
      // issue #4: gpt-image extras (output_compression, background) ride along for providers that take them.
      const normalized = { ...normalizeGenerations(body, model), ...readGenerateExtras(body as unknown as Record<string, unknown>) };
      // issue #4: `stream: true` answers with Server-Sent Events (../streaming.ts).
      const { stream, partialImages } = readStreamFields(request.body as unknown as Record<string, unknown>);
      if (stream) {
        const makeAll = (ctx: GenerateContext) => provider.generate(normalized, ctx);
        return sendImageStream(request, reply, {
          eventPrefix: "image_generation",
          provider,
          request: normalized,
          partialImages,
          makeAll,
          generationTimeoutMs: options.generationTimeoutMs,
        });
      }
      return answerImages(request, reply, {
        provider,
        n: normalized.n,
        apiSize: normalized.apiSize,
        timeoutMs: options.generationTimeoutMs,
        call: (ctx) => provider.generate(normalized, ctx),
      });
    },
  );
}

declare module "fastify" {
  interface FastifyRequest {
    /** Id of the authenticated user (`oid`/`sub`), set by the `authenticate` option; undefined without auth. */
    userId?: string;
  }
}
