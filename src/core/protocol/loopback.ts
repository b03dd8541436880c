// The loopback-host rule: where plain `http:` is allowed (local gateway, dev issuer, fake upstreams).

const LOOPBACK_NAMES = new Set(["localhost", "[::1]", "::1"]);

/** True for `localhost`, `127.0.0.0/8` and `::1` (as `URL.hostname` spells it, `[::1]`, or bare). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_NAMES.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** True when `url` parses and its host is loopback ({@link isLoopbackHost}). */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}
