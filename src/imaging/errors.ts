// Typed errors of the image client (told apart with instanceof; after openai-node's error.ts) and which ones to retry.
// An HTTP error answer is the protocol's `ApiError` (src/core/protocol/errors.ts), shared with the gateway.
import { ApiError } from "../core/protocol/errors";
import { isRetryableStatus, retryDelay, type RetryOptions } from "../core/protocol/retry";

/** Base of every error the image client throws. */
export class ImageClientError extends Error {
  override name = "ImageClientError";
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

/** Everything the image client throws: its own errors, the protocol's {@link ApiError} for HTTP error answers. */
export type ImageClientFailure = ImageClientError | ApiError;

/**
 * How long to wait before retry number `retryIndex` (0-based) after `error`, or `undefined` to not retry
 * (policy: src/core/protocol/retry.ts). Retried: {@link ConnectionError} (no answer at all), and
 * {@link ApiError}s with a retryable status. Never retried: content-filter and other 4xx answers, timeouts of
 * the client itself, cancels, bad bodies. The server's hint (`details.retryAfterMs`) wins when it is within
 * `maxServerDelayMs`; a longer hint means no retry.
 */
export function retryDelayFor(error: ImageClientFailure, retryIndex: number, random: () => number, policy: RetryOptions = {}): number | undefined {
  if (error instanceof ConnectionError) return retryDelay({ retryable: true }, retryIndex, { ...policy, random });
  if (!(error instanceof ApiError)) return undefined;
  const retryable = error.type !== "content_filtered" && isRetryableStatus(error.status);
  return retryDelay({ retryable, retryAfterMs: error.details.retryAfterMs }, retryIndex, { ...policy, random });
}
