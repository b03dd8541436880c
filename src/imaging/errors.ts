// Typed errors of the image client (one hierarchy, told apart with instanceof; after openai-node's error.ts).
import type { ErrorEnvelope, ErrorType } from "../core/errors";

/** Base of every error the image client throws. */
export class ImageClientError extends Error {
  override name = "ImageClientError";
}

/** The API answered with an HTTP error. `type` is the normalized category, `code` the specific code. */
export class ApiError extends ImageClientError {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    readonly details: {
      requestId?: string;
      param?: string;
      retryAfterMs?: number;
      categories?: string[];
      body?: ErrorEnvelope | unknown;
    } = {},
  ) {
    super(message);
  }
}

/** The request could not reach the API (DNS, TLS, refused connection, CORS). */
export class ConnectionError extends ImageClientError {
  override name = "ConnectionError";
}

/** No answer within the client timeout. */
export class TimeoutError extends ImageClientError {
  override name = "TimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`The image service did not answer within ${Math.round(timeoutMs / 1000)} s`);
  }
}

/** The person cancelled (the AbortSignal fired). */
export class CancelledError extends ImageClientError {
  override name = "CancelledError";
  constructor() {
    super("Cancelled");
  }
}

/** The API answered 2xx but the body or the image bytes are not what was asked (not PNG/JPEG, wrong size, bad JSON). */
export class InvalidResponseError extends ImageClientError {
  override name = "InvalidResponseError";
  /** The gateway's `x-request-id` (or Azure's `apim-request-id`), when known. */
  readonly requestId?: string;
  constructor(message: string, options: { requestId?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    if (options.requestId !== undefined) this.requestId = options.requestId;
  }
}

/** The request was refused before sending: the caller passed something the API cannot take (e.g. a mask of another size). */
export class InvalidRequestError extends ImageClientError {
  override name = "InvalidRequestError";
  /** Request field at fault, e.g. `mask`. */
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/** No token could be had without the person signing in (again). */
export class SignInRequiredError extends ImageClientError {
  override name = "SignInRequiredError";
}
