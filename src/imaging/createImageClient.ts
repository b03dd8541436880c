// Factory of the pane's image client: the one HTTP client, aimed at the gateway or (direct mode) Azure OpenAI.
import { GatewayImageClient, type ImageClientOptions } from "./gatewayClient";
import type { ImageClient } from "./ImageClient";

export type { ImageClientOptions } from "./gatewayClient";

/**
 * Creates the image client for the configured API, e.g.
 * `createImageClient({ gatewayUrl: config.gatewayUrl, api: config.api, tokenProvider: session, scopes: config.scopes })`.
 * @throws TypeError for a gateway URL that is not https (http only on localhost), a bad `timeoutMs`, or
 *   direct mode without a deployment.
 */
export function createImageClient(options: ImageClientOptions): ImageClient {
  return new GatewayImageClient(options);
}
