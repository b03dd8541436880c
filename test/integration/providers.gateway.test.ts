// The gateway's issue-#4 routes end to end over HTTP on 127.0.0.1: `stream: true` as Server-Sent Events (local
// previews, Azure partials and mid-stream errors, MAI without partials, queue events), `/v1/images/edits`, the
// queue header, and provenance in what the pane receives.
import sharp from "sharp";
import { buildApp } from "../../server/gateway/app";
import { QUEUE_HEADER } from "../../server/gateway/runProviderCall";
import { readProvenance } from "../../server/postprocess/provenance";
import { createProvider } from "../../server/gateway/createProvider";
import type { ImageProvider } from "../../server/providers/Provider";
import { readServerSentEvents } from "../../src/core/protocol/serverSentEvents";
import { fakePng, startFakeUpstream, type FakeUpstream } from "../fakes/upstream/FakeUpstream";
import { API_KEY, until } from "./providers.helpers";
import { listenOnFreePort, type Served } from "../support/servers";

jest.setTimeout(30_000);

async function serve(provider: ImageProvider): Promise<Served> {
  const app = await buildApp({ provider, allowedOrigins: ["https://localhost:3000"], logger: false });
  return listenOnFreePort(app);
}

/** POSTs JSON and reads the SSE answer into `[event, data]` pairs. */
async function streamEvents(base: string, body: unknown, signal?: AbortSignal): Promise<[string, any][]> {
  const response = await fetch(`${base}/v1/images/generations`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify(body),
    signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const events: [string, any][] = [];
  for await (const message of readServerSentEvents(response.body as ReadableStream<Uint8Array>, {
    tooLarge: (max) => new Error(`event over ${max} characters`),
  })) {
    events.push([message.event ?? "message", JSON.parse(message.data)]);
  }
  return events;
}

/** POSTs `/v1/images/edits` as multipart: `image` and `mask` PNG files, the other fields as text. */
function postEdit(base: string, image: Buffer, mask: Buffer, fields: Record<string, string>): Promise<Response> {
  const form = new FormData();
  form.set("image", new Blob([new Uint8Array(image)], { type: "image/png" }), "image.png");
  form.set("mask", new Blob([new Uint8Array(mask)], { type: "image/png" }), "mask.png");
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return fetch(`${base}/v1/images/edits`, { method: "POST", body: form });
}

async function xmpOf(b64: string): Promise<ReturnType<typeof readProvenance>> {
  const meta = await sharp(Buffer.from(b64, "base64")).metadata();
  return readProvenance(meta.xmp?.toString("utf8") ?? "");
}

describe("local provider (IMAGE_PROVIDER=local)", () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve(createProvider("local", {}));
  });
  afterAll(() => served.close());

  test("GET /v1/backend says the local renderer streams", async () => {
    expect(await (await fetch(`${served.base}/v1/backend`)).json()).toEqual({
      provider: "local",
      model: "local-renderer",
      offline: true,
      streaming: true,
      promptWriter: null,
    });
  });

  test("background transparent (issue #10): /v1/models says it can; the picture is an RGBA PNG with clear corners, never turned into JPEG", async () => {
    const models = await (await fetch(`${served.base}/v1/models`)).json();
    expect(models.data).toHaveLength(1);
    expect(models.data[0]).toMatchObject({ family: "local", transparentBackground: true, offline: true });

    for (const stream of [false, true]) {
      const body = {
        prompt: "A misty mountain lake at dawn",
        size: "1536x1024",
        background: "transparent",
        output_format: "png",
        seed: 5,
        ...(stream ? { stream: true, partial_images: 1 } : {}),
      };
      const b64: string = stream
        ? (await streamEvents(served.base, body)).at(-1)![1].b64_json
        : (
            await (
              await fetch(`${served.base}/v1/images/generations`, {
                method: "POST",
                headers: { "content-type": "application/json" },
                body: JSON.stringify(body),
              })
            ).json()
          ).data[0].b64_json;
      const bytes = Buffer.from(b64, "base64");
      // Big enough for the gateway's JPEG transcoding (≥ 100 KiB) — which never applies to a picture with alpha.
      expect(bytes.length).toBeGreaterThan(100 * 1024);
      expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(bytes[25]).toBe(6); // IHDR colour type 6: RGBA
      const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height, info.channels]).toEqual([1536, 1024, 4]);
      expect(data[3]).toBe(0); // top-left corner fully transparent
      expect(data[(512 * 1536 + 768) * 4 + 3]).toBe(255); // centre opaque
    }

    const refused = await fetch(`${served.base}/v1/images/generations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt: "A kite", background: "transparent", output_format: "jpeg" }),
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: "invalid_background", param: "background" });
  });

  test("stream: true → blurred low-resolution previews first, then the picture with algorithmicMedia provenance", async () => {
    const events = await streamEvents(served.base, {
      prompt: "A misty mountain lake at dawn",
      size: "1536x1024",
      stream: true,
      partial_images: 2,
      seed: 3,
    });
    expect(events.map(([name]) => name)).toEqual(["image_generation.partial_image", "image_generation.partial_image", "image_generation.completed"]);
    const widths = await Promise.all(
      events.slice(0, 2).map(async ([, data]) => (await sharp(Buffer.from(data.b64_json, "base64")).metadata()).width),
    );
    expect(widths[0]).toBeLessThan(widths[1] as number);
    expect(widths[1]).toBeLessThan(1536);
    const [, completed] = events[2];
    expect(completed.backend).toMatchObject({ provider: "local", offline: true });
    const meta = await sharp(Buffer.from(completed.b64_json, "base64")).metadata();
    expect([meta.width, meta.height]).toEqual([1536, 1024]);
    expect(await xmpOf(completed.b64_json)).toEqual({
      digitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia",
      creatorTool: "Illustrate (local: local-renderer)",
    });
  });

  test("edits: the scene goes only where the mask is transparent; the rest of the picture is kept", async () => {
    const red = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: "#ff0000" } })
      .png()
      .toBuffer();
    // Left half opaque (keep), right half transparent (change).
    const half = await sharp({ create: { width: 512, height: 1024, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } })
      .png()
      .toBuffer();
    const mask = await sharp({ create: { width: 1024, height: 1024, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: half, left: 0, top: 0 }])
      .png()
      .toBuffer();
    // A fixed seed: an unseeded scene is random (a dark one once failed a colour bound that assumed a bright one).
    const response = await postEdit(served.base, red, mask, { prompt: "A green forest with a river", output_format: "png", seed: "7" });
    expect(response.status).toBe(200);
    const bytes = Buffer.from((await response.json()).data[0].b64_json, "base64");
    // stats() reads its input, not the pipeline: cut the half out first.
    const region = async (left: number) =>
      (await sharp(await sharp(bytes).extract({ left, top: 0, width: 512, height: 1024 }).toBuffer()).stats()).channels.map((c) =>
        Math.round(c.mean),
      );
    const kept = await region(0);
    // Unchanged red, within JPEG rounding (post-processing may transcode the opaque result).
    kept.forEach((value, channel) => expect(Math.abs(value - [255, 0, 0][channel])).toBeLessThanOrEqual(3));
    const changed = await region(512);
    expect(changed).not.toEqual([255, 0, 0]);
    // Far from the red it was (a scene, whatever its colours: a dark one is still not red).
    expect(Math.hypot(changed[0]! - 255, changed[1]!, changed[2]!)).toBeGreaterThan(100);
  });

  test("edits: an unknown field (a typo, or the first of 20,000 junk fields) → 400 unknown_parameter naming it", async () => {
    const red = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#ff0000" } })
      .png()
      .toBuffer();
    const mask = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const typo = await postEdit(served.base, red, mask, { prompt: "A forest", quallity: "high" });
    expect(typo.status).toBe(400);
    expect((await typo.json()).error).toEqual({
      code: "unknown_parameter",
      type: "bad_request",
      message: "Unknown parameter: 'quallity'.",
      param: "quallity",
    });
    const junk: Record<string, string> = { prompt: "A forest" };
    for (let i = 0; i < 20_000; i++) junk[`junk_field_${i}`] = "x".repeat(30);
    const flooded = await postEdit(served.base, red, mask, junk);
    expect(flooded.status).toBe(400);
    expect((await flooded.json()).error).toMatchObject({ code: "unknown_parameter", param: "junk_field_0" });
  });

  test("edits: the text fields follow the generations' rules (n as text is coerced, then checked)", async () => {
    const red = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#ff0000" } })
      .png()
      .toBuffer();
    const mask = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const tooMany = await postEdit(served.base, red, mask, { prompt: "A forest", n: "9" });
    expect((await tooMany.json()).error).toMatchObject({ code: "invalid_n", param: "n" });
    const badQuality = await postEdit(served.base, red, mask, { prompt: "A forest", quality: "ultra" });
    expect((await badQuality.json()).error).toMatchObject({ code: "invalid_quality", param: "quality" });
    const blank = await postEdit(served.base, red, mask, { prompt: "  " });
    expect((await blank.json()).error).toMatchObject({ code: "missing_prompt", param: "prompt" });
  });

  test("invalid partial_images is a 400 JSON error before any stream", async () => {
    const response = await fetch(`${served.base}/v1/images/generations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt: "x", stream: true, partial_images: 9 }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_partial_images");
  });
});

