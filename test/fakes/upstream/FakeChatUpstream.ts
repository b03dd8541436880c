// A strict fake of Azure OpenAI chat completions on http://127.0.0.1 (Fastify): checks the path, api-version, auth
// header and every body field (structured-outputs schema rules included), records requests, and answers as scripted.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { AddressInfo } from "node:net";
import { ERROR_ANSWERS, type ErrorAnswerName, type ScriptedAnswer } from "./answers";
import { authViolation, credentialAccepted, type FakeApi, type SeenRequest } from "./strictRules";

/** Which deployment the fake plays and how it is addressed. */
export interface FakeChatApi {
  deployment: string;
  /** The dated deployment path with this api-version when set, else the v1 path (`model` in the body). */
  apiVersion?: string;
  apiKey?: string;
  bearerToken?: string;
}

/** What the next request gets (a queue; when empty: `briefs`). */
export type ChatBehaviour =
  /** Valid JSON briefs, one per item of the user message (`A quiet scene about <title>`); `omit` leaves those ids out. */
  | { kind: "briefs"; omit?: string[]; brief?: (item: { id: string; title: string; text: string }) => string }
  /** `message.content` exactly as given (e.g. not JSON, or JSON of another shape). */
  | { kind: "content"; content: string }
  /** 200 with `finish_reason: "content_filter"` (the output filter) and the category that fired. */
  | { kind: "output-filtered"; category?: string }
  /** 200 with a structured-outputs `refusal`. */
  | { kind: "refusal" }
  /** 200 with `finish_reason: "length"` and JSON cut off. */
  | { kind: "length" }
  | { kind: "error"; answer: ErrorAnswerName | ScriptedAnswer }
  /** Never answers. */
  | { kind: "hang" };

/** One request the fake saw. */
export interface RecordedChatRequest extends Omit<SeenRequest, "files" | "multipart"> {
  violation?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Azure's strict structured-outputs rules for a schema: every object lists all its properties in `required` and has
 * `additionalProperties: false`. Written out here, not imported, so a wrong schema in the gateway is caught.
 */
function strictSchemaViolation(schema: unknown, at = "schema"): string | undefined {
  if (!isObject(schema)) return `${at} must be an object`;
  if (schema.type === "object") {
    const properties = isObject(schema.properties) ? Object.keys(schema.properties) : [];
    const required = Array.isArray(schema.required) ? schema.required : [];
    if (schema.additionalProperties !== false) return `${at}: strict mode needs additionalProperties: false`;
    const missing = properties.find((name) => !required.includes(name));
    if (missing) return `${at}: strict mode needs every property required (${missing} is not)`;
    for (const name of properties) {
      const problem = strictSchemaViolation((schema.properties as Json)[name], `${at}.${name}`);
      if (problem) return problem;
    }
  }
  if (schema.type === "array") return strictSchemaViolation(schema.items, `${at}[]`);
  return undefined;
}

/** A violation of the chat completions body rules, or undefined. */
function bodyViolation(api: FakeChatApi, body: Json): string | undefined {
  const allowed = ["messages", "response_format", "user", ...(api.apiVersion ? [] : ["model"])];
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown) return api.apiVersion && unknown === "model" ? "model must not be in the body on the deployment path" : `unknown field ${unknown}`;
  if (!api.apiVersion && body.model !== api.deployment) return `model must be ${api.deployment}`;
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) return "messages must be a non-empty array";
  for (const message of messages) {
    if (!isObject(message) || !["system", "user", "assistant", "developer"].includes(String(message.role))) return "each message needs a role";
    if (typeof message.content !== "string" || message.content === "") return "each message needs string content";
    const extra = Object.keys(message).find((key) => key !== "role" && key !== "content");
    if (extra) return `unknown message field ${extra}`;
  }
  if (body.user !== undefined && (typeof body.user !== "string" || body.user === "")) return "user must be a non-empty string";
  const format = body.response_format;
  if (format === undefined) return undefined;
  if (!isObject(format)) return "response_format must be an object";
  if (format.type === "json_object") {
    // OpenAI: JSON mode needs the word "JSON" in the messages.
    return messages.some((m: Json) => /json/iu.test(String(m.content))) ? undefined : "json_object needs the word JSON in the messages";
  }
  if (format.type !== "json_schema") return "response_format.type must be json_schema or json_object";
  const spec = format.json_schema;
  if (!isObject(spec) || typeof spec.name !== "string" || !/^[A-Za-z0-9_-]{1,64}$/u.test(spec.name))
    return "json_schema.name must be 1–64 of a-z A-Z 0-9 _ -";
  if (spec.strict !== undefined && typeof spec.strict !== "boolean") return "json_schema.strict must be a boolean";
  return spec.strict === true ? strictSchemaViolation(spec.schema) : isObject(spec.schema) ? undefined : "json_schema.schema must be an object";
}

/** The items of the user message (the gateway sends `{ items: [{ id, kind, title, text }] }`). */
function itemsOf(body: Json): { id: string; title: string; text: string }[] {
  const user = (body.messages as Json[]).find((m) => m.role === "user");
  try {
    const parsed = JSON.parse(String(user?.content)) as { items?: { id: string; title: string; text: string }[] };
    return Array.isArray(parsed.items) ? parsed.items : [];
  } catch {
    return [];
  }
}

function completion(deployment: string, choice: Json): Json {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: deployment,
    prompt_filter_results: [{ prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: "safe" } } }],
    choices: [{ index: 0, logprobs: null, ...choice }],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  };
}

/** The fake server. Create with {@link startFakeChatUpstream}; `close()` it in `afterAll`. */
export class FakeChatUpstream {
  readonly requests: RecordedChatRequest[] = [];
  /** Requests the client gave up on before the answer was complete (a hang cut by the gateway's timeout). */
  aborted = 0;
  private readonly behaviours: ChatBehaviour[] = [];

