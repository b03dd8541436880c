// Starts the local issuer over HTTPS: the sign-in page plus oidc-provider, on one port bound to loopback.
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { DevTls } from "../shared/devTls";
import { handleInteraction } from "./interactions";
import type { IssuerKeys } from "./keys";
import { createDevProvider } from "./provider";
import { DEV_ISSUER_PORT } from "./settings";

/** Options of {@link startDevIssuer}. */
export interface DevIssuerOptions {
  tls: DevTls;
  keys: IssuerKeys;
  /** Port; 0 picks a free one (tests). @default 3002 */
  port?: number;
  /** Address to bind; keep it loopback: the issuer signs anyone in without a password. @default "127.0.0.1" */
  host?: string;
  /** Origin of the pane pages (redirect URIs, CORS). @default "https://localhost:3000" */
  paneOrigin?: string;
}

/** A running issuer. */
export interface RunningDevIssuer {
  /** Issuer identifier and base URL, `https://localhost:<port>`. */
  url: string;
  port: number;
  /** Public signing keys (as served at `${url}/jwks`). */
  jwksUrl: string;
  close(): Promise<void>;
}

/**
 * Listens first (so a port of 0 resolves), then builds the provider for `https://localhost:<port>`.
 * @throws Error when the port is taken.
 */
export async function startDevIssuer(options: DevIssuerOptions): Promise<RunningDevIssuer> {
  const { tls, keys, port = DEV_ISSUER_PORT, host = "127.0.0.1", paneOrigin = "https://localhost:3000" } = options;
  const server: Server = createServer({ key: tls.key, cert: tls.cert });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const url = `https://localhost:${actualPort}`;
  const provider = createDevProvider({ issuer: url, paneOrigin, keys });
  const callback = provider.callback();
  server.on("request", (req, res) => {
    handleInteraction(provider, req, res).then(
      (handled) => {
        if (!handled) callback(req, res);
      },
      () => {
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  });
  return {
    url,
    port: actualPort,
    jwksUrl: `${url}/jwks`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
