// Errors the gateway itself raises (validation, authentication, routing); rendered as the shared envelope.
import { ApiError } from "../../src/core/protocol/errors";

/**
 * An error with an HTTP status and a stable code, rendered by the gateway's error handler as
 * `{ error: { code, type, message, param? } }`. Throw it from hooks, handlers and the `authenticate` option.
 */
export class GatewayError extends ApiError {
  override name = "GatewayError";
}

/** A 400 `bad_request` about one request field. */
export function badRequest(code: string, message: string, param?: string): GatewayError {
  return new GatewayError(400, code, "bad_request", message, param === undefined ? {} : { param });
}

/**
 * Thrown by the `authenticate` option (issue #3) when a request carries no valid token: a 401 (or 403 for
 * a valid token lacking the scope) sent with `WWW-Authenticate: <wwwAuthenticate>`; nothing is generated.
 */
export class AuthenticationError extends GatewayError {
  override name = "AuthenticationError";
  /**
   * @param code which check failed, e.g. `missing_token`, `invalid_token`, `token_expired`, `insufficient_scope`
   * @param message English sentence for developers; never include the token
   * @param wwwAuthenticate the challenge, e.g. `Bearer error="invalid_token", error_description="expired"` (RFC 6750 §3)
   */
  constructor(
    code: string,
    message: string,
    readonly wwwAuthenticate: string,
    options: { statusCode?: 401 | 403; cause?: unknown } = {},
  ) {
    const statusCode = options.statusCode ?? 401;
    super(statusCode, code, statusCode === 401 ? "unauthorized" : "forbidden", message, {
      headers: { "www-authenticate": wwwAuthenticate },
      cause: options.cause,
    });
  }
}
