// `POST /v1/prompts/visual` end to end over HTTP on 127.0.0.1 against a strict fake chat deployment: bearer-token
// auth, the happy path (dated and v1 paths, api-key and Entra), upstream errors, the content filter, timeout, not
// configured, limits, the queue, and `GET /v1/backend`'s promptWriter.
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWK, type KeyLike } from "jose";
import { buildApp } from "../../server/gateway/app";
import { createAuthenticate } from "../../server/gateway/auth/authenticate";
import { readAuthConfig } from "../../server/gateway/auth/config";
import { createBriefWriter } from "../../server/gateway/createBriefWriter";
import { QUEUE_HEADER } from "../../server/gateway/runProviderCall";
import { AzureChatBriefWriter } from "../../server/providers/prompts/azureChatBriefs";
import type { BriefWriter } from "../../server/providers/prompts/BriefWriter";
import { LocalProvider } from "../../server/providers/local/LocalProvider";
import { MAX_BRIEF_CHARS, MAX_BRIEF_ITEMS, MAX_BRIEF_TEXT_CHARS } from "../../src/core/protocol/limits";
import { NO_TEXT_CLAUSE, type VisualBriefsRequest } from "../../src/core/protocol/visualBriefs";
import { startFakeChatUpstream, type FakeChatUpstream } from "../fakes/upstream/FakeChatUpstream";
import { API_KEY, TOKEN, testClient, until } from "./providers.helpers";
import { listenOnFreePort, type Served } from "../support/servers";

jest.setTimeout(30_000);

const DEPLOYMENT = "gpt-4o-mini";
const API_VERSION = "2024-10-21";
const ISSUER = "https://issuer.test";
const AUDIENCE = "api://illustrate-gateway";

let signingKey: { privateKey: KeyLike; jwk: JWK };
beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  signingKey = { privateKey, jwk: { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" } };
});

/** A valid access token for the gateway (scope Images.Create), signed by the test issuer. */
function token(sub = "ada"): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub, oid: `oid-${sub}`, scp: "Images.Create", iat: now, exp: now + 3600 })
    .setProtectedHeader({ alg: "RS256", kid: "k1" })
    .sign(signingKey.privateKey);
}

/** The real gateway (local image provider) with `briefWriter` and bearer-token auth, on a free loopback port. */
async function serve(briefWriter?: { writer: BriefWriter; timeoutMs: number }): Promise<Served> {
  const config = readAuthConfig({ AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE, AUTH_JWKS_URL: `${ISSUER}/jwks` });
  const app = await buildApp({
    provider: new LocalProvider(),
    allowedOrigins: ["https://localhost:3000"],
    authenticate: createAuthenticate(config, createLocalJWKSet({ keys: [signingKey.jwk] })),
    ...(briefWriter ? { briefWriter } : {}),
    logger: false,
  });
  return listenOnFreePort(app);
}

const STYLE = { preset: "watercolor", palette: ["#1F4E79", "#FF7F50"], style_words: "calm, corporate" } as const;
const ITEMS = [
  { id: "256#1", kind: "slide", title: "Quarterly revenue up 12% in EMEA", text: "• Germany +18%\n• France +9%" },
  { id: "257#2", kind: "slide", title: "Our hiring plan", text: "Three new teams in Lisbon" },
] as const;
const BODY: VisualBriefsRequest = { items: [...ITEMS], style: { ...STYLE, palette: [...STYLE.palette] } };

/** POSTs `body` to the brief route with `authorization` (a token by default; `null` for none). */
async function post(base: string, body: unknown = BODY, authorization: string | null | undefined = undefined) {
  const auth = authorization === undefined ? `Bearer ${await token()}` : authorization;
  const response = await fetch(`${base}/v1/prompts/visual`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as any };
}

