// The deck prompt writer: gateway briefs when `GET /v1/backend` names a writer; the local writer, with the reason the
// pane shows, when it names none, when the gateway is unreachable or fails, or leaves items out; a cancel is not a fallback.
import { localPromptWriter, type DeckItemText, type DeckStyle } from "../../../src/core/deck";
import { NO_TEXT_CLAUSE } from "../../../src/core/protocol/visualBriefs";
import en from "../../../src/taskpane/strings/en.json";
import { createBackendStatus } from "../../../src/imaging/backendStatus";
import { createDeckPromptWriter } from "../../../src/imaging/deckPromptWriter";
import { CancelledError } from "../../../src/imaging/errors";
import { GatewayPromptWriter } from "../../../src/imaging/gatewayPromptWriter";
import { rejection } from "../../support/rejection";
import { hangingStep, jsonResponse, scriptedFetch, type Step } from "./fixtures";

const STYLE: DeckStyle = { preset: "none", palette: [], styleWords: "" };
const ITEMS: DeckItemText[] = [
  { id: "s1", kind: "slide", title: "Quarterly revenue up 12% in EMEA", body: "" },
  { id: "s2", kind: "slide", title: "Our hiring plan", body: "Lisbon" },
];
const BACKEND = { provider: "local", model: "local-renderer", offline: true };
const withWriter = () => jsonResponse({ ...BACKEND, promptWriter: { provider: "azure-openai", model: "gpt-4o-mini" } });
const gatewayBriefs = (ids: string[]) =>
  jsonResponse({
    briefs: ids.map((id) => ({ id, prompt: `A gateway scene for ${id}, ${NO_TEXT_CLAUSE}.` })),
    writer: { provider: "azure-openai", model: "gpt-4o-mini" },
  });

/** The composition over one scripted fetch (backend status first, then the brief calls). */
function compose(script: Step[]) {
  const { fetch, calls } = scriptedFetch(script);
  const base = "https://gateway.example.com";
  const writer = createDeckPromptWriter({
    backend: createBackendStatus({ baseUrl: base, fetch }),
    gateway: new GatewayPromptWriter({ apiBaseUrl: base, fetch, sleep: async () => undefined, random: () => 0 }),
  });
  return { writer, calls };
}

const reasonText = (reason: string | undefined) => (reason ? (en.writer as Record<string, string>)[reason.replace("writer.", "")] : undefined);

test("the backend names a writer: gateway briefs, no fallback; the backend is asked once", async () => {
  const { writer, calls } = compose([withWriter(), gatewayBriefs(["s1", "s2"]), gatewayBriefs(["s1"])]);
  const written = await writer.write(ITEMS, STYLE);
  expect(written.fallback).toBeUndefined();
  expect(written.briefs.map((b) => [b.itemId, b.writer])).toEqual([
    ["s1", "gateway"],
    ["s2", "gateway"],
  ]);
  await writer.write([ITEMS[0]], STYLE);
  expect(calls.map((c) => new URL(c.url).pathname)).toEqual(["/v1/backend", "/v1/prompts/visual", "/v1/prompts/visual"]);
});

test.each([
  ["promptWriter: null", jsonResponse({ ...BACKEND, promptWriter: null })],
  ["an older gateway without the field", jsonResponse(BACKEND)],
])("the backend has no writer (%s): local briefs, reason writer.noGatewayWriter, no brief call", async (_name, answer) => {
  const { writer, calls } = compose([answer]);
  const written = await writer.write(ITEMS, STYLE);
  expect(written.briefs).toEqual(await localPromptWriter.write(ITEMS, STYLE));
  expect(written.fallback).toMatchObject({ reason: "writer.noGatewayWriter", itemIds: ["s1", "s2"] });
  expect(reasonText(written.fallback?.reason)).toMatch(/written here from the slide text/);
  expect(calls).toHaveLength(1);
});

test("the gateway fails (content filter): local briefs, reason writer.gatewayFailed with the error", async () => {
  const { writer } = compose([withWriter(), jsonResponse({ error: { code: "content_filtered", type: "content_filtered", message: "m" } }, 400)]);
  const written = await writer.write(ITEMS, STYLE);
  expect(written.briefs.every((b) => b.writer === "local")).toBe(true);
  expect(written.fallback).toMatchObject({ reason: "writer.gatewayFailed", error: { type: "content_filtered" } });
  expect(reasonText(written.fallback?.reason)).toMatch(/could not write the prompts/);
});

test("the gateway is unreachable: local briefs at once, reason writer.gatewayFailed; the next run asks the backend again", async () => {
  const down = () => Promise.reject(new TypeError("fetch failed"));
  const { writer, calls } = compose([down, withWriter(), gatewayBriefs(["s1", "s2"])]);
  expect((await writer.write(ITEMS, STYLE)).fallback).toMatchObject({ reason: "writer.gatewayFailed", itemIds: ["s1", "s2"] });
  expect(calls).toHaveLength(1);
  expect((await writer.write(ITEMS, STYLE)).fallback).toBeUndefined();
});

test("the writer was removed since the backend was read (404 prompt_writer_not_configured): reason writer.noGatewayWriter", async () => {
  const { writer } = compose([withWriter(), jsonResponse({ error: { code: "prompt_writer_not_configured", type: "not_found", message: "m" } }, 404)]);
  expect((await writer.write(ITEMS, STYLE)).fallback?.reason).toBe("writer.noGatewayWriter");
});

test("the gateway leaves an item out: that one local, reason writer.gatewayIncomplete naming it", async () => {
  const { writer } = compose([withWriter(), gatewayBriefs(["s2"])]);
  const written = await writer.write(ITEMS, STYLE);
  expect(written.briefs.map((b) => [b.itemId, b.writer])).toEqual([
    ["s1", "local"],
    ["s2", "gateway"],
  ]);
  expect(written.fallback).toEqual({ reason: "writer.gatewayIncomplete", itemIds: ["s1"] });
});

test("a cancel is not a fallback: it is thrown", async () => {
  const { writer } = compose([withWriter(), hangingStep]);
  const controller = new AbortController();
  const writing = writer.write(ITEMS, STYLE, { signal: controller.signal });
  await new Promise((resolve) => setImmediate(resolve));
  controller.abort();
  expect(await rejection(writing)).toBeInstanceOf(CancelledError);
});

test("direct mode (no gateway): local briefs, reason writer.noGatewayWriter", async () => {
  const writer = createDeckPromptWriter({ backend: createBackendStatus({}) });
  expect((await writer.write(ITEMS, STYLE)).fallback?.reason).toBe("writer.noGatewayWriter");
});
