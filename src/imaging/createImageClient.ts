// Factory of the pane's image client: the one HTTP client, aimed at the gateway or (direct mode) Azure OpenAI.
import { ImagesApiClient, type ImageClientOptions } from "./imagesApiClient";
import type { ImageClient } from "./ImageClient";

export type { ImageClientOptions } from "./imagesApiClient";

/**
 * Creates the image client for the configured API, e.g.
 * `createImageClient({ apiBaseUrl: config.gatewayUrl, api: config.api, tokenProvider: session, scopes: config.scopes })`.
 * @throws TypeError for an API base URL that is not https (http only on localhost), a bad `timeoutMs`, or
 *   direct mode without a deployment.
 */
export function createImageClient(options: ImageClientOptions): ImageClient {
  return new ImagesApiClient(options);
}
