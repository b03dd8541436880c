// The configured gateway: its checked base URL, endpoint URLs under it, and the only origin a token may go to.
import { ImageClientError } from "./errors";

/** Paths of the OpenAI-shaped image API under the gateway's base URL. */
export type ImageApiPath = "/v1/images/generations" | "/v1/images/edits";

/** A checked gateway URL. */
export interface GatewayAddress {
  /** Base URL without a trailing slash, e.g. `https://localhost:3001` or `https://api.contoso.com/illustrate`. */
  baseUrl: string;
  /** `new URL(baseUrl).origin`: the one origin that ever receives the person's access token. */
  origin: string;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Checks the configured gateway URL.
 * @throws TypeError when it is not an absolute `https:` URL (`http:` only for loopback), or carries
 *   credentials, a query or a fragment.
 */
export function parseGatewayUrl(gatewayUrl: string): GatewayAddress {
  let url: URL;
  try {
    url = new URL(gatewayUrl);
  } catch {
    throw new TypeError(`gatewayUrl is not an absolute URL: "${gatewayUrl}"`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new TypeError(`gatewayUrl must use https: (http: only for localhost): "${gatewayUrl}"`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError(`gatewayUrl must not carry credentials, a query or a fragment: "${gatewayUrl}"`);
  }
  return { baseUrl: url.href.replace(/\/+$/, ""), origin: url.origin };
}

/** The absolute URL of `path` under the gateway. */
export function endpointUrl(gateway: GatewayAddress, path: ImageApiPath): string {
  return `${gateway.baseUrl}${path}`;
}

/**
 * Guard before attaching a token: `url` must be on the configured gateway origin.
 * @throws ImageClientError when it is not (the token is not sent).
 */
export function assertGatewayOrigin(url: string, gateway: GatewayAddress): void {
  const origin = new URL(url).origin;
  if (origin !== gateway.origin) {
    throw new ImageClientError(`Refusing to send the access token to ${origin}: only ${gateway.origin} may receive it`);
  }
}