describe("with a chat deployment (dated path, api-key)", () => {
  let fake: FakeChatUpstream;
  let served: Served;
  beforeAll(async () => {
    fake = await startFakeChatUpstream({ deployment: DEPLOYMENT, apiVersion: API_VERSION, apiKey: API_KEY });
    const writer = new AzureChatBriefWriter({
      endpoint: fake.url,
      deployment: DEPLOYMENT,
      apiVersion: API_VERSION,
      client: testClient({ timeoutMs: 5000 }),
    });
    served = await serve({ writer, timeoutMs: 10_000 });
  });
  afterAll(async () => {
    await served.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.requests.length = 0;
  });

  test("no token: 401 with the challenge, and nothing reaches the chat deployment", async () => {
    const answer = await post(served.base, BODY, null);
    expect(answer.status).toBe(401);
    expect(answer.json.error).toMatchObject({ type: "unauthorized", code: "missing_token" });
    expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer /);
    const forged = await post(served.base, BODY, "Bearer not-a-jwt");
    expect(forged.status).toBe(401);
    expect(fake.requests).toHaveLength(0);
  });

  test("happy path: one strict chat call, one brief per item in order, each asking for no text", async () => {
    const answer = await post(served.base);
    expect(fake.violations).toEqual([]);
    expect(answer.status).toBe(200);
    expect(answer.json.writer).toEqual({ provider: "azure-openai", model: DEPLOYMENT });
    expect(answer.json.briefs).toEqual([
      { id: "256#1", prompt: `A quiet scene about Quarterly revenue up 12% in EMEA, ${NO_TEXT_CLAUSE}.` },
      { id: "257#2", prompt: `A quiet scene about Our hiring plan, ${NO_TEXT_CLAUSE}.` },
    ]);
    expect(fake.requests).toHaveLength(1);
    const seen = fake.requests[0];
    expect(seen.path).toBe(`/openai/deployments/${DEPLOYMENT}/chat/completions`);
    expect(seen.query).toEqual({ "api-version": API_VERSION });
    expect(seen.headers["api-key"]).toBe(API_KEY);
    expect(seen.body.model).toBeUndefined();
    expect(seen.body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "visual_briefs", strict: true } });
    expect(seen.body.user).toMatch(/^[0-9a-f]{32}$/); // hashed, never the user's id
    const [system, user] = seen.body.messages as { role: string; content: string }[];
    expect(system.role).toBe("system");
    expect(system.content).toContain(NO_TEXT_CLAUSE);
    expect(system.content).toContain("watercolor painting"); // the run's style, so briefs do not fight it
    expect(system.content).toContain("#1F4E79");
    // The pane's ids never reach the model: short ones do, mapped back by the gateway.
    expect(JSON.parse(user.content)).toEqual({
      items: [
        { id: "1", kind: "slide", title: ITEMS[0].title, text: ITEMS[0].text },
        { id: "2", kind: "slide", title: ITEMS[1].title, text: ITEMS[1].text },
      ],
    });
  });

  test("an item the model leaves out, unknown ids and blank briefs are not answered; a brief that asks for no text keeps its words", async () => {
    fake.next({
      kind: "content",
      content: JSON.stringify({
        briefs: [
          { id: "2", brief: "  A map of Lisbon   without any text.  " },
          { id: "9", brief: "stray" },
          { id: "1", brief: "   " },
        ],
      }),
    });
    const answer = await post(served.base);
    expect(answer.status).toBe(200);
    expect(answer.json.briefs).toEqual([{ id: "257#2", prompt: "A map of Lisbon without any text." }]);
  });

  test("a very long brief is cut to MAX_BRIEF_CHARS at a word, the no-text clause kept at the end", async () => {
    fake.next({ kind: "briefs", brief: () => "A long winding road ".repeat(60) });
    const answer = await post(served.base);
    for (const brief of answer.json.briefs) {
      expect(brief.prompt.length).toBeLessThanOrEqual(MAX_BRIEF_CHARS);
      expect(brief.prompt.endsWith(`road, ${NO_TEXT_CLAUSE}.`)).toBe(true);
    }
  });

  test("429 with retry-after: retried after the given wait, then the 429 is passed on with retry-after", async () => {
    fake.next({ kind: "error", answer: "rateLimited" }, { kind: "error", answer: "rateLimited" }, { kind: "error", answer: "rateLimited" });
    const answer = await post(served.base);
    expect(fake.requests).toHaveLength(3);
    expect(answer.status).toBe(429);
    expect(answer.json.error).toMatchObject({ code: "rate_limited", type: "rate_limited", retryAfterMs: 150 });
    expect(answer.json.error.message).toMatch(/prompt service is busy/);
    expect(answer.headers.get("retry-after-ms")).toBe("150");
    expect(answer.headers.get("retry-after")).toBe("1");
  });

  test("one 429 then success: the pane sees the briefs", async () => {
    fake.next({ kind: "error", answer: "rateLimited" });
    const answer = await post(served.base);
    expect(answer.status).toBe(200);
    expect(answer.json.briefs).toHaveLength(2);
    expect(fake.requests).toHaveLength(2);
  });

  test("5xx: retried twice, then 502 upstream_unavailable without the upstream's text", async () => {
    fake.next({ kind: "error", answer: "serverError" }, { kind: "error", answer: "serverError" }, { kind: "error", answer: "serviceUnavailable" });
    const answer = await post(served.base);
    expect(fake.requests).toHaveLength(3);
    expect(answer.status).toBe(502);
    expect(answer.json.error).toMatchObject({ code: "upstream_unavailable", type: "upstream_unavailable" });
    expect(answer.json.error.message).not.toMatch(/InternalServerError|processing your request/);
  });

  test.each([
    ["content that is not JSON", { kind: "content", content: "Sure! Here are your briefs:" }],
    ["JSON of another shape", { kind: "content", content: JSON.stringify({ prompts: ["a"] }) }],
    ["an answer cut off (finish_reason length)", { kind: "length" }],
  ] as const)("malformed answer (%s): 502 upstream_invalid_response, not retried", async (_name, behaviour) => {
    fake.next(behaviour);
    const answer = await post(served.base);
    expect(answer.status).toBe(502);
    expect(answer.json.error).toMatchObject({ code: "upstream_invalid_response", type: "upstream_unavailable" });
    expect(fake.requests).toHaveLength(1);
  });

  test.each([
    ["the prompt filter (chat innererror + content_filter_result)", { kind: "error", answer: "contentFilterInnererror" }, ["self_harm"]],
    ["the output filter (finish_reason content_filter)", { kind: "output-filtered", category: "violence" }, ["violence"]],
    ["a structured-outputs refusal", { kind: "refusal" }, ["refusal"]],
  ] as const)("content filter, %s: 400 content_filtered (the images' code) with categories, not retried", async (_name, behaviour, categories) => {
    fake.next(behaviour);
    const answer = await post(served.base);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({ code: "content_filtered", type: "content_filtered", categories });
    expect(fake.requests).toHaveLength(1);
  });

  test("the deployment refuses the key: 502 upstream_unauthorized naming PROMPT_API_KEY", async () => {
    fake.next({ kind: "error", answer: "unauthorized" });
    const answer = await post(served.base);
    expect(answer.status).toBe(502);
    expect(answer.json.error).toMatchObject({ code: "upstream_unauthorized", type: "unauthorized" });
    expect(answer.json.error.message).toMatch(/PROMPT_API_KEY/);
  });

  test("timeout: the chat deployment hangs → 504 generation_timeout, and the upstream call is cut", async () => {
    const writer = new AzureChatBriefWriter({
      endpoint: fake.url,
      deployment: DEPLOYMENT,
      apiVersion: API_VERSION,
      client: testClient({ timeoutMs: 60_000 }),
    });
    const short = await serve({ writer, timeoutMs: 300 });
    try {
      fake.next({ kind: "hang" });
      const answer = await post(short.base);
      expect(answer.status).toBe(504);
      expect(answer.json.error).toMatchObject({ code: "generation_timeout", type: "timeout" });
      expect(answer.json.error.message).toMatch(/prompt service took too long/);
      await until(() => fake.aborted === 1); // the gateway's abort reached the chat deployment
      expect(fake.requests).toHaveLength(1);
    } finally {
      await short.close();
    }
  });

  test.each([
    ["no items", { items: [], style: STYLE }, "missing_items", "items"],
    [
      `${MAX_BRIEF_ITEMS + 1} items`,
      { items: Array.from({ length: MAX_BRIEF_ITEMS + 1 }, (_, i) => ({ id: `s${i}`, title: "t", text: "" })), style: STYLE },
      "too_many_items",
      "items",
    ],
    [
      "a text over the limit",
      { items: [{ id: "a", title: "t", text: "x".repeat(MAX_BRIEF_TEXT_CHARS + 1) }], style: STYLE },
      "item_too_long",
      "items/0/text",
    ],
    ["an unknown item field", { items: [{ id: "a", title: "t", text: "", notes: "x" }], style: STYLE }, "unknown_parameter", "items/0/notes"],
    ["an unknown top-level field", { ...BODY, temperature: 0 }, "unknown_parameter", "temperature"],
    [
      "a repeated id",
      {
        items: [
          { id: "a", title: "t", text: "" },
          { id: "a", title: "u", text: "" },
        ],
        style: STYLE,
      },
      "duplicate_item_id",
      "items/1/id",
    ],
    [
      "five colours",
      { items: [ITEMS[0]], style: { ...STYLE, palette: ["#000000", "#111111", "#222222", "#333333", "#444444"] } },
      "invalid_style",
      "style/palette",
    ],
    ["an unknown preset", { items: [ITEMS[0]], style: { ...STYLE, preset: "oil-on-velvet" } }, "invalid_style", "style/preset"],
    ["no style", { items: [ITEMS[0]] }, "invalid_style", "style"],
  ])("limits: %s → 400 with its code, nothing sent upstream", async (_name, body, code, param) => {
    const answer = await post(served.base, body);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({ code, type: "bad_request", param });
    expect(fake.requests).toHaveLength(0);
  });

  test("a body that is not JSON: 400 invalid_json", async () => {
    const answer = await post(served.base, "{ items: ");
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe("invalid_json");
  });

  test("GET /v1/backend names the prompt writer and keeps the image backend's fields", async () => {
    const backend = await (await fetch(`${served.base}/v1/backend`)).json();
    expect(backend).toEqual({
      provider: "local",
      model: expect.any(String),
      offline: true,
      promptWriter: { provider: "azure-openai", model: DEPLOYMENT },
    });
  });
});

