// Parsers for server settings read from environment variables; each throws a message naming the variable.

/**
 * A TCP port from `value`, or `fallback` when unset/empty.
 * @throws Error when the value is not an integer in 0..65535 (0 = any free port).
 */
export function parsePort(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number (0-65535), got "${value}"`);
  }
  return port;
}

/** A comma-separated list from `value` (trimmed, empty items dropped), or `fallback` when unset/empty. */
export function parseList(value: string | undefined, fallback: readonly string[]): string[] {
  const items = (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return items.length > 0 ? items : [...fallback];
}

/**
 * A list of web origins (`scheme://host[:port]`), normalized with `URL` (no path, no trailing slash).
 * @throws Error naming the variable when an item is not an origin.
 */
export function parseOrigins(name: string, value: string | undefined, fallback: readonly string[]): string[] {
  return parseList(value, fallback).map((item) => {
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      throw new Error(`${name}: "${item}" is not a URL origin such as https://localhost:3000`);
    }
    if (url.origin === "null" || url.pathname !== "/" || url.search || url.hash) {
      throw new Error(`${name}: "${item}" must be an origin only (scheme://host[:port]), without a path`);
    }
    return url.origin;
  });
}
