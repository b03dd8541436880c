// A static file server of one built folder on 127.0.0.1, port 0 (no fixed port, no lock), for the production benches.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

/** A running {@link serveFolder}. */
export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234` (127.0.0.1 is a secure context: IndexedDB, crypto.subtle and MSAL work). */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the files of `dir` (a plain-text 404 for anything else: still a page of the origin), `cache-control: no-store`, so every load
 * fetches its chunks as a first visit does.
 */
export async function serveFolder(dir: string): Promise<StaticServer> {
  const server = http.createServer((request, response) => {
    const file = path.join(dir, decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
