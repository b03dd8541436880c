// Error codes shared by the gateway (JSON envelope) and the pane (typed errors, messages). Data only.

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

/** The gateway's error envelope: `{ error: { code, type, message, param? } }` (OpenAI-shaped). */
export interface ErrorEnvelope {
  error: {
    /** Specific, stable machine code, e.g. `missing_prompt`, `invalid_n`, `invalid_token`. */
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

/** True if `value` looks like the gateway's error envelope. */
export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== "object" || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string";
}
