// The gateway PromptWriter against a scripted fetch: the request it sends, the briefs it returns, and the shared
// token / retry / error rules (401 refresh, 429 with retry-after, 5xx, content filter, malformed answer, cancel).
import type { DeckItemText, DeckStyle } from "../../../src/core/deck";
import { ApiError } from "../../../src/core/protocol/errors";
import { MAX_BRIEF_ITEMS, MAX_BRIEF_TEXT_CHARS, MAX_BRIEF_TITLE_CHARS } from "../../../src/core/protocol/limits";
import { SignInRequiredError } from "../../../src/core/TokenProvider";
import { CancelledError, ConnectionError, InvalidResponseError } from "../../../src/imaging/errors";
import { GatewayPromptWriter } from "../../../src/imaging/gatewayPromptWriter";
import { rejection } from "../../support/rejection";
import { countingTokens, hangingStep, jsonResponse, scriptedFetch, type Step } from "./fixtures";

const STYLE: DeckStyle = { preset: "watercolor", palette: ["#1F4E79"], styleWords: "calm" };
const ITEMS: DeckItemText[] = [
  { id: "s1", kind: "slide", title: "Quarterly revenue up 12% in EMEA", body: "Germany +18%" },
  { id: "s2", kind: "slide", title: "Hiring plan", body: "Lisbon" },
];
const briefsAnswer = (ids: string[]) =>
  jsonResponse({
    briefs: ids.map((id) => ({ id, prompt: `A scene for ${id}, with no text, letters or numbers anywhere in the picture.` })),
    writer: { provider: "azure-openai", model: "gpt-4o-mini" },
  });
const envelope = (status: number, code: string, type: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}) =>
  jsonResponse({ error: { code, type, message: "m", ...extra } }, status, headers);

function writer(script: Step[], options: { tokens?: ReturnType<typeof countingTokens> } = {}) {
  const { fetch, calls } = scriptedFetch(script);
  const sleeps: number[] = [];
  const tokens = options.tokens ?? countingTokens();
  const instance = new GatewayPromptWriter({
    apiBaseUrl: "https://gateway.example.com/",
    tokenProvider: tokens,
    scopes: ["api://illustrate-gateway/Images.Create"],
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0,
  });
  return { instance, calls, sleeps, tokens };
}

test("POSTs the items and the style in the wire spelling with a bearer token; returns gateway briefs in order", async () => {
  const { instance, calls } = writer([briefsAnswer(["s2", "s1"])]);
  const briefs = await instance.write(ITEMS, STYLE);
  expect(calls).toHaveLength(1);
  expect(calls[0].url).toBe("https://gateway.example.com/v1/prompts/visual");
  expect(calls[0].init.method).toBe("POST");
  expect(calls[0].init.redirect).toBe("error");
  expect(calls[0].headers.get("authorization")).toBe("Bearer token-1");
  expect(calls[0].json).toEqual({
    items: [
      { id: "s1", kind: "slide", title: ITEMS[0].title, text: ITEMS[0].body },
      { id: "s2", kind: "slide", title: ITEMS[1].title, text: ITEMS[1].body },
    ],
    style: { preset: "watercolor", palette: ["#1F4E79"], style_words: "calm" },
  });
  expect(briefs.map((b) => [b.itemId, b.writer])).toEqual([
    ["s1", "gateway"],
    ["s2", "gateway"],
  ]);
  expect(briefs[0].prompt).toMatch(/^A scene for s1, with no text/);
});

test("long text is cut to the protocol's limits, and more than MAX_BRIEF_ITEMS items go in several requests", async () => {
  const many: DeckItemText[] = Array.from({ length: MAX_BRIEF_ITEMS + 3 }, (_, i) => ({
    id: `s${i}`,
    kind: "slide",
    title: "T".repeat(900),
    body: "x".repeat(10_000),
  }));
  const { instance, calls } = writer([
    (request) => briefsAnswer((request.json as { items: { id: string }[] }).items.map((i) => i.id)),
    (request) => briefsAnswer((request.json as { items: { id: string }[] }).items.map((i) => i.id)),
  ]);
  const briefs = await instance.write(many, STYLE);
  expect(calls.map((c) => (c.json as { items: unknown[] }).items.length)).toEqual([MAX_BRIEF_ITEMS, 3]);
  const first = (calls[0].json as { items: { title: string; text: string }[] }).items[0];
  expect(first.title).toHaveLength(MAX_BRIEF_TITLE_CHARS);
  expect(first.text).toHaveLength(MAX_BRIEF_TEXT_CHARS);
  expect(briefs.map((b) => b.itemId)).toEqual(many.map((i) => i.id));
});

