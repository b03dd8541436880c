// Validates IMAGE_ENDPOINT: an https origin (plus optional base path), or http only for loopback test servers.

import { isLoopbackHost } from "../../../src/core/protocol/loopback";

/**
 * The endpoint without a trailing slash, e.g. `https://res.services.ai.azure.com`.
 * @throws Error naming `name` when the value is missing, not a URL, has a query, or is `http://` off loopback
 */
export function parseEndpoint(name: string, value: string | undefined): string {
  const text = value?.trim();
  if (!text) throw new Error(`${name} is required, e.g. https://<resource>.openai.azure.com`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${name}: "${text}" is not a URL`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`${name}: "${text}" must have no query, fragment or credentials`);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new Error(`${name}: http:// is accepted for loopback test servers only; use https://`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`${name}: "${text}" must be https://`);
  return url.href.replace(/\/+$/, "");
}
