// Every upstream error form of image-api.md → one normalized error; retries (429 with retry-after-ms, 5xx,
// network) and never a content filter; timeout and cancel stop the upstream request.
import { AzureOpenAIProvider } from "../../server/providers/azure-openai/AzureOpenAIProvider";
import { FoundryMaiProvider } from "../../server/providers/foundry-mai/FoundryMaiProvider";
import type { ErrorAnswerName } from "../fakes/upstream/answers";
import { startFakeUpstream, type FakeUpstream } from "../fakes/upstream/FakeUpstream";
import { API_KEY, generateRequest, rejectionOf, testClient, until } from "./providers.helpers";

// Generous: a loaded CI machine encodes the fake's PNGs slowly.
jest.setTimeout(30_000);

const DEPLOYMENT = "gpt-image-1";
let fake: FakeUpstream;
let provider: AzureOpenAIProvider;

beforeAll(async () => {
  fake = await startFakeUpstream({ kind: "azure-openai", deployment: DEPLOYMENT, apiVersion: "2025-04-01-preview", apiKey: API_KEY });
  provider = new AzureOpenAIProvider({ endpoint: fake.url, deployment: DEPLOYMENT, apiVersion: "2025-04-01-preview", client: testClient() });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.delayMs = 0;
});

const generate = () => provider.generate(generateRequest(), { signal: new AbortController().signal });

/** [answer, status to the pane, code, type, categories?] — not retried. */
const FINAL: [ErrorAnswerName, number, string, string, string[]?][] = [
  ["contentFilterInnerError", 400, "content_filtered", "content_filtered", ["violence"]],
  ["contentFilterInnererror", 400, "content_filtered", "content_filtered", ["self_harm"]],
  ["contentFilterCamel", 400, "content_filtered", "content_filtered", []],
  ["moderationBlocked", 400, "content_filtered", "content_filtered", []],
  ["responsibleAiOnly", 400, "content_filtered", "content_filtered", []],
  ["badRequest", 400, "bad_request", "bad_request"],
  ["unauthorized", 502, "upstream_unauthorized", "unauthorized"],
  ["forbiddenRole", 502, "upstream_forbidden", "forbidden"],
  ["suspended", 503, "suspended", "suspended"],
  ["deploymentNotFound", 502, "not_found", "not_found"],
];

test.each(FINAL)("%s → %i %s, sent once (no retry)", async (...[answer, status, code, type, categories]) => {
  fake.next({ kind: "error", answer });
  const error = await rejectionOf(generate());
  expect(error).toMatchObject({ statusCode: status, code, type });
  if (categories) expect(error.details.categories).toEqual(categories);
  expect(error.message).not.toMatch(/Principal|subscription key|safety system/); // upstream text stays out
  expect(fake.requests).toHaveLength(1);
});

test.each<ErrorAnswerName>(["rateLimited", "requestTimeout", "conflict", "serverError", "serviceUnavailable"])(
  "%s is retried and the retry succeeds",
  async (answer) => {
    fake.next({ kind: "error", answer });
    const images = await generate();
    expect(images).toHaveLength(1);
    expect(fake.requests).toHaveLength(2);
  },
);

test("429 honours retry-after-ms (150 ms) over retry-after (1 s) and backoff", async () => {
  fake.next({ kind: "error", answer: "rateLimited" });
  await generate();
  const gap = fake.requests[1].at - fake.requests[0].at;
  expect(gap).toBeGreaterThanOrEqual(145);
  expect(gap).toBeLessThan(900);
});

test("429 with only retry-after waits the seconds", async () => {
  fake.next({ kind: "error", answer: "rateLimitedSeconds" });
  await generate();
  expect(fake.requests[1].at - fake.requests[0].at).toBeGreaterThanOrEqual(990);
});

test("429 three times → rate_limited with retryAfterMs, after 1 + 2 retries", async () => {
  fake.next(...Array.from({ length: 3 }, () => ({ kind: "error" as const, answer: "rateLimited" as const })));
  const error = await rejectionOf(generate());
  expect(error).toMatchObject({ statusCode: 429, code: "rate_limited", type: "rate_limited" });
  expect(error.details.retryAfterMs).toBe(150);
  expect(fake.requests).toHaveLength(3);
});

test("5xx every time → upstream_unavailable after 2 retries", async () => {
  fake.next(...Array.from({ length: 3 }, () => ({ kind: "error" as const, answer: "serverError" as const })));
  const error = await rejectionOf(generate());
  expect(error).toMatchObject({ statusCode: 502, code: "upstream_unavailable", type: "upstream_unavailable" });
  expect(fake.requests).toHaveLength(3);
});

test("no answer at all (connection refused) → upstream_unavailable after retries", async () => {
  const dead = new AzureOpenAIProvider({ endpoint: "http://127.0.0.1:9", deployment: DEPLOYMENT, client: testClient() });
  const error = await rejectionOf(dead.generate(generateRequest(), { signal: new AbortController().signal }));
  expect(error).toMatchObject({ code: "upstream_unavailable", type: "upstream_unavailable" });
});

test("cancel mid-generation aborts the upstream request → cancelled", async () => {
  fake.next({ kind: "hang" });
  const controller = new AbortController();
  const pending = rejectionOf(provider.generate(generateRequest(), { signal: controller.signal }));
  await until(() => fake.requests.length === 1);
  controller.abort();
  expect(await pending).toMatchObject({ code: "cancelled", type: "cancelled" });
  await until(() => fake.requests[0].aborted);
  expect(fake.requests).toHaveLength(1); // no retry after a cancel
});

test("cancel while MAI makes n calls aborts every one", async () => {
  const mai = await startFakeUpstream({ kind: "foundry-mai", deployment: "MAI-Image-2", apiKey: API_KEY });
  try {
    mai.next({ kind: "hang" }, { kind: "hang" });
    const controller = new AbortController();
    const maiProvider = new FoundryMaiProvider({ endpoint: mai.url, deployment: "MAI-Image-2", client: testClient() });
    const pending = rejectionOf(maiProvider.generate(generateRequest({ n: 2 }), { signal: controller.signal }));
    await until(() => mai.requests.length === 2);
    controller.abort();
    expect(await pending).toMatchObject({ code: "cancelled" });
    await until(() => mai.requests.every((r) => r.aborted));
  } finally {
    await mai.close();
  }
});

test("the generation timeout aborts the upstream request → timeout", async () => {
  fake.next({ kind: "hang" });
  const quick = new AzureOpenAIProvider({
    endpoint: fake.url,
    deployment: DEPLOYMENT,
    apiVersion: "2025-04-01-preview",
    client: testClient({ timeoutMs: 200 }),
  });
  const error = await rejectionOf(quick.generate(generateRequest(), { signal: new AbortController().signal }));
  expect(error).toMatchObject({ statusCode: 504, code: "timeout", type: "timeout" });
  await until(() => fake.requests[0].aborted);
  expect(fake.requests).toHaveLength(1);
});

test("an abort reason that is an Error (e.g. the gateway's handler timeout) is thrown as it is", async () => {
  fake.next({ kind: "hang" });
  const controller = new AbortController();
  const pending = rejectionOf(provider.generate(generateRequest(), { signal: controller.signal }));
  await until(() => fake.requests.length === 1);
  const reason = Object.assign(new Error("handler timed out"), { code: "FST_ERR_HANDLER_TIMEOUT" });
  controller.abort(reason);
  expect(await pending).toBe(reason);
});
