// Builds the gateway's Fastify app (routes, CORS, errors, logging) without listening; main.ts listens.
import cors from "@fastify/cors";
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from "fastify";
import type { ImageProvider } from "../providers/Provider";
import { BODY_LIMIT_BYTES, handleError, handleNotFound } from "./errorHandler";
import { imageRoutes, type Authenticate } from "./routes/images";
import { systemRoutes } from "./routes/system";
import { servedFromProvider, type ServedModels } from "./servedModels";

/** Options of {@link buildApp}. */
export interface GatewayOptions {
  /** The image backend (see ./createProvider.ts), served as one model; ignored when `models` is given. */
  provider?: ImageProvider;
  /** The models served (./servedModels.ts: `IMAGE_MODELS`); each request picks one. */
  models?: ServedModels;
  /** Origins that may call the gateway from a browser (exact `scheme://host:port`); others get no CORS headers. */
  allowedOrigins: readonly string[];
  /**
   * Verifies the caller of every `/v1/images/*` route before its body is read (issue #3). Resolve with the
   * user's id (`oid` or `sub`), or throw an `AuthenticationError` (./errors.ts) → 401/403 envelope with
   * `WWW-Authenticate`. Absent: no authentication.
   */
  authenticate?: Authenticate;
  /** TLS key and certificate (PEM); absent: plain HTTP (tests with `app.inject`). */
  https?: { key: Buffer | string; cert: Buffer | string };
  /** Longest generation in milliseconds before 504 `generation_timeout`. @default 300000 */
  generationTimeoutMs?: number;
  /** `false` for silence, or pino options (`level`, `stream`); `Authorization` and cookies are always redacted. */
  logger?: false | { level?: string; stream?: { write(line: string): void } };
}

/** Log paths never written (tokens). */
export const REDACTED_LOG_PATHS = ["req.headers.authorization", "req.headers.cookie", "headers.authorization", "headers.cookie"];

function loggerOptions(logger: GatewayOptions["logger"]): FastifyServerOptions["logger"] {
  if (logger === false) return false;
  return {
    level: logger?.level ?? "info",
    ...(logger?.stream ? { stream: logger.stream } : {}),
    redact: { paths: REDACTED_LOG_PATHS, censor: "[redacted]" },
    serializers: {
      // Fastify's default request serializer plus the origin; never headers wholesale (tokens, cookies).
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: req.url,
        origin: req.headers.origin,
        remoteAddress: req.ip,
      }),
    },
  };
}

/**
 * Creates the gateway app: `POST /v1/images/generations` and `/edits`, `GET /v1/models`, `GET /v1/backend`, `GET /healthz`, CORS for
 * `allowedOrigins`, and every error as `{ error: { code, type, message, param? } }`. Call `listen` to serve.
 * Bodies up to {@link BODY_LIMIT_BYTES} are parsed and validated (a 2 MB prompt → 400 `prompt_too_long`);
 * larger ones get 413 `payload_too_large`.
 */
export async function buildApp(options: GatewayOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.https ? { https: options.https } : {}),
    logger: loggerOptions(options.logger),
    bodyLimit: BODY_LIMIT_BYTES,
    // Strict types: "2" is not a valid `n` (ajv would otherwise coerce it). Unknown fields are refused, not
    // silently removed (Fastify's default `removeAdditional: true` would drop them): 400 `unknown_parameter`.
    ajv: { customOptions: { coerceTypes: false, allErrors: false, removeAdditional: false } },
    return503OnClosing: true,
  }) as unknown as FastifyInstance;

  // JSON only: Fastify's default text/plain parser would turn a text body into a confusing "not an object".
  app.removeContentTypeParser("text/plain");
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  const allowed = new Set(options.allowedOrigins);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ["Authorization", "Content-Type"],
    exposedHeaders: ["Retry-After", "Retry-After-Ms", "WWW-Authenticate", "X-Illustrate-Queue"],
    maxAge: 600,
  });

  const models = options.models ?? (options.provider ? servedFromProvider(options.provider) : undefined);
  if (!models || models.models.length === 0) throw new Error("buildApp needs a provider or models");
  await app.register(systemRoutes, { models });
  await app.register(imageRoutes, {
    prefix: "/v1/images",
    models,
    authenticate: options.authenticate,
    generationTimeoutMs: options.generationTimeoutMs ?? 300_000,
  });
  return app;
}
