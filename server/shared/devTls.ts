// Typed access to the development TLS certificate (scripts/dev-certs.cjs) for the local HTTPS servers.

/** PEM key, certificate and CA of https://localhost (Buffers). Clients in Node pass `ca` to trust it. */
export interface DevTls {
  key: Buffer;
  cert: Buffer;
  ca: Buffer;
}

interface DevCertsModule {
  ensureDevCerts(): Promise<DevTls>;
}

/**
 * Returns the development certificate, creating it on first use (see scripts/dev-certs.cjs).
 * @throws Error when the certificate cannot be created.
 */
export function loadDevTls(): Promise<DevTls> {
  // CommonJS script shared with webpack and the start script; loaded with require to keep one copy.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script, shared with webpack and scripts/start.mjs
  const devCerts = require("../../scripts/dev-certs.cjs") as DevCertsModule;
  return devCerts.ensureDevCerts();
}
