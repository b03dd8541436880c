// Maps every failure of an upstream image API (HTTP error bodies, stream error events, network, timeout,
// cancel) to one ProviderError with a stable code and the gateway's own message. How each upstream shape is
// read (content-filter codes, inner errors, categories, suspended) is the protocol's: upstreamErrorShapes.ts.
import type { ErrorType } from "../../../src/core/protocol/errors";
import { retryAfterMs, type RetryVerdict } from "../../../src/core/protocol/retry";
import type { ServerSentEventErrors } from "../../../src/core/protocol/serverSentEvents";
import { firedCategories, innerErrorOf, isContentFilter, isSuspended, upstreamErrorObject } from "../../../src/core/protocol/upstreamErrorShapes";
import { ProviderError } from "../errors";

/** A ProviderError that also says whether the same request may be sent again. */
export class UpstreamError extends ProviderError {
  override name = "UpstreamError";
  /**
   * @param retryable true for 408/409/429/5xx and network failures (never for content filters or other 4xx)
   * @param upstreamStatus the upstream's HTTP status (0 when there was no answer), for logs
   */
  constructor(
    statusCode: number,
    code: string,
    type: ErrorType,
    message: string,
    readonly retryable: boolean,
    readonly upstreamStatus: number,
    details: ConstructorParameters<typeof ProviderError>[4] = {},
  ) {
    super(statusCode, code, type, message, details);
  }
}

type Json = Record<string, unknown>;

