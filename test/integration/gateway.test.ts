// The gateway over real HTTPS with the development certificate and the local renderer: images, errors, CORS.
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:https";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import sharp from "sharp";
import { buildApp } from "../../server/gateway/app";
import type { GenerateContext, ImageProvider } from "../../server/providers/Provider";
import { LocalProvider } from "../../server/providers/local/LocalProvider";
import { loadDevTls, type DevTls } from "../../server/shared/devTls";

jest.setTimeout(60_000);

const PANE = "https://localhost:3000";
const ROOT = path.resolve(__dirname, "../..");

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json(): any;
}

let tls: DevTls;

/** One HTTPS request that trusts only the development CA. `body` objects go as JSON, strings as they are. */
function call(base: string, method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${urlPath}`,
      {
        method,
        ca: tls.ca,
        headers: {
          ...(payload !== undefined && typeof body !== "string" ? { "content-type": "application/json" } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const data = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data, json: () => JSON.parse(data.toString("utf8")) });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

async function listen(provider: ImageProvider): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildApp({ provider, allowedOrigins: [PANE], https: { key: tls.key, cert: tls.cert }, logger: false });
  await app.listen({ port: 0, host: "localhost" });
  const port = (app.server.address() as { port: number }).port;
  return { app, base: `https://localhost:${port}` };
}