  constructor(
    readonly api: FakeChatApi,
    private readonly app: FastifyInstance,
    readonly url: string,
  ) {}

  /** Queues behaviours for the next requests, in order. */
  next(...behaviours: ChatBehaviour[]): this {
    this.behaviours.push(...behaviours);
    return this;
  }

  get violations(): string[] {
    return this.requests.flatMap((r) => (r.violation ? [r.violation] : []));
  }

  close(): Promise<void> {
    const closing = this.app.close();
    this.app.server.closeAllConnections();
    return closing;
  }

  private pathViolation(seen: RecordedChatRequest): string | undefined {
    if (seen.method !== "POST") return `method ${seen.method}, expected POST`;
    if (this.api.apiVersion) {
      const expected = `/openai/deployments/${this.api.deployment}/chat/completions`;
      if (seen.path !== expected) return `deployment path must be ${expected}, got ${seen.path}`;
      if (seen.query["api-version"] !== this.api.apiVersion)
        return `api-version must be ${this.api.apiVersion}, got ${seen.query["api-version"] ?? "none"}`;
      return undefined;
    }
    if (seen.path !== "/openai/v1/chat/completions") return `v1 path must be /openai/v1/chat/completions, got ${seen.path}`;
    if (seen.query["api-version"] !== undefined) return "the v1 path takes no api-version";
    return undefined;
  }

  /** @internal route handler */
  async handle(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const [path, search = ""] = request.url.split("?");
    const seen: RecordedChatRequest = {
      method: request.method,
      path,
      query: Object.fromEntries(new URLSearchParams(search)),
      headers: request.headers,
      body: (isObject(request.body) ? request.body : {}) as Json,
    };
    this.requests.push(seen);
    const contentType = String(request.headers["content-type"] ?? "");
    seen.violation =
      this.pathViolation(seen) ??
      authViolation({ ...seen, files: {}, multipart: false }) ??
      (contentType.startsWith("application/json") ? bodyViolation(this.api, seen.body) : "chat completions need Content-Type application/json");
    if (seen.violation) {
      await reply.code(400).send({ error: { code: "fake_strict_violation", message: seen.violation } });
      return;
    }
    const asImageApi = {
      kind: "azure-openai",
      deployment: this.api.deployment,
      apiKey: this.api.apiKey,
      bearerToken: this.api.bearerToken,
    } as FakeApi;
    if (!credentialAccepted(asImageApi, { ...seen, files: {}, multipart: false })) {
      await reply.code(401).send(ERROR_ANSWERS.unauthorized.body);
      return;
    }
    const behaviour = this.behaviours.shift() ?? { kind: "briefs" };
    await this.answer(behaviour, seen, reply);
  }

  private async answer(behaviour: ChatBehaviour, seen: RecordedChatRequest, reply: FastifyReply): Promise<void> {
    const filters = { hate: { filtered: false, severity: "safe" }, violence: { filtered: false, severity: "safe" } };
    switch (behaviour.kind) {
      case "hang":
        await new Promise<void>((resolve) => reply.raw.once("close", resolve));
        this.aborted += 1;
        return;
      case "error": {
        const answer: ScriptedAnswer = typeof behaviour.answer === "string" ? ERROR_ANSWERS[behaviour.answer] : behaviour.answer;
        await reply
          .code(answer.status)
          .headers(answer.headers ?? {})
          .send(answer.body);
        return;
      }
      case "content":
        await reply.send(
          completion(this.api.deployment, {
            finish_reason: "stop",
            message: { role: "assistant", content: behaviour.content },
            content_filter_results: filters,
          }),
        );
        return;
      case "output-filtered":
        await reply.send(
          completion(this.api.deployment, {
            finish_reason: "content_filter",
            message: { role: "assistant", content: null },
            content_filter_results: { ...filters, [behaviour.category ?? "violence"]: { filtered: true, severity: "high" } },
          }),
        );
        return;
      case "refusal":
        await reply.send(
          completion(this.api.deployment, {
            finish_reason: "stop",
            message: { role: "assistant", content: null, refusal: "I can't help with that." },
            content_filter_results: filters,
          }),
        );
        return;
      case "length":
        await reply.send(
          completion(this.api.deployment, {
            finish_reason: "length",
            message: { role: "assistant", content: '{"briefs":[{"id":"1","brief":"A calm' },
            content_filter_results: filters,
          }),
        );
        return;
      case "briefs": {
        const write = behaviour.brief ?? ((item) => `A quiet scene about ${item.title || item.text}`);
        const briefs = itemsOf(seen.body)
          .filter((item) => !behaviour.omit?.includes(item.id))
          .map((item) => ({ id: item.id, brief: write(item) }));
        await reply.send(
          completion(this.api.deployment, {
            finish_reason: "stop",
            message: { role: "assistant", content: JSON.stringify({ briefs }) },
            content_filter_results: filters,
          }),
        );
        return;
      }
    }
  }
}

/** Starts a fake chat deployment on 127.0.0.1 (free port, plain HTTP: accepted on loopback only). */
export async function startFakeChatUpstream(api: FakeChatApi): Promise<FakeChatUpstream> {
  const app = Fastify({ logger: false });
  // eslint-disable-next-line prefer-const -- assigned once the port is known, after the route that reads it is registered
  let fake: FakeChatUpstream | undefined;
  app.all("/*", (request, reply) => (fake as FakeChatUpstream).handle(request, reply));
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  fake = new FakeChatUpstream(api, app, `http://127.0.0.1:${port}`);
  return fake;
}