describe("azure-openai through the gateway", () => {
  // Each test gets its own fake upstream and gateway (its own queue and budget): an earlier test's requests
  // never hold a slot that makes this one's stream start with `queue` events.
  let fake: FakeUpstream;
  let served: Served;
  beforeEach(async () => {
    fake = await startFakeUpstream({ kind: "azure-openai", deployment: "gpt-image-1", apiKey: API_KEY });
    served = await serve(
      createProvider("azure-openai", { IMAGE_ENDPOINT: fake.url, IMAGE_DEPLOYMENT: "gpt-image-1", IMAGE_API_KEY: API_KEY, IMAGE_RPM: "600" }),
    );
  });
  afterEach(async () => {
    await served.close();
    await fake.close();
  });

  test("partial images pass through as they arrive; the final one carries trainedAlgorithmicMedia and the deployment", async () => {
    const events = await streamEvents(served.base, { prompt: "A red kite over dunes", stream: true, partial_images: 3 });
    expect(fake.violations).toEqual([]);
    const images = events.filter(([name]) => name !== "queue");
    expect(images.map(([name, data]) => (name.endsWith("partial_image") ? data.partial_image_index : name))).toEqual([
      0,
      1,
      2,
      "image_generation.completed",
    ]);
    expect(await xmpOf(images[3][1].b64_json)).toEqual({
      digitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
      creatorTool: "Illustrate (azure-openai: gpt-image-1)",
    });
  });

  test("output_compression and background reach Azure; a transparent JPEG is refused with invalid_background", async () => {
    const post = (body: unknown) =>
      fetch(`${served.base}/v1/images/generations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const ok = await post({ prompt: "A kite", output_format: "jpeg", output_compression: 60, background: "opaque" });
    expect(ok.status).toBe(200);
    expect(fake.requests[fake.requests.length - 1].body).toMatchObject({ output_format: "jpeg", output_compression: 60, background: "opaque" });
    const before = fake.requests.length;
    const refused = await post({ prompt: "A kite", output_format: "jpeg", background: "transparent" });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: "invalid_background", param: "background" });
    expect(fake.requests.length).toBe(before);
  });

  test("b64_json sent as a data:image/png;base64, URL: the prefix is stripped, the bytes checked, the picture answered", async () => {
    fake.next({ kind: "success", dataUrl: true });
    const response = await fetch(`${served.base}/v1/images/generations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt: "A kite", size: "1024x1024" }),
    });
    expect(response.status).toBe(200);
    const [image] = (await response.json()).data;
    expect(image.b64_json).not.toMatch(/^data:/);
    // A whole picture of the asked size (post-processing may transcode the opaque PNG to JPEG).
    const meta = await sharp(Buffer.from(image.b64_json, "base64"), { failOn: "error" }).metadata();
    expect([meta.width, meta.height]).toEqual([1024, 1024]);
    expect(["png", "jpeg"]).toContain(meta.format);
  });

  test("a stream whose b64_json carry a data: prefix reaches the pane as raw base64", async () => {
    fake.next({ kind: "stream", dataUrl: true });
    const events = (await streamEvents(served.base, { prompt: "A kite", stream: true, partial_images: 1 })).filter(([name]) => name !== "queue");
    expect(events.map(([name]) => name)).toEqual(["image_generation.partial_image", "image_generation.completed"]);
    for (const [, data] of events) expect(data.b64_json).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  test("a mid-stream content-filter error becomes `event: error` with the envelope", async () => {
    fake.next({ kind: "stream-error" });
    // Only the image events are this test's subject; `queue` events depend on the budget, not on the filter.
    const events = (await streamEvents(served.base, { prompt: "x", stream: true, partial_images: 2 })).filter(([name]) => name !== "queue");
    expect(events.map(([name]) => name)).toEqual(["image_generation.partial_image", "error"]);
    expect(events[1][1]).toEqual({
      error: { code: "content_filtered", type: "content_filtered", message: expect.any(String), categories: ["sexual"] },
    });
  });

  test("closing the stream mid-generation aborts the upstream request", async () => {
    fake.next({ kind: "hang" });
    const controller = new AbortController();
    const pending = streamEvents(served.base, { prompt: "x", stream: true }, controller.signal).catch((error: Error) => error);
    const before = fake.requests.length;
    await until(() => fake.requests.length === before + 1);
    controller.abort();
    await pending;
    await until(() => fake.requests[fake.requests.length - 1].aborted);
  });

  test("edits: multipart image + mask reach the upstream; the answer is JSON with the edited image", async () => {
    const image = await fakePng(1024, 1024, 9);
    const mask = await sharp({ create: { width: 1024, height: 1024, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const response = await postEdit(served.base, image, mask, { prompt: "Add a boat", input_fidelity: "high" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.backend).toMatchObject({ provider: "azure-openai" });
    expect(await xmpOf(body.data[0].b64_json)).toMatchObject({ creatorTool: "Illustrate (azure-openai: gpt-image-1)" });
    const seen = fake.requests[fake.requests.length - 1];
    expect(seen.path).toBe("/openai/v1/images/edits");
    expect(seen.body).toMatchObject({ prompt: "Add a boat", size: "1024x1024", input_fidelity: "high", model: "gpt-image-1" });
    expect(seen.files.mask.bytes.equals(mask)).toBe(true);
  });

  test("edits: a mask of another size is refused with invalid_mask, nothing sent upstream", async () => {
    const before = fake.requests.length;
    const smallMask = await sharp({ create: { width: 512, height: 512, channels: 4, background: "#0000" } })
      .png()
      .toBuffer();
    const response = await postEdit(served.base, await fakePng(1024, 1024), smallMask, { prompt: "Add a boat" });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "invalid_mask", param: "mask" });
    expect(fake.requests.length).toBe(before);
  });
});

describe("foundry-mai through the gateway (does not stream)", () => {
  let fake: FakeUpstream;
  let served: Served;
  // Each test its own fake and gateway (own queue): no test inherits the slots an earlier one used.
  beforeEach(async () => {
    fake = await startFakeUpstream({ kind: "foundry-mai", deployment: "MAI-Image-2", apiKey: API_KEY });
    // 2 calls per 6 s window: one slot every 3.25 s (with the margin), so the second of two requests sent together
    // waits even when a loaded machine delays it by a second or two.
    served = await serve(
      createProvider("foundry-mai", {
        IMAGE_ENDPOINT: fake.url,
        IMAGE_DEPLOYMENT: "MAI-Image-2",
        IMAGE_API_KEY: API_KEY,
        IMAGE_RPM: "2",
        IMAGE_RPM_WINDOW_MS: "6000",
      }),
    );
  });
  afterEach(async () => {
    await served.close();
    await fake.close();
  });

  test("GET /v1/backend says it does not stream", async () => {
    expect((await (await fetch(`${served.base}/v1/backend`)).json()).streaming).toBe(false);
  });

  test("stream: true gives queue events while waiting and completed images, no partials", async () => {
    const first = streamEvents(served.base, { prompt: "A", stream: true, size: "1024x1024" });
    const second = streamEvents(served.base, { prompt: "B", stream: true, size: "1024x1024" });
    const [a, b] = await Promise.all([first, second]);
    const names = [...a, ...b].map(([name]) => name);
    expect(names.filter((name) => name.endsWith("partial_image"))).toEqual([]);
    expect(names.filter((name) => name === "image_generation.completed")).toHaveLength(2);
    const queued = [...a, ...b].filter(([name]) => name === "queue").map(([, data]) => data);
    expect(queued[0]).toEqual({ position: 1, expected_start_ms: expect.any(Number) });
    expect(queued[0].expected_start_ms).toBeGreaterThan(0);
    expect(queued[0].expected_start_ms).toBeLessThanOrEqual(3250); // one slot: 6000 ms / 2 + 250 ms margin
    expect(queued[queued.length - 1]).toEqual({ position: 0, expected_start_ms: 0 });
    expect(fake.violations).toEqual([]);
  });

  test("a JSON request that waited says where it stood in the X-Illustrate-Queue header", async () => {
    const post = () =>
      fetch(`${served.base}/v1/images/generations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ prompt: "C", size: "1024x1024" }),
      });
    const answers = await Promise.all([post(), post()]);
    const headers = answers.map((answer) => answer.headers.get(QUEUE_HEADER));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(headers.filter((header) => header !== null).map((header) => JSON.parse(header as string).position)).toContain(1);
  });
});
