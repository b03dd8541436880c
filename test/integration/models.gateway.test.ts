// Several models behind one gateway (issue #10), end to end against strict fake upstreams per family:
// GET /v1/models, the request's model or Auto, each model's size rule, crop_to_ratio, and per-family fields.
import type { FastifyInstance } from "fastify";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { buildApp } from "../../server/gateway/app";
import { createServedModels, type ServedModels } from "../../server/gateway/servedModels";
import { parseModelList } from "../../src/core/protocol/models";
import { fakePng, startFakeUpstream, type FakeUpstream } from "../fakes/upstream/FakeUpstream";
import { API_KEY } from "./providers.helpers";

jest.setTimeout(30_000);

let app: FastifyInstance | undefined;
let base: string;
const fakes: FakeUpstream[] = [];

async function serve(models: ServedModels): Promise<void> {
  app = await buildApp({ models, allowedOrigins: ["https://localhost:3000"], logger: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function fake(api: Parameters<typeof startFakeUpstream>[0]): Promise<FakeUpstream> {
  const started = await startFakeUpstream(api);
  fakes.push(started);
  return started;
}

afterEach(async () => {
  if (app) {
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
  }
  app = undefined;
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const post = (body: unknown) =>
  fetch(`${base}/v1/images/generations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function sizeOf(b64: string): Promise<[number, number]> {
  const meta = await sharp(Buffer.from(b64, "base64")).metadata();
  return [meta.width as number, meta.height as number];
}

describe("MAI-Image-2.6 and gpt-image-2 behind one gateway (IMAGE_MODELS)", () => {
  let mai: FakeUpstream;
  let gpt: FakeUpstream;
  beforeEach(async () => {
    mai = await fake({ kind: "foundry-mai", deployment: "MAI-Image-2.6", apiKey: API_KEY, family: "mai-image-2.6" });
    gpt = await fake({ kind: "azure-openai", deployment: "gpt-image-2", apiKey: API_KEY, family: "gpt-image-2" });
    const IMAGE_MODELS = JSON.stringify([
      { provider: "foundry-mai", endpoint: mai.url, deployment: "MAI-Image-2.6", rpm: 600 },
      { provider: "azure-openai", endpoint: gpt.url, deployment: "gpt-image-2", rpm: 300 },
    ]);
    await serve(createServedModels({ IMAGE_MODELS, IMAGE_API_KEY: API_KEY }));
  });

  test("GET /v1/models lists both, with the family detected from the deployment name and each model's own budget", async () => {
    const response = await fetch(`${base}/v1/models`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.object).toBe("list");
    expect(body.data.map((m: any) => [m.id, m.object, m.owned_by, m.family, m.sizeRule.kind, m.requestsPerMinute, m.transparentBackground])).toEqual([
      ["MAI-Image-2.6", "model", "foundry-mai", "mai-image-2.6", "mai", 600, false],
      ["gpt-image-2", "model", "azure-openai", "gpt-image-2", "multiple", 300, true],
    ]);
    // The pane's parser keeps every entry: the gateway's list is what the pane reads.
    expect(parseModelList(body)?.data.map((m) => m.id)).toEqual(["MAI-Image-2.6", "gpt-image-2"]);
  });

  test("model picks the deployment: gpt-image-2 gets 2048x1152 exactly; MAI-Image-2.6 gets width/height 2048×1152 (over 2.5's cap)", async () => {
    const toGpt = await post({ prompt: "A harbour", model: "gpt-image-2", size: "2048x1152" });
    expect(toGpt.status).toBe(200);
    const gptBody = await toGpt.json();
    expect(gptBody.backend).toMatchObject({ provider: "azure-openai", model: "gpt-image-2" });
    expect(await sizeOf(gptBody.data[0].b64_json)).toEqual([2048, 1152]);
    expect(gpt.requests.map((r) => r.body.size)).toEqual(["2048x1152"]);

    const toMai = await post({ prompt: "A harbour", model: "MAI-Image-2.6", size: "2048x1152" });
    expect(toMai.status).toBe(200);
    expect((await toMai.json()).backend).toMatchObject({ provider: "foundry-mai", model: "MAI-Image-2.6" });
    expect(mai.requests.map((r) => [r.body.width, r.body.height])).toEqual([[2048, 1152]]);
    // web_grounding is never sent unless MAI_WEB_GROUNDING=true; auto_aspect_ratio is not asked for.
    expect(mai.requests[0]?.body).not.toHaveProperty("web_grounding");
    expect([...mai.violations, ...gpt.violations]).toEqual([]);
  });

  test("an unknown model → 400 unknown_model listing the valid ones; nothing is forwarded", async () => {
    const response = await post({ prompt: "A harbour", model: "dall-e-3" });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: "unknown_model", param: "model" });
    expect(error.message).toContain("MAI-Image-2.6, gpt-image-2, auto");
    expect(mai.requests.length + gpt.requests.length).toBe(0);
  });

  test("a size the model's rule refuses → 400 invalid_size stating the rule, never forwarded", async () => {
    const odd = await post({ prompt: "A harbour", model: "gpt-image-2", size: "1000x1000" });
    expect(odd.status).toBe(400);
    const { error } = await odd.json();
    expect(error).toMatchObject({ code: "invalid_size", param: "size" });
    expect(error.message).toMatch(/gpt-image-2 \(a side is not a multiple of 16\).*multiples of 16 px/);
    const huge = await post({ prompt: "A harbour", model: "MAI-Image-2.6", size: "3072x1024" });
    expect(huge.status).toBe(400);
    expect((await huge.json()).error.message).toMatch(/over 2,359,296 pixels/);
    expect(mai.requests.length + gpt.requests.length).toBe(0);
  });

  test("Auto: a transparent background goes to the model that can (gpt-image-2); otherwise the first idle model (MAI)", async () => {
    const transparent = await post({ prompt: "An icon of a key", background: "transparent", output_format: "png" });
    expect(transparent.status).toBe(200);
    expect((await transparent.json()).backend.model).toBe("gpt-image-2");
    expect(gpt.requests[0]?.body).toMatchObject({ background: "transparent", output_format: "png" });
    const plain = await post({ prompt: "A harbour", model: "auto" });
    expect((await plain.json()).backend.model).toBe("MAI-Image-2.6");
    // Naming a model that cannot do the job is refused, naming the ones that can.
    const cannot = await post({ prompt: "An icon", model: "MAI-Image-2.6", background: "transparent" });
    expect(cannot.status).toBe(400);
    expect((await cannot.json()).error).toMatchObject({ code: "model_cannot", message: expect.stringContaining("gpt-image-2") });
  });

  test("n = 3 on MAI is three parallel single calls, each within MAI's rule", async () => {
    const response = await post({ prompt: "A harbour", model: "MAI-Image-2.6", n: 3, size: "1024x1024" });
    expect(response.status).toBe(200);
    expect((await response.json()).data).toHaveLength(3);
    expect(mai.requests).toHaveLength(3);
    expect(mai.requests.every((r) => r.body.n === undefined && r.body.width === 1024)).toBe(true);
    expect(mai.violations).toEqual([]);
  });

  test("crop_to_ratio: the gateway centre-crops the finished picture to the exact ratio (1536×1024 → 3:1 is 1536×512)", async () => {
    const response = await post({ prompt: "A banner", model: "gpt-image-2", size: "1536x1024", crop_to_ratio: 3 });
    expect(response.status).toBe(200);
    expect(await sizeOf((await response.json()).data[0].b64_json)).toEqual([1536, 512]);
    expect(gpt.requests[0]?.body).not.toHaveProperty("crop_to_ratio");
    const beyond = await post({ prompt: "A banner", model: "gpt-image-2", size: "1536x1024", crop_to_ratio: 10 });
    expect(beyond.status).toBe(400);
    expect((await beyond.json()).error.code).toBe("invalid_crop_to_ratio");
  });

  test("crop_to_ratio without size (a pane on Auto): the chosen model's own size for it, cropped when not exact", async () => {
    // Auto goes to MAI-Image-2.6 (first, idle): 16:9 is exact within its rule, no crop.
    const wide = await post({ prompt: "A slide", crop_to_ratio: 16 / 9 });
    expect(wide.status).toBe(200);
    const [w, h] = await sizeOf((await wide.json()).data[0].b64_json);
    expect(Math.abs(w / h - 16 / 9)).toBeLessThan(0.01);
    expect(mai.requests[0]?.body).toMatchObject({ width: w, height: h });
    // A 4:1 banner on gpt-image-2 (widest 3:1): clamped to 3:1, asked exactly.
    const banner = await post({ prompt: "A banner", model: "gpt-image-2", crop_to_ratio: 4 });
    expect(banner.status).toBe(200);
    const [bw, bh] = await sizeOf((await banner.json()).data[0].b64_json);
    expect(bw / bh).toBeCloseTo(3, 2);
    expect([...mai.violations, ...gpt.violations]).toEqual([]);
  });

  test("an edit on gpt-image-2 drops input_fidelity (the model answers 400 to it); the strict fake sees none", async () => {
    const form = new FormData();
    form.set("image", new Blob([new Uint8Array(await fakePng(1536, 1024))], { type: "image/png" }), "image.png");
    form.set("prompt", "Make it dusk");
    form.set("model", "gpt-image-2");
    form.set("input_fidelity", "high");
    const response = await fetch(`${base}/v1/images/edits`, { method: "POST", body: form });
    expect(response.status).toBe(200);
    expect(gpt.requests[0]?.body).not.toHaveProperty("input_fidelity");
    // No size: the model's allowed size of the picture's own 3:2 shape nearest its preferred pixel count.
    expect(gpt.requests[0]?.body.size).toBe("1872x1248");
    expect(gpt.violations).toEqual([]);
  });
});

describe("one model per family (IMAGE_PROVIDER + IMAGE_DEPLOYMENT + IMAGE_MODEL_FAMILY)", () => {
  test("gpt-image-1.5: its three sizes only; 2048x1152 is refused with the list", async () => {
    const upstream = await fake({ kind: "azure-openai", deployment: "img-prod", apiKey: API_KEY, family: "gpt-image-1.5" });
    const env = { IMAGE_PROVIDER: "azure-openai", IMAGE_ENDPOINT: upstream.url, IMAGE_DEPLOYMENT: "img-prod", IMAGE_API_KEY: API_KEY };
    // A name that tells nothing: the gateway refuses to guess a size rule.
    expect(() => createServedModels(env)).toThrow(/set IMAGE_MODEL_FAMILY/);
    const served = createServedModels({ ...env, IMAGE_MODEL_FAMILY: "gpt-image-1.5" });
    expect(served.models[0]).toMatchObject({ familySource: "configured", entry: { id: "img-prod", family: "gpt-image-1.5" } });
    await serve(served);
    const refused = await post({ prompt: "A harbour", size: "2048x1152" });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toContain("one of 1024x1024, 1536x1024, 1024x1536");
    const ok = await post({ prompt: "A harbour", size: "1536x1024", quality: "medium" });
    expect(ok.status).toBe(200);
    expect(upstream.requests.map((r) => r.body.size)).toEqual(["1536x1024"]);
    expect(upstream.violations).toEqual([]);
  });

  test("MAI-Image-2.5: 1 MP cap (2048x1152 refused, 1360x768 sent as is); MAI_WEB_GROUNDING=true sends web_grounding", async () => {
    const upstream = await fake({ kind: "foundry-mai", deployment: "MAI-Image-2.5-Flash", apiKey: API_KEY, family: "mai-image-2.5" });
    const served = createServedModels({
      IMAGE_PROVIDER: "foundry-mai",
      IMAGE_ENDPOINT: upstream.url,
      IMAGE_DEPLOYMENT: "MAI-Image-2.5-Flash",
      IMAGE_API_KEY: API_KEY,
      MAI_WEB_GROUNDING: "true",
    });
    expect(served.models[0]).toMatchObject({ familySource: "detected", entry: { family: "mai-image-2.5", requestsPerMinute: 6 } });
    await serve(served);
    const refused = await post({ prompt: "A harbour", size: "2048x1152" });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(/mai-image-2.5 \(over 1,048,576 pixels\)/);
    const ok = await post({ prompt: "A harbour", size: "1360x768" });
    expect(ok.status).toBe(200);
    expect(upstream.requests.map((r) => [r.body.width, r.body.height, r.body.web_grounding])).toEqual([[1360, 768, true]]);
    expect(upstream.violations).toEqual([]);
  });

  test("malformed IMAGE_MODELS, duplicate ids and an unknown IMAGE_PHOTO_MODEL stop the gateway with the reason", () => {
    expect(() => createServedModels({ IMAGE_MODELS: "[{" })).toThrow(/IMAGE_MODELS must be a JSON array/);
    expect(() => createServedModels({ IMAGE_MODELS: JSON.stringify([{ provider: "local", colour: "red" }]) })).toThrow(/unknown field "colour"/);
    expect(() => createServedModels({ IMAGE_MODELS: JSON.stringify([{ provider: "local" }, { provider: "local" }]) })).toThrow(
      /two models are named/,
    );
    expect(() => createServedModels({ IMAGE_MODELS: JSON.stringify([{ provider: "local" }]), IMAGE_PHOTO_MODEL: "nope" })).toThrow(
      /IMAGE_PHOTO_MODEL "nope"/,
    );
  });
});