function objectOf(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The retry rule of the gateway's upstream calls: an {@link UpstreamError} says itself; anything else is not retried. */
export function upstreamRetryVerdict(error: unknown): RetryVerdict | undefined {
  return error instanceof UpstreamError ? { retryable: error.retryable, retryAfterMs: error.details.retryAfterMs } : undefined;
}

function contentFiltered(error: Json | undefined, upstreamStatus: number): UpstreamError {
  const categories = firedCategories(error);
  const which = categories.length > 0 ? ` (${categories.join(", ")})` : "";
  return new UpstreamError(
    400,
    "content_filtered",
    "content_filtered",
    `The image service's content filter blocked this request${which}; change the prompt and try again`,
    false,
    upstreamStatus,
    { categories },
  );
}

/**
 * The normalized error for an upstream HTTP answer that is not 2xx.
 *
 * | upstream | code (type) | status to the pane | retryable |
 * |---|---|---|---|
 * | any content-filter form | `content_filtered` (+ categories) | 400 | no |
 * | 400/413/415/422 | `bad_request` | 400 | no |
 * | 401 | `upstream_unauthorized` (unauthorized): the gateway's credential was refused | 502 | no (the client re-fetches a token once) |
 * | 403 "temporarily blocked" | `suspended` | 503 | no |
 * | 403 | `upstream_forbidden` (forbidden): missing role | 502 | no |
 * | 404 | `not_found` (DeploymentNotFound, wrong endpoint) | 502 | no |
 * | 408 | `timeout` | 504 | yes |
 * | 429 | `rate_limited` (+ retryAfterMs) | 429 | yes |
 * | 409, 5xx, other | `upstream_unavailable` | 502 | 409/5xx yes |
 *
 * The message is ours: upstream text never reaches the pane (it may echo the prompt or name resources).
 * @param body the parsed JSON body, or `undefined` when it was not JSON
 */
export function errorFromUpstreamAnswer(status: number, body: unknown, headers: Headers): UpstreamError {
  const error = upstreamErrorObject(body);
  const upstreamCode = textOf(error?.code) ?? textOf(innerErrorOf(error)?.code);
  const cause = { upstreamStatus: status, upstreamCode, upstreamMessage: textOf(error?.message) };
  if (isContentFilter(error)) return contentFiltered(error, status);
  if (status === 429) {
    const waitMs = retryAfterMs(headers);
    return new UpstreamError(429, "rate_limited", "rate_limited", "The image service is busy (rate limit); try again shortly", true, status, {
      ...(waitMs === undefined ? {} : { retryAfterMs: waitMs }),
      cause,
    });
  }
  if (status === 401) {
    return new UpstreamError(
      502,
      "upstream_unauthorized",
      "unauthorized",
      "The image service refused the gateway's credential; an administrator must check IMAGE_API_KEY or the identity's token audience",
      false,
      status,
      { cause },
    );
  }
  if (isSuspended(status, textOf(error?.message))) {
    return new UpstreamError(
      503,
      "suspended",
      "suspended",
      "The image service resource is temporarily blocked; an administrator must contact Azure support",
      false,
      status,
      { cause },
    );
  }
  if (status === 403) {
    return new UpstreamError(
      502,
      "upstream_forbidden",
      "forbidden",
      "The gateway's identity may not use this image deployment; an administrator must grant it the Cognitive Services (OpenAI) User role",
      false,
      status,
      { cause },
    );
  }
  if (status === 404) {
    return new UpstreamError(
      502,
      "not_found",
      "not_found",
      "The image deployment was not found; an administrator must check IMAGE_ENDPOINT and IMAGE_DEPLOYMENT",
      false,
      status,
      { cause },
    );
  }
  if (status === 408) {
    return new UpstreamError(504, "timeout", "timeout", "The image service timed out; try again", true, status, { cause });
  }
  if (status >= 400 && status < 500 && status !== 409) {
    return new UpstreamError(
      400,
      "bad_request",
      "bad_request",
      "The image service did not accept this request (size, count or option not supported); change the options and try again",
      false,
      status,
      { cause, ...(textOf(error?.param) ? { param: textOf(error?.param) } : {}) },
    );
  }
  return new UpstreamError(
    502,
    "upstream_unavailable",
    "upstream_unavailable",
    "The image service is unavailable; try again in a moment",
    status === 409 || status >= 500,
    status,
    { cause },
  );
}

/**
 * The normalized error for an `error` event (or a data object carrying `error`) inside an upstream stream.
 * Such an event has no HTTP status: content filters keep their code, anything else is `upstream_unavailable`
 * and not retried (part of the answer was already passed on).
 */
export function errorFromStreamEvent(data: unknown): UpstreamError {
  const error = objectOf(objectOf(data)?.error) ?? objectOf(data);
  if (isContentFilter(error)) return contentFiltered(error, 200);
  return new UpstreamError(502, "upstream_stream_error", "upstream_unavailable", "The image service failed while generating; try again", false, 200, {
    cause: { upstreamCode: textOf(error?.code), upstreamMessage: textOf(error?.message) },
  });
}

/** No answer at all (DNS, refused, reset): retryable. */
export function networkError(cause: unknown): UpstreamError {
  return new UpstreamError(
    502,
    "upstream_unavailable",
    "upstream_unavailable",
    "The image service could not be reached; try again in a moment",
    true,
    0,
    { cause },
  );
}

/** The answer was cut off or did not have the documented shape. */
export function invalidAnswerError(why: string, cause?: unknown): UpstreamError {
  return new UpstreamError(
    502,
    "upstream_invalid_response",
    "upstream_unavailable",
    `The image service sent an unusable answer (${why}); try again`,
    false,
    200,
    { cause },
  );
}

/** The generation took longer than the gateway's limit (`GENERATION_TIMEOUT_MS`, default 300 s). */
export function timeoutError(limitMs: number): UpstreamError {
  return new UpstreamError(
    504,
    "timeout",
    "timeout",
    `The image service took longer than ${Math.round(limitMs / 1000)} s; try a simpler prompt or lower quality`,
    false,
    0,
  );
}

/** The caller aborted (Cancel in the pane, client disconnect). 499 is nginx's "client closed request". */
export function cancelledError(cause?: unknown): UpstreamError {
  return new UpstreamError(499, "cancelled", "cancelled", "The generation was cancelled", false, 0, { cause });
}

/** How the protocol's SSE reader reports an upstream stream's failures: an oversized event is an unusable answer. */
export const UPSTREAM_STREAM_ERRORS: ServerSentEventErrors = {
  tooLarge: () => invalidAnswerError("stream event too large"),
};
