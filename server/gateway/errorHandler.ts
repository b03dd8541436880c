// Renders every failure as the shared error envelope: ours, providers', Fastify's and unexpected ones.
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "../../src/core/protocol/errors";
import { GatewayError, badRequest } from "./errors";
import { errorFromValidation } from "./validation";

/** Largest accepted request body, in bytes: a 2 MB prompt still reaches validation (→ 400 `prompt_too_long`). */
export const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** Fastify's own error codes and what the client gets for each. */
const FASTIFY_ERRORS: Record<string, () => GatewayError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => badRequest("invalid_json", "The request body is not valid JSON"),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => badRequest("invalid_json", "The request body is empty; send a JSON object"),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new GatewayError(415, "unsupported_media_type", "bad_request", "Send the body as Content-Type: application/json"),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new GatewayError(413, "payload_too_large", "bad_request", `The request body is over ${BODY_LIMIT_BYTES} bytes`),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => badRequest("invalid_content_length", "Content-Length does not match the body"),
};

/** Maps any thrown value to the {@link ApiError} the client gets. Unknown errors become a 500 `internal`. */
function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const fastifyError = error as Partial<FastifyError> | undefined;
  if (fastifyError?.validation) return errorFromValidation(fastifyError.validation);
  const known = fastifyError?.code ? FASTIFY_ERRORS[fastifyError.code] : undefined;
  if (known) return known();
  // Fastify marks SyntaxErrors of its JSON parser with statusCode 400.
  if (error instanceof SyntaxError && fastifyError?.statusCode === 400) return FASTIFY_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY();
  const status = fastifyError?.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return new GatewayError(status, "bad_request", "bad_request", "The request is not valid");
  }
  return new GatewayError(500, "internal", "internal", "The gateway failed unexpectedly; try again");
}

/**
 * Fastify error handler: sends `{ error: { code, type, message, ... } }` with the error's status and headers.
 * Never sends a stack trace or an upstream body. 5xx are logged at `error` level with their cause.
 */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const apiError = toApiError(error);
  if (apiError.statusCode >= 500) {
    request.log.error({ err: error, code: apiError.code }, "request failed");
  } else {
    request.log.info({ code: apiError.code, status: apiError.statusCode }, "request refused");
  }
  return reply.code(apiError.statusCode).headers(apiError.responseHeaders()).send(apiError.toEnvelope());
}

/** Fastify not-found handler: 404 `not_found` in the envelope. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .send(new GatewayError(404, "not_found", "not_found", `No route ${request.method} ${request.url.split("?")[0]}`).toEnvelope());
}
