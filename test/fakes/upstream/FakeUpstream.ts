// A strict fake of the Foundry MAI or Azure OpenAI image API on http://127.0.0.1 (Fastify): checks each request
// against the API's rules, records it, and answers with the documented shapes (success, errors, SSE streams).
import multipart from "@fastify/multipart";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { ERROR_ANSWERS, type ErrorAnswerName, type ScriptedAnswer } from "./answers";
import { authViolation, bodyViolation, credentialAccepted, operationOf, type FakeApi, type SeenRequest } from "./strictRules";

/** What the next request gets (a queue; when empty: success). */
export type Behaviour =
  /** JSON images; with `dataUrl`, each `b64_json` as a `data:image/png;base64,` URL (as some OpenAI-compatible servers send). */
  | { kind: "success"; dataUrl?: boolean }
  | { kind: "error"; answer: ErrorAnswerName | ScriptedAnswer }
  /** SSE: `partials` partial images then the completed one (needs `stream: true`); `dataUrl` as for success. */
  | { kind: "stream"; dataUrl?: boolean }
  /**
   * SSE: one partial, then `event: error` with a content-filter (or other) error object; with `unnamed`, a
   * plain `data:` line whose object carries `error`.
   */
  | { kind: "stream-error"; error?: Record<string, unknown>; unnamed?: boolean }
  /** SSE: one partial, then the connection is cut. */
  | { kind: "stream-cut" }
  /** Never answers; the request is recorded as aborted when the client goes away. */
  | { kind: "hang" };

/** One request the fake saw. */
export interface RecordedRequest extends SeenRequest {
  at: number;
  /** The strict rules' complaint (answered 400 `fake_strict_violation`), if any. */
  violation?: string;
  /** True when the client closed the connection before the answer was complete. */
  aborted: boolean;
}

const pngCache = new Map<string, Promise<Buffer>>();

/**
 * Pictures the fake answers with: `photo` is photo-like (smooth noise, ~3.3 MB of PNG at 1024×1024, as costly to
 * decode and re-encode as a real picture); `blocks` is the same random colours as flat 16 px squares (a few KB), for
 * tests of the queue where the image work of dozens of photos would only measure how busy the machine is.
 */
export type FakePicture = "photo" | "blocks";

/** An opaque PNG of `width`×`height` (small random pixels scaled up: smooth for `photo`, square for `blocks`), cached. */
export function fakePng(width: number, height: number, seed = 1, picture: FakePicture = "photo"): Promise<Buffer> {
  const key = `${width}x${height}:${seed}:${picture}`;
  let png = pngCache.get(key);
  if (!png) {
    const small = { width: Math.ceil(width / 16), height: Math.ceil(height / 16) };
    const pixels = Buffer.alloc(small.width * small.height * 3);
    let state = seed * 2654435761;
    for (let i = 0; i < pixels.length; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      pixels[i] = state >>> 24;
    }
    png = sharp(pixels, { raw: { ...small, channels: 3 } })
      .resize(width, height, { kernel: picture === "photo" ? "cubic" : "nearest" })
      .png({ compressionLevel: picture === "photo" ? 1 : 9 })
      .toBuffer();
    pngCache.set(key, png);
  }
  return png;
}

async function readRequest(request: FastifyRequest): Promise<Omit<SeenRequest, "method" | "path" | "query" | "headers">> {
  if (!request.isMultipart()) return { body: (request.body ?? {}) as Record<string, unknown>, files: {}, multipart: false };
  const body: Record<string, unknown> = {};
  const files: SeenRequest["files"] = {};
  for await (const part of request.parts()) {
    if (part.type === "file") files[part.fieldname] = { bytes: await part.toBuffer(), mimetype: part.mimetype, filename: part.filename };
    else body[part.fieldname] = part.value;
  }
  return { body, files, multipart: true };
}

function sizeOf(api: FakeApi, body: Record<string, unknown>): { width: number; height: number } {
  if (api.kind === "foundry-mai") return { width: Number(body.width), height: Number(body.height) };
  const [width, height] = String(body.size ?? "1024x1024")
    .replace("auto", "1024x1024")
    .split("x")
    .map(Number);
  return { width, height };
}

/** The fake server. Create with {@link startFakeUpstream}; `close()` it in `afterAll`. */
export class FakeUpstream {
  readonly requests: RecordedRequest[] = [];
  private readonly behaviours: Behaviour[] = [];
  /** Milliseconds each success waits before answering (to let tests cancel mid-generation). */
  delayMs = 0;
  /** What every success answers with (see {@link FakePicture}). */
  picture: FakePicture = "photo";

  constructor(
    readonly api: FakeApi,
    private readonly app: FastifyInstance,
    readonly url: string,
  ) {}

  /** Queues behaviours for the next requests, in order. */
  next(...behaviours: Behaviour[]): this {
    this.behaviours.push(...behaviours);
    return this;
  }

  /** Violations seen so far. */
  get violations(): string[] {
    return this.requests.flatMap((r) => (r.violation ? [r.violation] : []));
  }

  /** Stops the server, cutting any connection still open (a hanging answer, a client's keep-alive). */
  close(): Promise<void> {
    const closing = this.app.close();
    this.app.server.closeAllConnections();
    return closing;
  }

