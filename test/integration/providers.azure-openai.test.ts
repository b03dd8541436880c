// Contract of the Azure OpenAI provider against a strict fake: deployment path vs v1 path, gpt-image fields,
// streaming partials (and a mid-stream error, a cut stream), edits with a mask.
import { AzureOpenAIProvider } from "../../server/providers/azure-openai/AzureOpenAIProvider";
import { createRemoteProvider } from "../../server/providers/upstream/remoteProvider";
import { fakePng, startFakeUpstream, type FakeUpstream } from "../fakes/upstream/FakeUpstream";
import { API_KEY, drain, generateRequest, rejectionOf, testClient } from "./providers.helpers";
import { decoded } from "../support/pictures";

// Generous: a loaded CI machine encodes the fake's PNGs slowly.
jest.setTimeout(30_000);

const DEPLOYMENT = "gpt-image-1";
const API_VERSION = "2025-04-01-preview";
const signal = () => new AbortController().signal;

describe("deployment path (IMAGE_API_VERSION set)", () => {
  let fake: FakeUpstream;
  let provider: AzureOpenAIProvider;
  beforeAll(async () => {
    fake = await startFakeUpstream({ kind: "azure-openai", deployment: DEPLOYMENT, apiVersion: API_VERSION, apiKey: API_KEY });
    provider = new AzureOpenAIProvider({ endpoint: fake.url, deployment: DEPLOYMENT, apiVersion: API_VERSION, client: testClient() });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
  });

  test("generations: one call with n, size, quality (always), output_format; no model in the body", async () => {
    const images = await provider.generate(generateRequest({ n: 3 }), { signal: signal(), userId: "u1" });
    expect(fake.violations).toEqual([]);
    expect(fake.requests).toHaveLength(1);
    const seen = fake.requests[0];
    expect(seen.path).toBe(`/openai/deployments/${DEPLOYMENT}/images/generations`);
    expect(seen.query).toEqual({ "api-version": API_VERSION });
    expect(seen.body).toEqual({
      prompt: "A lighthouse at dusk",
      n: 3,
      size: "1536x1024",
      quality: "auto",
      output_format: "png",
      user: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(images).toHaveLength(3);
    expect(images[0].revised_prompt).toBe("A picture of A lighthouse at dusk");
    expect(await decoded(images[0].b64_json)).toEqual({ format: "png", width: 1536, height: 1024 });
  });

  test("jpeg with output_compression and an opaque background are passed on", async () => {
    const [image] = await provider.generate(
      { ...generateRequest({ outputFormat: "jpeg", quality: "high" }), outputCompression: 70, background: "opaque" },
      { signal: signal() },
    );
    expect(fake.violations).toEqual([]);
    expect(fake.requests[0].body).toMatchObject({ output_format: "jpeg", output_compression: 70, background: "opaque", quality: "high" });
    expect((await decoded(image.b64_json)).format).toBe("jpeg");
  });

  test("a transparent background with jpeg is refused before any call", async () => {
    const error = await rejectionOf(
      provider.generate({ ...generateRequest({ outputFormat: "jpeg" }), background: "transparent" }, { signal: signal() }),
    );
    expect(error).toMatchObject({ statusCode: 400, code: "invalid_background", type: "bad_request" });
    expect(fake.requests).toHaveLength(0);
  });

  test("streaming: stream + partial_images → partial events, then completed", async () => {
    const { events, error } = await drain(provider.generateStream({ ...generateRequest(), partialImages: 2 }, { signal: signal() }));
    expect(error).toBeUndefined();
    expect(fake.violations).toEqual([]);
    expect(fake.requests[0].body).toMatchObject({ stream: true, partial_images: 2, n: 1 });
    expect(fake.requests[0].headers.accept).toBe("text/event-stream");
    expect(events.map((e) => (e.type === "partial" ? `partial ${e.index}` : e.type))).toEqual(["partial 0", "partial 1", "completed"]);
    const completed = events[2];
    expect(await decoded(completed.b64_json)).toEqual({ format: "png", width: 1536, height: 1024 });
  });

  test("streaming: an error event mid-stream ends it with content_filtered and the categories", async () => {
    fake.next({ kind: "stream-error" });
    const { events, error } = await drain(provider.generateStream({ ...generateRequest(), partialImages: 2 }, { signal: signal() }));
    expect(events.map((e) => e.type)).toEqual(["partial"]);
    expect(error).toMatchObject({ code: "content_filtered", type: "content_filtered", statusCode: 400 });
    expect(error?.details.categories).toEqual(["sexual"]);
  });

  test("streaming: a data object with `error` (no event name) is a failure too", async () => {
    fake.next({ kind: "stream-error", error: { code: "server_error", message: "boom" }, unnamed: true });
    const { error } = await drain(provider.generateStream({ ...generateRequest(), partialImages: 1 }, { signal: signal() }));
    expect(error).toMatchObject({ code: "upstream_stream_error", type: "upstream_unavailable" });
  });

  test("streaming: a stream cut off after a partial is upstream_invalid_response, not a hang", async () => {
    fake.next({ kind: "stream-cut" });
    const { events, error } = await drain(provider.generateStream({ ...generateRequest(), partialImages: 2 }, { signal: signal() }));
    expect(events.map((e) => e.type)).toEqual(["partial"]);
    expect(error).toMatchObject({ code: "upstream_invalid_response", type: "upstream_unavailable" });
  });

  test("edits: multipart image + mask + prompt + input_fidelity", async () => {
    const image = await fakePng(1024, 1024, 3);
    const mask = await fakePng(1024, 1024, 4);
    const [edited] = await provider.edit(
      {
        ...generateRequest({ apiSize: "1024x1024", size: { widthPx: 1024, heightPx: 1024 } }),
        image: { bytes: image, mimeType: "image/png" },
        mask: { bytes: mask },
        inputFidelity: "high",
      },
      { signal: signal() },
    );
    expect(fake.violations).toEqual([]);
    const seen = fake.requests[0];
    expect(seen.path).toBe(`/openai/deployments/${DEPLOYMENT}/images/edits`);
    expect(seen.body).toMatchObject({ prompt: "A lighthouse at dusk", n: "1", size: "1024x1024", quality: "auto", input_fidelity: "high" });
    expect(seen.body.model).toBeUndefined();
    expect(seen.files.image.bytes.equals(image)).toBe(true);
    expect(seen.files.mask.bytes.equals(mask)).toBe(true);
    expect(await decoded(edited.b64_json)).toMatchObject({ width: 1024, height: 1024 });
  });

  test("the fake is strict: model in the body on the deployment path, webp, and a missing quality are refused", async () => {
    const post = (body: unknown) =>
      fetch(`${fake.url}/openai/deployments/${DEPLOYMENT}/images/generations?api-version=${API_VERSION}`, {
        method: "POST",
        headers: { "content-type": "application/json", "api-key": API_KEY },
        body: JSON.stringify(body),
      });
    const base = { prompt: "x", n: 1, size: "1024x1024", quality: "low" };
    expect((await (await post({ ...base, model: DEPLOYMENT })).json()).error.message).toMatch(/model must not be in the body/);
    expect((await (await post({ ...base, output_format: "webp" })).json()).error.message).toMatch(/output_format/);
    expect((await (await post({ prompt: "x", n: 1, size: "1024x1024" })).json()).error.message).toMatch(/missing quality/);
    expect(fake.violations).toHaveLength(3);
  });
});

describe("v1 path (no IMAGE_API_VERSION)", () => {
  let fake: FakeUpstream;
  beforeAll(async () => {
    fake = await startFakeUpstream({ kind: "azure-openai", deployment: DEPLOYMENT, apiKey: API_KEY });
  });
  afterAll(() => fake.close());

  test("POST {endpoint}/openai/v1/images/generations with model = deployment; configured from the environment", async () => {
    const provider = createRemoteProvider("azure-openai", { IMAGE_ENDPOINT: fake.url, IMAGE_DEPLOYMENT: DEPLOYMENT, IMAGE_API_KEY: API_KEY });
    expect(provider.info).toEqual({ provider: "azure-openai", model: DEPLOYMENT, offline: false, streaming: true });
    const images = await provider.generate(generateRequest({ apiSize: "1024x1536", size: { widthPx: 1024, heightPx: 1536 } }), { signal: signal() });
    expect(fake.violations).toEqual([]);
    expect(fake.requests[0].path).toBe("/openai/v1/images/generations");
    expect(fake.requests[0].query).toEqual({});
    expect(fake.requests[0].body).toMatchObject({ model: DEPLOYMENT, size: "1024x1536", quality: "auto" });
    expect(await decoded(images[0].b64_json)).toMatchObject({ width: 1024, height: 1536 });
  });
});
