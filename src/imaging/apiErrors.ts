// Maps an HTTP error answer (gateway envelope or a raw upstream body) to one typed ApiError.
import { ERROR_TYPES, type ErrorType } from "../core/errors";
import { ApiError } from "./errors";
import { serverRetryDelayMs } from "./retry";

/**
 * `error.code` values that mean "blocked by the content filter" in raw upstream bodies.
 * Source: shared/docs/image-api.md, "Errors" (OpenAI, Azure OpenAI, Foundry forms).
 */
export const CONTENT_FILTER_CODES: readonly string[] = [
  "content_policy_violation",
  "content_filter",
  "contentFilter",
  "moderation_blocked",
];

/** `inner_error.code` / `innererror.code` of Azure's Responsible AI filter. */
export const RESPONSIBLE_AI_CODE = "ResponsibleAIPolicyViolation";

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function isErrorType(value: unknown): value is ErrorType {
  return typeof value === "string" && (ERROR_TYPES as readonly string[]).includes(value);
}

/** Normalized category for an HTTP status when the body does not say (raw upstream shapes). */
export function errorTypeForStatus(status: number): ErrorType {
  if (status === 400 || status === 413 || status === 415 || status === 422) return "bad_request";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 408) return "timeout";
  if (status === 429) return "rate_limited";
  if (status === 409 || status >= 500) return "upstream_unavailable";
  if (status >= 400 && status < 500) return "bad_request";
  return "internal";
}

/**
 * Content-filter categories that fired, from Azure's `content_filter_results` (images, under `inner_error`)
 * or `content_filter_result` (chat style, under `innererror`): every key whose value has `filtered: true`.
 */
function filteredCategories(inner: Json | undefined): string[] | undefined {
  const results = asObject(inner?.content_filter_results) ?? asObject(inner?.content_filter_result);
  if (!results) return undefined;
  const fired = Object.entries(results)
    .filter(([, v]) => asObject(v)?.filtered === true)
    .map(([k]) => k);
  return fired.length > 0 ? fired : undefined;
}

/** The request id of an answer: our gateway's `x-request-id`, else Azure API Management's `apim-request-id`. */
export function requestIdOf(headers: Headers | undefined): string | undefined {
  return headers?.get("x-request-id") ?? headers?.get("apim-request-id") ?? undefined;
}

/**
 * Builds the typed error for an HTTP error answer.
 *
 * The gateway's envelope (`{ error: { code, type, message, param?, retryAfterMs?, categories? } }`, see
 * src/core/errors.ts) is taken as it is. A raw upstream body (OpenAI/Azure `{ error: { code, message, param?,
 * type?, inner_error? | innererror? } }`, or no JSON at all) is normalized: content-filter codes and Azure's
 * `ResponsibleAIPolicyViolation` inner code → `content_filtered` with the categories that fired; 403 with
 * "temporarily blocked" → `suspended`; otherwise the type follows the status (see {@link errorTypeForStatus}).
 *
 * @param status HTTP status of the answer (0 for an error event inside a stream).
 * @param body The parsed JSON body, or `undefined` when it was not JSON.
 * @param headers Answer headers: request id, `retry-after-ms`, `retry-after`.
 */
export function apiErrorFrom(status: number, body: unknown, headers?: Headers): ApiError {
  const requestId = requestIdOf(headers);
  const headerRetryMs = headers ? serverRetryDelayMs(headers) : undefined;
  const error = asObject(asObject(body)?.error);
  const code = asString(error?.code) ?? asString(error?.type);
  const message = asString(error?.message) ?? (status > 0 ? `The image service answered HTTP ${status}` : "The image service reported an error");
  const param = asString(error?.param);

  if (error && isErrorType(error.type) && code) {
    const categories = Array.isArray(error.categories) ? error.categories.filter((c): c is string => typeof c === "string") : undefined;
    const bodyRetryMs = typeof error.retryAfterMs === "number" && error.retryAfterMs >= 0 ? error.retryAfterMs : undefined;
    return new ApiError(status, error.type, code, message, {
      requestId,
      param,
      retryAfterMs: headerRetryMs ?? bodyRetryMs,
      categories,
      body,
    });
  }

  const inner = asObject(error?.inner_error) ?? asObject(error?.innererror);
  const innerCode = asString(inner?.code);
  let type = errorTypeForStatus(status);
  if ((code && CONTENT_FILTER_CODES.includes(code)) || innerCode === RESPONSIBLE_AI_CODE) type = "content_filtered";
  else if (status === 403 && /temporarily blocked/i.test(message)) type = "suspended";
  return new ApiError(status, type, code ?? innerCode ?? type, message, {
    requestId,
    param,
    retryAfterMs: headerRetryMs,
    categories: type === "content_filtered" ? filteredCategories(inner) : undefined,
    body,
  });
}

/**
 * Reads an HTTP error answer (JSON or not) and builds its typed error. Reading the body may throw the
 * network's error; the caller's deadline maps that.
 */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return apiErrorFrom(response.status, body, response.headers);
}
