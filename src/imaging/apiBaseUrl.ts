// The configured image API (the gateway, or Azure OpenAI in direct mode): its checked base URL, endpoint URLs
// under it, and the only origin a token may go to.
import { isLoopbackHost } from "../core/protocol/loopback";
import { ImageClientError } from "./errors";

/** Paths of the OpenAI-shaped image API under the base URL. */
export type ImageApiPath = "/v1/images/generations" | "/v1/images/edits";

/** A checked image API base URL. */
export interface ApiAddress {
  /** Base URL without a trailing slash, e.g. `https://localhost:3001` or `https://api.contoso.com/illustrate`. */
  baseUrl: string;
  /** `new URL(baseUrl).origin`: the one origin that ever receives the person's access token. */
  origin: string;
}

/**
 * Checks the configured API base URL.
 * @throws TypeError when it is not an absolute `https:` URL (`http:` only for loopback), or carries
 *   credentials, a query or a fragment.
 */
export function parseApiBaseUrl(apiBaseUrl: string): ApiAddress {
  let url: URL;
  try {
    url = new URL(apiBaseUrl);
  } catch {
    throw new TypeError(`apiBaseUrl is not an absolute URL: "${apiBaseUrl}"`);
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new TypeError(`apiBaseUrl must use https: (http: only for localhost): "${apiBaseUrl}"`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError(`apiBaseUrl must not carry credentials, a query or a fragment: "${apiBaseUrl}"`);
  }
  return { baseUrl: url.href.replace(/\/+$/, ""), origin: url.origin };
}

/** The absolute URL of `path` under the API base URL. */
export function endpointUrl(api: ApiAddress, path: ImageApiPath): string {
  return `${api.baseUrl}${path}`;
}

/**
 * Guard before attaching a token: `url` must be on the configured API origin.
 * @throws ImageClientError when it is not (the token is not sent).
 */
export function assertApiOrigin(url: string, api: ApiAddress): void {
  const origin = new URL(url).origin;
  if (origin !== api.origin) {
    throw new ImageClientError(`Refusing to send the access token to ${origin}: only ${api.origin} may receive it`);
  }
}
