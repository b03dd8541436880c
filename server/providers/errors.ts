// Errors an image provider throws; the gateway renders them as the shared envelope.
import { ApiError } from "../../src/core/protocol/errors";

/**
 * A backend failure with a normalized category, e.g. `new ProviderError(502, "upstream_unavailable",
 * "upstream_unavailable", "The image backend did not answer")`. `message` reaches the client: never put
 * upstream bodies, keys or tokens in it (use `details.cause` for logs).
 */
export class ProviderError extends ApiError {
  override name = "ProviderError";
}
