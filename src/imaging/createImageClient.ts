// Factory of the pane's image client: the gateway client with the given options.
import { GatewayImageClient, type ImageClientOptions } from "./gatewayClient";
import type { ImageClient } from "./ImageClient";

export type { ImageClientOptions } from "./gatewayClient";

/**
 * Creates the image client for the configured gateway, e.g.
 * `createImageClient({ gatewayUrl: config.gatewayUrl, tokenProvider: session, scopes: config.scopes })`.
 * @throws TypeError for a gateway URL that is not https (http only on localhost) or a bad `timeoutMs`.
 */
export function createImageClient(options: ImageClientOptions): ImageClient {
  return new GatewayImageClient(options);
}
