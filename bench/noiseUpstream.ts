// A fake Azure OpenAI image API for bench/gatewayOverhead.ts, on http://127.0.0.1:<free port> in its own process:
// POST …/images/generations answers at once with a 1536×1024 noise PNG (size "1536x1024") or a flat 1024×1024
// PNG (any other size), each a precomputed JSON body; GET /arrivals?prompt=… says when that prompt's request
// arrived (epoch ms, sub-millisecond), so the bench can tell queue wait from work. Prints `listening <url>`.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { flatPng, noisePng } from "./noisePicture";

/** An Azure OpenAI images answer around one PNG. */
function answer(png: Buffer): Buffer {
  return Buffer.from(JSON.stringify({ created: Math.floor(Date.now() / 1000), data: [{ b64_json: png.toString("base64"), revised_prompt: "bench" }], usage: { total_tokens: 10 } }));
}

const now = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const [noise, flat] = await Promise.all([noisePng(), flatPng()]);
  const bodies = { noise: answer(noise), flat: answer(flat) };
  const arrivals = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const arrived = now();
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (request.method === "GET" && url.pathname === "/arrivals") {
      const at = arrivals.get(url.searchParams.get("prompt") ?? "");
      response.writeHead(at === undefined ? 404 : 200, { "content-type": "application/json" }).end(JSON.stringify({ at }));
      return;
    }
    if (request.method !== "POST" || !url.pathname.endsWith("/images/generations")) {
      response.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      let body: { prompt?: string; size?: string };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof body;
      } catch {
        response.writeHead(400, { "content-type": "application/json" }).end('{"error":{"code":"bad_json","message":"body is not JSON"}}');
        return;
      }
      if (typeof body.prompt === "string" && arrivals.size < 100_000) arrivals.set(body.prompt, arrived);
      const bytes = body.size === "1536x1024" ? bodies.noise : bodies.flat;
      response.writeHead(200, { "content-type": "application/json", "content-length": bytes.length }).end(bytes);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(`listening http://127.0.0.1:${(server.address() as AddressInfo).port} noise=${noise.length}\n`);
  });
  process.once("SIGTERM", () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
