// The error shapes of OpenAI-compatible image APIs (OpenAI, Azure OpenAI, Foundry) and how each is read.
// Source of the forms: shared/docs/image-api.md, "Errors". The gateway maps them to its own answers
// (server/providers/upstream/upstreamErrors.ts); the pane reads them in direct mode (readErrorAnswer).
import { ApiError, isErrorType, type ErrorType } from "./errors";
import { retryAfterMs } from "./retry";

/** `error.code` (or `error.type`, or the inner code) values that mean "blocked by the content filter". */
export const CONTENT_FILTER_CODES: ReadonlySet<string> = new Set([
  "content_policy_violation",
  "content_filter",
  "contentFilter",
  "moderation_blocked",
  /** Azure's Responsible AI filter, under `inner_error.code` / `innererror.code`. */
  "ResponsibleAIPolicyViolation",
]);

type Json = Record<string, unknown>;

function objectOf(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** `error.inner_error` (image APIs) or `error.innererror` (chat style) of an upstream error object. */
export function innerErrorOf(error: Json | undefined): Json | undefined {
  return objectOf(error?.inner_error) ?? objectOf(error?.innererror);
}

/**
 * The content-filter categories that fired: keys with `filtered: true` in `content_filter_results` (image
 * APIs) or `content_filter_result` (chat style), under the inner error or on the error itself.
 */
export function firedCategories(error: Json | undefined): string[] {
  const inner = innerErrorOf(error);
  const results =
    objectOf(inner?.content_filter_results) ??
    objectOf(inner?.content_filter_result) ??
    objectOf(error?.content_filter_results) ??
    objectOf(error?.content_filter_result);
  if (!results) return [];
  return Object.entries(results)
    .filter(([, verdict]) => objectOf(verdict)?.filtered === true)
    .map(([category]) => category);
}

/** True when the upstream error object is a content-filter refusal (by `code`, `type` or the inner code). */
export function isContentFilter(error: Json | undefined): boolean {
  return [error?.code, error?.type, innerErrorOf(error)?.code].some((code) => typeof code === "string" && CONTENT_FILTER_CODES.has(code));
}

/** True for Azure's "resource temporarily blocked" 403 (abuse monitoring): the resource is suspended. */
export function isSuspended(status: number, message: string | undefined): boolean {
  return status === 403 && /temporarily blocked/i.test(message ?? "");
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

/** The request id of an answer: our gateway's `x-request-id`, else Azure API Management's `apim-request-id`. */
export function requestIdOf(headers: Headers | undefined): string | undefined {
  return headers?.get("x-request-id") ?? headers?.get("apim-request-id") ?? undefined;
}

/** The `error` object of an upstream body (`{ error: {...} }`), if any. */
export function upstreamErrorObject(body: unknown): Json | undefined {
  return objectOf(objectOf(body)?.error);
}

/**
 * Builds the typed error for an HTTP error answer, as a client reads it.
 *
 * The gateway's envelope (`{ error: { code, type, message, param?, retryAfterMs?, categories? } }`) is taken
 * as it is. A raw upstream body (OpenAI/Azure `{ error: { code, message, param?, type?, inner_error? |
 * innererror? } }`, or no JSON at all) is normalized: {@link isContentFilter} → `content_filtered` with the
 * categories that fired; {@link isSuspended} → `suspended`; otherwise {@link errorTypeForStatus}.
 *
 * @param status HTTP status of the answer (0 for an error event inside a stream).
 * @param body The parsed JSON body, or `undefined` when it was not JSON.
 * @param headers Answer headers: request id, `retry-after-ms`, `retry-after`.
 */
export function apiErrorFrom(status: number, body: unknown, headers?: Headers): ApiError {
  const requestId = requestIdOf(headers);
  const headerRetryMs = headers ? retryAfterMs(headers) : undefined;
  const error = upstreamErrorObject(body);
  const code = textOf(error?.code) ?? textOf(error?.type);
  const message = textOf(error?.message) ?? (status > 0 ? `The image service answered HTTP ${status}` : "The image service reported an error");
  const param = textOf(error?.param);

  if (error && isErrorType(error.type) && code) {
    const categories = Array.isArray(error.categories) ? error.categories.filter((c): c is string => typeof c === "string") : undefined;
    const bodyRetryMs = typeof error.retryAfterMs === "number" && error.retryAfterMs >= 0 ? error.retryAfterMs : undefined;
    return new ApiError(status, code, error.type, message, {
      requestId,
      param,
      retryAfterMs: headerRetryMs ?? bodyRetryMs,
      categories,
      body,
    });
  }

  const innerCode = textOf(innerErrorOf(error)?.code);
  let type = errorTypeForStatus(status);
  if (isContentFilter(error)) type = "content_filtered";
  else if (isSuspended(status, message)) type = "suspended";
  const fired = type === "content_filtered" ? firedCategories(error) : [];
  return new ApiError(status, code ?? innerCode ?? type, type, message, {
    requestId,
    param,
    retryAfterMs: headerRetryMs,
    categories: fired.length > 0 ? fired : undefined,
    body,
  });
}

/**
 * Reads an HTTP error answer (JSON or not) and builds its typed error ({@link apiErrorFrom}). Reading the body
 * may throw the network's error; the caller maps that.
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
