// Error codes, the error envelope and the one ApiError class shared by the gateway (renders) and the pane (reads).

/**
 * Normalized error categories (`error.type` in the gateway envelope). Each maps to one message in the pane.
 * Source of the upstream forms: shared/docs/image-api.md, "Errors".
 */
export const ERROR_TYPES = [
  "bad_request",
  "content_filtered",
  "rate_limited",
  "unauthorized",
  "forbidden",
  "suspended",
  "not_found",
  "upstream_unavailable",
  "timeout",
  "cancelled",
  "internal",
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

/** True if `value` is one of {@link ERROR_TYPES}. */
export function isErrorType(value: unknown): value is ErrorType {
  return typeof value === "string" && (ERROR_TYPES as readonly string[]).includes(value);
}

/** The gateway's error envelope: `{ error: { code, type, message, param? } }` (OpenAI-shaped). */
export interface ErrorEnvelope {
  error: {
    /** Specific, stable machine code, e.g. `missing_prompt`, `invalid_n`, `invalid_token`, `unknown_parameter`. */
    code: string;
    /** Normalized category. */
    type: ErrorType;
    /** Human-readable English message for logs and developers; the pane uses its own localized strings. */
    message: string;
    /** Request field at fault, for `bad_request`. */
    param?: string;
    /** Milliseconds to wait before retrying, for `rate_limited`. */
    retryAfterMs?: number;
    /** Content-filter categories that fired, for `content_filtered`. */
    categories?: string[];
  };
}

/** Optional details of an {@link ApiError}; each maps to a field of the envelope, a header, or a log. */
export interface ApiErrorDetails {
  /** Request field at fault (`error.param`), for `bad_request`. */
  param?: string;
  /** Milliseconds to wait before retrying (`error.retryAfterMs` and the `retry-after-ms` header). */
  retryAfterMs?: number;
  /** Content-filter categories that fired (`error.categories`). */
  categories?: string[];
  /** The answer's `x-request-id` (or Azure's `apim-request-id`), when read from an answer. */
  requestId?: string;
  /** The parsed error body as it came (pane side), for diagnostics. */
  body?: unknown;
  /** Extra response headers the gateway sends, e.g. `WWW-Authenticate`. */
  headers?: Record<string, string>;
  /** The underlying error, kept for logs only (never sent to the client). */
  cause?: unknown;
}

/**
 * An HTTP error of the image API: thrown by the gateway (rendered as `{ error: { code, type, message, ... } }`
 * with `status`), and by the pane's client for an error answer it read. `message` is sent to the client: keep
 * it free of secrets, stack traces and upstream bodies.
 * Gateway subclasses: `GatewayError` (server/gateway/errors.ts), `ProviderError` (server/providers/errors.ts).
 */
export class ApiError extends Error {
  override name = "ApiError";
  /** HTTP status of the answer (4xx or 5xx; 0 for an error event inside a stream). */
  readonly status: number;
  /** The same status under Fastify's name: Fastify reads `error.statusCode`. */
  readonly statusCode: number;
  /** Stable machine code, e.g. `missing_prompt`. */
  readonly code: string;
  /** Normalized category (`error.type`). */
  readonly type: ErrorType;
  readonly details: ApiErrorDetails;

  constructor(status: number, code: string, type: ErrorType, message: string, details: ApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = status;
    this.statusCode = status;
    this.code = code;
    this.type = type;
    this.details = details;
  }

  /** The JSON body sent to the client. */
  toEnvelope(): ErrorEnvelope {
    const { param, retryAfterMs, categories } = this.details;
    return {
      error: {
        code: this.code,
        type: this.type,
        message: this.message,
        ...(param === undefined ? {} : { param }),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        ...(categories === undefined ? {} : { categories }),
      },
    };
  }

  /** Response headers that go with the envelope (`retry-after-ms`, `retry-after`, and `details.headers`). */
  responseHeaders(): Record<string, string> {
    const headers: Record<string, string> = { ...this.details.headers };
    if (this.details.retryAfterMs !== undefined) {
      headers["retry-after-ms"] = String(this.details.retryAfterMs);
      headers["retry-after"] = String(Math.ceil(this.details.retryAfterMs / 1000));
    }
    return headers;
  }
}
