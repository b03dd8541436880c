// Base error of the server side: an HTTP status plus the shared envelope fields, rendered by the gateway.
import type { ErrorEnvelope, ErrorType } from "../../src/core/errors";

/** Optional details of an {@link ApiError}; each maps to a field of the envelope or a response header. */
export interface ApiErrorDetails {
  /** Request field at fault (`error.param`), for `bad_request`. */
  param?: string;
  /** Milliseconds to wait before retrying (`error.retryAfterMs` and the `retry-after-ms` header). */
  retryAfterMs?: number;
  /** Content-filter categories that fired (`error.categories`). */
  categories?: string[];
  /** Extra response headers, e.g. `WWW-Authenticate`. */
  headers?: Record<string, string>;
  /** The underlying error, kept for logs only (never sent to the client). */
  cause?: unknown;
}

/**
 * An error the gateway turns into `{ error: { code, type, message, ... } }` with `statusCode`.
 * `message` is sent to the client: keep it free of secrets, stack traces and upstream bodies.
 * Subclasses: `GatewayError` (server/gateway/errors.ts) and `ProviderError` (server/providers/errors.ts).
 */
export class ApiError extends Error {
  override name = "ApiError";
  /** HTTP status of the response (4xx or 5xx). */
  readonly statusCode: number;
  /** Stable machine code, e.g. `missing_prompt` (see src/core/errors.ts). */
  readonly code: string;
  /** Normalized category (`error.type`). */
  readonly type: ErrorType;
  readonly details: ApiErrorDetails;

  constructor(statusCode: number, code: string, type: ErrorType, message: string, details: ApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.statusCode = statusCode;
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