describe("gateway over HTTPS with the local renderer", () => {
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    tls = await loadDevTls();
    ({ app, base } = await listen(new LocalProvider()));
  });
  afterAll(async () => {
    await app?.close();
  });

  const generate = (body: unknown, headers?: Record<string, string>) => call(base, "POST", "/v1/images/generations", body, headers);
  const decode = (image: { b64_json: string }) => sharp(Buffer.from(image.b64_json, "base64")).metadata();

  it.each([
    ["1024x1024", "png"],
    ["1536x1024", "png"],
    ["1024x1536", "png"],
    ["1024x1024", "jpeg"],
    ["1536x1024", "jpeg"],
    ["1024x1536", "jpeg"],
  ])("a %s %s generation returns a decodable image of that size", async (size, format) => {
    const answer = await generate({ prompt: "A misty mountain lake at dawn", size, output_format: format, seed: 11 });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    const body = answer.json();
    expect(body.backend).toEqual({ provider: "local", model: "local-renderer", offline: true });
    expect(body.data).toHaveLength(1);
    expect(body.data[0].b64_json).not.toMatch(/^data:/);
    expect(body.data[0].revised_prompt).toBe("Misty dawn over mountains by a lake, with pine trees");
    const [width, height] = size.split("x").map(Number);
    const meta = await decode(body.data[0]);
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format, width, height });
  });

  it("n=2 returns two different images", async () => {
    const body = (await generate({ prompt: "two boats on a river at sunset", n: 2, seed: 5 })).json();
    expect(body.data).toHaveLength(2);
    expect(body.data[0].b64_json).not.toBe(body.data[1].b64_json);
    // Not only different bytes: visibly different pictures (mean absolute pixel difference).
    const [a, b] = await Promise.all(body.data.map((image: { b64_json: string }) => sharp(Buffer.from(image.b64_json, "base64")).raw().toBuffer()));
    let difference = 0;
    for (let i = 0; i < a.length; i++) difference += Math.abs(a[i] - b[i]);
    expect(difference / a.length).toBeGreaterThan(5);
  });

  it("the same prompt and seed give the same bytes; another seed does not", async () => {
    const body = { prompt: "a lighthouse on the coast at night", seed: 1234, size: "1536x1024" };
    const [first, second, other] = await Promise.all([generate(body), generate(body), generate({ ...body, seed: 1235 })]);
    expect(first.json().data[0].b64_json).toBe(second.json().data[0].b64_json);
    expect(other.json().data[0].b64_json).not.toBe(first.json().data[0].b64_json);
  });

  it.each([
    { name: "missing prompt", body: { size: "1024x1024" }, code: "missing_prompt" },
    { name: "n=0", body: { prompt: "a lake", n: 0 }, code: "invalid_n" },
    { name: "n=99", body: { prompt: "a lake", n: 99 }, code: "invalid_n" },
    { name: "unknown size", body: { prompt: "a lake", size: "800x600" }, code: "invalid_size" },
    { name: "2 MB prompt", body: { prompt: "lake ".repeat(420_000) }, code: "prompt_too_long" },
    { name: "non-JSON", body: "this is not json", code: "invalid_json" },
  ])("$name → 400 $code", async ({ body, code }) => {
    const answer = await generate(body, typeof body === "string" ? { "content-type": "application/json" } : undefined);
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({ error: expect.objectContaining({ code, type: "bad_request", message: expect.any(String) }) });
  });

  it("GET /v1/backend says which backend answers", async () => {
    const answer = await call(base, "GET", "/v1/backend");
    expect(answer.json()).toEqual({ provider: "local", model: "local-renderer", offline: true, promptWriter: null });
  });

  it("CORS: the pane's origin is allowed, another origin gets no CORS headers", async () => {
    const preflight = (origin: string) =>
      call(base, "OPTIONS", "/v1/images/generations", undefined, {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      });
    const allowed = await preflight(PANE);
    expect(allowed.status).toBe(204);
    expect(allowed.headers["access-control-allow-origin"]).toBe(PANE);
    expect(String(allowed.headers["access-control-allow-headers"])).toMatch(/Authorization/);
    const denied = await preflight("https://attacker.example");
    expect(denied.headers["access-control-allow-origin"]).toBeUndefined();
    const deniedGet = await call(base, "GET", "/v1/backend", undefined, { origin: "https://attacker.example" });
    expect(deniedGet.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("cancel", () => {
  it("a client that disconnects aborts the provider's call", async () => {
    tls ??= await loadDevTls();
    let started!: () => void;
    const reachedProvider = new Promise<void>((resolve) => (started = resolve));
    let seenSignal: AbortSignal | undefined;
    const provider: ImageProvider = {
      info: { provider: "slow", model: "slow", offline: true },
      generate: (_request, ctx: GenerateContext) => {
        seenSignal = ctx.signal;
        started();
        return new Promise((_, reject) => ctx.signal.addEventListener("abort", () => reject(ctx.signal.reason)));
      },
    };
    const { app, base } = await listen(provider);
    try {
      const req = request(`${base}/v1/images/generations`, { method: "POST", ca: tls.ca, headers: { "content-type": "application/json" } });
      req.on("error", () => undefined); // we cut it ourselves
      req.end(JSON.stringify({ prompt: "a slow picture" }));
      await reachedProvider;
      expect(seenSignal?.aborted).toBe(false);
      req.destroy();
      await new Promise<void>((resolve) => seenSignal!.addEventListener("abort", () => resolve()));
      expect((seenSignal!.reason as { code?: string }).code).toBe("client_closed_request");
    } finally {
      await app.close();
    }
  });
});

describe("npm run gateway", () => {
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  });

  it("starts over HTTPS on PORT and serves /healthz and /v1/backend", async () => {
    tls ??= await loadDevTls();
    child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "server/gateway/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${output}`)), 45_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening at https:\/\/(?:localhost|127\.0\.0\.1|\[::1\]):(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child!.stdout!.on("data", onData);
      child!.stderr!.on("data", onData);
      child!.once("exit", (code) => reject(new Error(`gateway exited with ${code}:\n${output}`)));
    });
    const base = `https://localhost:${port}`;
    expect((await call(base, "GET", "/healthz")).json()).toEqual({ status: "ok" });
    expect((await call(base, "GET", "/v1/backend")).json()).toMatchObject({ provider: "local", model: "local-renderer", offline: true });
  });
});