  /** @internal route handler */
  async handle(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const [path, search = ""] = request.url.split("?");
    const seen: RecordedRequest = {
      method: request.method,
      path,
      query: Object.fromEntries(new URLSearchParams(search)),
      headers: request.headers,
      ...(await readRequest(request)),
      at: Date.now(),
      aborted: false,
    };
    this.requests.push(seen);
    reply.raw.on("close", () => {
      if (!reply.raw.writableFinished) seen.aborted = true;
    });
    const op = operationOf(this.api, seen);
    seen.violation = op !== "generations" && op !== "edits" ? op : (authViolation(seen) ?? bodyViolation(this.api, op, seen));
    if (seen.violation) {
      await reply.code(400).send({ error: { code: "fake_strict_violation", message: seen.violation } });
      return;
    }
    if (!credentialAccepted(this.api, seen)) {
      await reply.code(401).send(ERROR_ANSWERS.unauthorized.body);
      return;
    }
    const behaviour = this.behaviours.shift() ?? (seen.body.stream === true ? { kind: "stream" } : { kind: "success" });
    await this.answer(behaviour, seen, reply);
  }

  private async answer(behaviour: Behaviour, seen: RecordedRequest, reply: FastifyReply): Promise<void> {
    const { width, height } = sizeOf(this.api, seen.body);
    if (behaviour.kind === "hang") {
      await new Promise<void>((resolve) => reply.raw.once("close", resolve));
      return;
    }
    if (behaviour.kind === "error") {
      const answer: ScriptedAnswer = typeof behaviour.answer === "string" ? ERROR_ANSWERS[behaviour.answer] : behaviour.answer;
      await reply
        .code(answer.status)
        .headers(answer.headers ?? {})
        .send(answer.body);
      return;
    }
    if (behaviour.kind === "success") {
      if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      if (reply.raw.destroyed) return;
      const n = this.api.kind === "foundry-mai" ? 1 : Number(seen.body.n ?? 1);
      const png = `${behaviour.dataUrl ? "data:image/png;base64," : ""}${(await fakePng(width, height, 1, this.picture)).toString("base64")}`;
      const data = Array.from({ length: n }, () =>
        this.api.kind === "foundry-mai"
          ? { b64_json: png }
          : { b64_json: png, revised_prompt: `A picture of ${String(seen.body.prompt)}`, content_filter_results: {} },
      );
      const extra = this.api.kind === "foundry-mai" ? { model: this.api.deployment, size: `${width}x${height}` } : { usage: { total_tokens: 10 } };
      await reply.send({ created: Math.floor(Date.now() / 1000), data, ...extra });
      return;
    }
    if (seen.body.stream !== true) {
      await reply.code(400).send({ error: { code: "fake_strict_violation", message: "a stream was scripted but stream: true was not sent" } });
      return;
    }
    await this.stream(behaviour, seen, reply, width, height);
  }

  private async stream(behaviour: Behaviour, seen: RecordedRequest, reply: FastifyReply, width: number, height: number): Promise<void> {
    const prefix = seen.path.endsWith("/edits") ? "image_edit" : "image_generation";
    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = (event: string | undefined, data: unknown) => raw.write(`${event ? `event: ${event}\n` : ""}data: ${JSON.stringify(data)}\n\n`);
    const partials = behaviour.kind === "stream" ? Number(seen.body.partial_images ?? 0) : 1;
    const prefixed = behaviour.kind === "stream" && behaviour.dataUrl ? "data:image/png;base64," : "";
    for (let index = 0; index < partials; index++) {
      const partial = await sharp(await fakePng(width, height))
        .resize(Math.round(width / 8))
        .png()
        .toBuffer();
      send(`${prefix}.partial_image`, {
        type: `${prefix}.partial_image`,
        b64_json: prefixed + partial.toString("base64"),
        partial_image_index: index,
      });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (behaviour.kind === "stream-cut") {
      raw.destroy();
      return;
    }
    if (behaviour.kind === "stream-error") {
      send(behaviour.unnamed ? undefined : "error", {
        error: behaviour.error ?? {
          code: "content_policy_violation",
          message: "blocked",
          inner_error: { code: "ResponsibleAIPolicyViolation", content_filter_results: { sexual: { filtered: true, severity: "high" } } },
        },
      });
      raw.end();
      return;
    }
    const final = prefixed + (await fakePng(width, height)).toString("base64");
    send(`${prefix}.completed`, { type: `${prefix}.completed`, b64_json: final, usage: { total_tokens: 10 } });
    raw.end();
  }
}

/** Starts a fake of `api` on 127.0.0.1 (free port, plain HTTP: the providers accept http on loopback only). */
export async function startFakeUpstream(api: FakeApi): Promise<FakeUpstream> {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
  await app.register(multipart, { limits: { fileSize: 60 * 1024 * 1024 } });
  // eslint-disable-next-line prefer-const -- assigned once the port is known, after the route that reads it is registered
  let fake: FakeUpstream | undefined;
  app.all("/*", (request, reply) => (fake as FakeUpstream).handle(request, reply));
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  fake = new FakeUpstream(api, app, `http://127.0.0.1:${port}`);
  return fake;
}
