// A fake Azure OpenAI image API for bench/gatewayOverhead.ts, on http://127.0.0.1:<free port> in its own process:
// POST …/images/generations answers at once with a 1536×1024 noise PNG (size "1536x1024") or a flat 1024×1024
// PNG (any other size), each a precomputed JSON body; GET /arrivals?prompt=… says when that prompt's request
// arrived (epoch ms, sub-millisecond), so the bench can tell queue wait from work. POST /latency?ms=N makes every
// answer come N ms after its request (a fixed-latency provider; default 0); with `stream: true` the answer is
// Server-Sent Events: `partial_images` previews (the picture at 1/8 scale) spread over that time, then the picture.
// POST /picture?kind=scene makes the 1536×1024 answer the offline renderer's picture of a scene (≈ 0.35 MB, what a
// deck run gets) instead of the noise (kind=noise, the default). GET /log lists every generation request as
// `{ prompt, arrived, answered }` (epoch ms; answered = when the final picture was written).
// Prints `listening <url>`.
import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { LocalProvider } from "../server/providers/local/LocalProvider";
import { flatPng, noisePng } from "./noisePicture";

/** An Azure OpenAI images answer around one PNG. */
function answer(png: Buffer): Buffer {
  return Buffer.from(
    JSON.stringify({
      created: Math.floor(Date.now() / 1000),
      data: [{ b64_json: png.toString("base64"), revised_prompt: "bench" }],
      usage: { total_tokens: 10 },
    }),
  );
}

const now = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const [noise, flat, scene] = await Promise.all([noisePng(), flatPng(), scenePng()]);
  const bodies = { noise: answer(noise), flat: answer(flat), scene: answer(scene) };
  const previews = {
    noise: (await sharp(noise).resize(192).png().toBuffer()).toString("base64"),
    flat: (await sharp(flat).resize(128).png().toBuffer()).toString("base64"),
    scene: (await sharp(scene).resize(192).png().toBuffer()).toString("base64"),
  };
  const finals = { noise: noise.toString("base64"), flat: flat.toString("base64"), scene: scene.toString("base64") };
  const log: { prompt: string; arrived: number; answered?: number }[] = [];
  let latencyMs = 0;
  let large: "noise" | "scene" = "noise";
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  const server = http.createServer((request, response) => {
    const arrived = now();
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (request.method === "GET" && url.pathname === "/arrivals") {
      // The latest request with that prompt, from the same log GET /log serves.
      const wanted = url.searchParams.get("prompt") ?? "";
      const at = log.filter((entry) => entry.prompt === wanted).at(-1)?.arrived;
      response.writeHead(at === undefined ? 404 : 200, { "content-type": "application/json" }).end(JSON.stringify({ at }));
      return;
    }
    if (request.method === "GET" && url.pathname === "/log") {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(log));
      return;
    }
    if (request.method === "POST" && url.pathname === "/picture") {
      const kind = url.searchParams.get("kind");
      if (kind !== "noise" && kind !== "scene") {
        response.writeHead(400).end();
        return;
      }
      large = kind;
      response.writeHead(204).end();
      return;
    }
    if (request.method === "POST" && url.pathname === "/latency") {
      latencyMs = Math.max(0, Number(url.searchParams.get("ms")) || 0);
      response.writeHead(204).end();
      return;
    }
    if (request.method !== "POST" || !url.pathname.endsWith("/images/generations")) {
      response.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      let body: { prompt?: string; size?: string; stream?: boolean; partial_images?: number };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof body;
      } catch {
        response.writeHead(400, { "content-type": "application/json" }).end('{"error":{"code":"bad_json","message":"body is not JSON"}}');
        return;
      }
      const entry: (typeof log)[number] = { prompt: String(body.prompt), arrived };
      if (log.length < 100_000) log.push(entry);
      const kind = body.size === "1536x1024" ? large : "flat";
      if (body.stream === true) {
        void stream(response, kind, Math.min(3, Math.max(0, Number(body.partial_images) || 0))).then(() => (entry.answered = now()));
        return;
      }
      void sleep(latencyMs - (now() - arrived)).then(() => {
        entry.answered = now();
        response.writeHead(200, { "content-type": "application/json", "content-length": bodies[kind].length }).end(bodies[kind]);
      });
    });
  });
  /** Azure OpenAI's stream: `image_generation.partial_image` events, then `image_generation.completed`, at fixed times. */
  async function stream(response: http.ServerResponse, kind: keyof typeof finals, partials: number): Promise<void> {
    const started = now();
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = (event: string, data: unknown) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    for (let index = 0; index < partials; index++) {
      await sleep((latencyMs * (index + 1)) / (partials + 1) - (now() - started));
      send("image_generation.partial_image", { type: "image_generation.partial_image", b64_json: previews[kind], partial_image_index: index });
    }
    await sleep(latencyMs - (now() - started));
    send("image_generation.completed", { type: "image_generation.completed", b64_json: finals[kind], usage: { total_tokens: 10 } });
    response.end();
  }
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(`listening http://127.0.0.1:${(server.address() as AddressInfo).port} noise=${noise.length}\n`);
  });
  process.once("SIGTERM", () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

/** The offline renderer's 1536×1024 PNG of one scene (the local backend's kind of picture). */
async function scenePng(): Promise<Buffer> {
  const size = { widthPx: 1536, heightPx: 1024 };
  const [image] = await new LocalProvider().generate(
    { prompt: "a lighthouse on a cliff above the sea at dawn", n: 1, apiSize: "1536x1024", size, quality: "auto", outputFormat: "png", seed: 7 },
    { signal: new AbortController().signal },
  );
  return Buffer.from(image.b64_json, "base64");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