describe("configured from PROMPT_* (v1 path, Entra token, its own queue)", () => {
  let fake: FakeChatUpstream;
  afterEach(() => fake.close());

  test("the v1 path carries model and no api-version; an Entra token is sent as Bearer", async () => {
    fake = await startFakeChatUpstream({ deployment: DEPLOYMENT, bearerToken: TOKEN });
    const writer = new AzureChatBriefWriter({
      endpoint: fake.url,
      deployment: DEPLOYMENT,
      responseFormat: "json_object",
      client: testClient({ tokens: { getToken: async () => ({ token: TOKEN }) } }),
    });
    const served = await serve({ writer, timeoutMs: 5000 });
    try {
      const answer = await post(served.base);
      expect(fake.violations).toEqual([]);
      expect(answer.status).toBe(200);
      const seen = fake.requests[0];
      expect(seen.path).toBe("/openai/v1/chat/completions");
      expect(seen.query).toEqual({});
      expect(seen.body).toMatchObject({ model: DEPLOYMENT, response_format: { type: "json_object" } });
      expect(seen.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(seen.headers["api-key"]).toBeUndefined();
    } finally {
      await served.close();
    }
  });

  test("PROMPT_RPM=1: a second user's call waits in the prompt queue (X-Illustrate-Queue), both are answered", async () => {
    fake = await startFakeChatUpstream({ deployment: DEPLOYMENT, apiVersion: API_VERSION, apiKey: API_KEY });
    const configured = createBriefWriter({
      PROMPT_PROVIDER: "azure-openai",
      PROMPT_ENDPOINT: fake.url,
      PROMPT_DEPLOYMENT: DEPLOYMENT,
      PROMPT_API_VERSION: API_VERSION,
      PROMPT_API_KEY: API_KEY,
      PROMPT_RPM: "1",
      IMAGE_RPM_WINDOW_MS: "300",
      IMAGE_RPM_MARGIN_MS: "0",
      LOG_LEVEL: "silent",
    });
    expect(configured?.writer.info).toEqual({ provider: "azure-openai", model: DEPLOYMENT });
    const served = await serve(configured);
    try {
      const first = post(served.base, BODY, `Bearer ${await token("ada")}`);
      const second = post(served.base, BODY, `Bearer ${await token("grace")}`);
      const answers = await Promise.all([first, second]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect(fake.violations).toEqual([]);
      const queued = answers.map((a) => a.headers.get(QUEUE_HEADER)).filter((h): h is string => h !== null);
      expect(queued).toHaveLength(1);
      expect(JSON.parse(queued[0])).toMatchObject({ position: 1 });
    } finally {
      await served.close();
    }
  });
});

describe("without a prompt writer", () => {
  let served: Served;
  beforeAll(async () => {
    expect(createBriefWriter({})).toBeUndefined();
    served = await serve(undefined);
  });
  afterAll(() => served.close());

  test("POST /v1/prompts/visual: 404 prompt_writer_not_configured (after auth: 401 first without a token)", async () => {
    const answer = await post(served.base);
    expect(answer.status).toBe(404);
    expect(answer.json.error).toMatchObject({ code: "prompt_writer_not_configured", type: "not_found" });
    expect((await post(served.base, BODY, null)).status).toBe(401);
  });

  test("GET /v1/backend: promptWriter null", async () => {
    const backend = await (await fetch(`${served.base}/v1/backend`)).json();
    expect(backend).toMatchObject({ provider: "local", offline: true, promptWriter: null });
  });
});

describe("PROMPT_* configuration errors name the variable", () => {
  test.each([
    [{ PROMPT_PROVIDER: "openai" }, /PROMPT_PROVIDER "openai" is not known/],
    [{ PROMPT_PROVIDER: "azure-openai" }, /PROMPT_ENDPOINT is required/],
    [{ PROMPT_PROVIDER: "azure-openai", PROMPT_ENDPOINT: "http://example.com" }, /PROMPT_ENDPOINT: http:\/\/ is accepted for loopback/],
    [{ PROMPT_PROVIDER: "azure-openai", PROMPT_ENDPOINT: "https://r.openai.azure.com" }, /PROMPT_DEPLOYMENT is required/],
    [
      { PROMPT_PROVIDER: "azure-openai", PROMPT_ENDPOINT: "https://r.openai.azure.com", PROMPT_DEPLOYMENT: "d", PROMPT_RPM: "0" },
      /PROMPT_RPM must be a positive integer/,
    ],
    [
      { PROMPT_PROVIDER: "azure-openai", PROMPT_ENDPOINT: "https://r.openai.azure.com", PROMPT_DEPLOYMENT: "d", PROMPT_RESPONSE_FORMAT: "xml" },
      /PROMPT_RESPONSE_FORMAT must be json_schema or json_object/,
    ],
  ])("%j", (env, message) => {
    expect(() => createBriefWriter(env)).toThrow(message);
  });
});