test("items the gateway has no brief for, and unknown ids, are left out (the caller writes those locally)", async () => {
  const { instance } = writer([
    jsonResponse({
      briefs: [
        { id: "s2", prompt: "A map, with no text." },
        { id: "zz", prompt: "stray" },
        { id: "s1", prompt: " " },
      ],
    }),
  ]);
  expect((await instance.write(ITEMS, STYLE)).map((b) => b.itemId)).toEqual(["s2"]);
});

test("429 with retry-after-ms: waits what the gateway says, then succeeds", async () => {
  const { instance, calls, sleeps } = writer([
    envelope(429, "rate_limited", "rate_limited", { "retry-after-ms": "1500" }),
    briefsAnswer(["s1", "s2"]),
  ]);
  expect(await instance.write(ITEMS, STYLE)).toHaveLength(2);
  expect(calls).toHaveLength(2);
  expect(sleeps).toEqual([1500]);
});

test("5xx: two retries with backoff, then the ApiError", async () => {
  const { instance, calls, sleeps } = writer([
    envelope(502, "upstream_unavailable", "upstream_unavailable"),
    envelope(503, "upstream_unavailable", "upstream_unavailable"),
    envelope(502, "upstream_unavailable", "upstream_unavailable"),
  ]);
  const error = await rejection(instance.write(ITEMS, STYLE));
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 502, code: "upstream_unavailable" });
  expect(calls).toHaveLength(3);
  expect(sleeps).toEqual([500, 1000]);
});

test("content filter and not configured: thrown at once, never retried", async () => {
  const filtered = writer([envelope(400, "content_filtered", "content_filtered", {}, { categories: ["violence"] })]);
  expect(await rejection(filtered.instance.write(ITEMS, STYLE))).toMatchObject({ type: "content_filtered", details: { categories: ["violence"] } });
  expect(filtered.calls).toHaveLength(1);
  const none = writer([envelope(404, "prompt_writer_not_configured", "not_found")]);
  expect(await rejection(none.instance.write(ITEMS, STYLE))).toMatchObject({ status: 404, code: "prompt_writer_not_configured" });
  expect(none.calls).toHaveLength(1);
});

test("401: one fresh token and one more try, then SignInRequiredError", async () => {
  const { instance, calls, tokens } = writer([envelope(401, "invalid_token", "unauthorized"), envelope(401, "invalid_token", "unauthorized")]);
  expect(await rejection(instance.write(ITEMS, STYLE))).toBeInstanceOf(SignInRequiredError);
  expect(calls.map((c) => c.headers.get("authorization"))).toEqual(["Bearer token-1", "Bearer token-2"]);
  expect(tokens.calls[1].options).toEqual({ forceRefresh: true });
});

test("a malformed answer is InvalidResponseError; no answer at all is ConnectionError after the retries", async () => {
  const malformed = writer([new Response("<html>", { status: 200, headers: { "content-type": "text/html" } })]);
  expect(await rejection(malformed.instance.write(ITEMS, STYLE))).toBeInstanceOf(InvalidResponseError);
  const shapeless = writer([jsonResponse({ prompts: [] })]);
  expect(await rejection(shapeless.instance.write(ITEMS, STYLE))).toBeInstanceOf(InvalidResponseError);
  const down = () => Promise.reject(new TypeError("fetch failed"));
  const unreachable = writer([down, down, down]);
  expect(await rejection(unreachable.instance.write(ITEMS, STYLE))).toBeInstanceOf(ConnectionError);
  expect(unreachable.calls).toHaveLength(3);
});

test("cancel: the request is aborted and CancelledError thrown", async () => {
  const { instance, calls } = writer([hangingStep]);
  const controller = new AbortController();
  const writing = instance.write(ITEMS, STYLE, { signal: controller.signal });
  await Promise.resolve();
  await new Promise((resolve) => setImmediate(resolve));
  controller.abort();
  expect(await rejection(writing)).toBeInstanceOf(CancelledError);
  expect(calls[0].init.signal?.aborted).toBe(true);
});
