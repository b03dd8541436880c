// The pane's reading of GET /v1/models: once, cached; FALLBACK_MODELS for an older gateway or a bad answer.
import { capabilitiesForFamily, FALLBACK_MODELS, modelEntry } from "../../../src/core/protocol/models";
import { createModelCatalog } from "../../../src/imaging/modelCatalog";

const TWO = {
  object: "list",
  data: [
    modelEntry("MAI-Image-2.6", "foundry-mai", capabilitiesForFamily("mai-image-2.6", { rpm: 6 })),
    modelEntry("gpt-image-2", "azure-openai", capabilitiesForFamily("gpt-image-2", { rpm: 9 })),
  ],
};

function fakeFetch(answers: (() => Response | Promise<Response>)[]) {
  const calls: string[] = [];
  const fn = jest.fn(async (input: RequestInfo | URL) => {
    calls.push(String(input));
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    return next();
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

test("reads the gateway's list once and shares it between callers", async () => {
  const { fetch, calls } = fakeFetch([() => new Response(JSON.stringify(TWO), { status: 200 })]);
  const catalog = createModelCatalog({ baseUrl: "https://gw.example", fetch });
  const [a, b] = await Promise.all([catalog.load(), catalog.load()]);
  expect(a).toEqual({ models: TWO, source: "gateway" });
  expect(b).toBe(a);
  expect((await catalog.load()).models.data.map((m) => m.id)).toEqual(["MAI-Image-2.6", "gpt-image-2"]);
  expect(calls).toEqual(["https://gw.example/v1/models"]);
});

test.each([
  ["an older gateway (404)", () => new Response('{"error":{"code":"not_found"}}', { status: 404 }), "not_found"],
  ["a server error", () => new Response("oops", { status: 500 }), "http_500"],
  ["not JSON", () => new Response("<html>", { status: 200 }), "invalid"],
  [
    "an OpenAI-compatible list without capabilities",
    () => new Response(JSON.stringify({ object: "list", data: [{ id: "x", object: "model" }] })),
    "invalid",
  ],
])("%s → today's one model (FALLBACK_MODELS)", async (_, answer, reason) => {
  const { fetch } = fakeFetch([answer]);
  const result = await createModelCatalog({ baseUrl: "https://gw.example", fetch }).load();
  expect(result).toEqual({ models: FALLBACK_MODELS, source: "fallback", reason });
});

test("a network failure falls back without caching it: the next load asks again", async () => {
  const { fetch, calls } = fakeFetch([
    () => Promise.reject(new TypeError("Failed to fetch")),
    () => new Response(JSON.stringify(TWO), { status: 200 }),
  ]);
  const catalog = createModelCatalog({ baseUrl: "https://gw.example", fetch });
  expect(await catalog.load()).toMatchObject({ source: "fallback", reason: "network" });
  expect(await catalog.load()).toMatchObject({ source: "gateway" });
  expect(calls).toHaveLength(2);
});

test("direct mode (no gateway) uses the fallback without a request", async () => {
  const { fetch, calls } = fakeFetch([]);
  expect(await createModelCatalog({ fetch }).load()).toMatchObject({ source: "fallback", reason: "direct" });
  expect(calls).toEqual([]);
});
