// Streaming generations: partial images in order, queue position, mid-stream errors, cut streams, JSON fallback.
import { ApiError } from "../../../src/core/protocol/errors";
import { createImageClient } from "../../../src/imaging/createImageClient";
import { CancelledError, ConnectionError, InvalidResponseError } from "../../../src/imaging/errors";
import type { PartialImage, QueueStatus } from "../../../src/imaging/ImageClient";
import { imagesResponse, scriptedFetch, type Step } from "./fixtures";
import { pngBase64 } from "../../support/pictures";
import { sseEvent, sseResponse } from "../../support/sse";

const request = { prompt: "A lighthouse in a storm", size: "1024x1024", stream: true, partial_images: 2 };
const backend = { provider: "azure-openai", model: "gpt-image-1.5", offline: false };

function streamingClient(script: Step[]) {
  const { fetch, calls } = scriptedFetch(script);
  const sleeps: number[] = [];
  const imageClient = createImageClient({
    apiBaseUrl: "https://localhost:3001",
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
  });
  const partials: PartialImage[] = [];
  const queue: QueueStatus[] = [];
  const callbacks = { onPartial: (p: PartialImage) => partials.push(p), onQueue: (q: QueueStatus) => queue.push(q) };
  return { imageClient, calls, sleeps, partials, queue, callbacks };
}

let final: string;
let preview0: string;
let preview1: string;
beforeAll(async () => {
  final = await pngBase64(1024, 1024);
  preview0 = await pngBase64(256, 256);
  preview1 = await pngBase64(512, 512);
});

const partial = (index: number, b64: string) =>
  sseEvent("image_generation.partial_image", { type: "image_generation.partial_image", b64_json: b64, partial_image_index: index });
const completed = (b64: string, extra: object = {}) =>
  sseEvent("image_generation.completed", { type: "image_generation.completed", b64_json: b64, backend, usage: { total_tokens: 5 }, ...extra });

describe("streamed generation", () => {
  it("asks for SSE, hands each partial to onPartial in order, and returns the checked final image", async () => {
    const s = streamingClient([
      sseResponse([partial(0, preview0), partial(1, preview1), completed(final, { revised_prompt: "A lighthouse, storm" })]),
    ]);
    const images = await s.imageClient.generate(request, s.callbacks);
    expect(s.calls[0].headers.get("accept")).toBe("text/event-stream, application/json");
    expect(s.calls[0].json).toMatchObject({ stream: true, partial_images: 2 });
    expect(s.partials).toEqual([
      { index: 0, base64: preview0, mimeType: "image/png", size: { widthPx: 256, heightPx: 256 } },
      { index: 1, base64: preview1, mimeType: "image/png", size: { widthPx: 512, heightPx: 512 } },
    ]);
    expect(images).toEqual([
      { base64: final, mimeType: "image/png", size: { widthPx: 1024, heightPx: 1024 }, revisedPrompt: "A lighthouse, storm", backend },
    ]);
  });

  it("parses events split across arbitrary chunk boundaries, named by the data's type when there is no event: line", async () => {
    const text = [
      sseEvent(undefined, { type: "image_generation.partial_image", b64_json: preview0, partial_image_index: 0 }),
      ": keep-alive comment\n\n",
      sseEvent(undefined, { type: "image_generation.completed", b64_json: final }),
      "data: [DONE]\n\n",
    ].join("");
    const chunks = text.match(/[\s\S]{1,7}/g) as string[];
    const s = streamingClient([sseResponse(chunks)]);
    const images = await s.imageClient.generate(request, s.callbacks);
    expect(s.partials.map((p) => p.index)).toEqual([0]);
    expect(images).toHaveLength(1);
    expect(images[0].backend.provider).toBe("unknown");
  });

  it("reports the gateway's queue position before the image starts", async () => {
    const s = streamingClient([
      sseResponse([
        sseEvent("queue", { position: 3, expected_start_ms: 40_000 }),
        sseEvent("queue", { position: 1, expected_start_ms: 0 }),
        sseEvent("queue", { position: 1 }),
        completed(final),
      ]),
    ]);
    await s.imageClient.generate(request, s.callbacks);
    expect(s.queue).toEqual([{ position: 3, expected_start_ms: 40_000 }, { position: 1, expected_start_ms: 0 }, { position: 1 }]);
  });

  it("ignores partials that arrive after the final image (the final event may come first)", async () => {
    const s = streamingClient([sseResponse([partial(0, preview0), completed(final), partial(1, preview1)])]);
    await s.imageClient.generate(request, s.callbacks);
    expect(s.partials.map((p) => p.index)).toEqual([0]);
  });

  it("accepts a plain JSON answer when the backend cannot stream (MAI)", async () => {
    const s = streamingClient([imagesResponse([final])]);
    const images = await s.imageClient.generate(request, s.callbacks);
    expect(images[0].backend).toEqual({ provider: "local", model: "local-renderer", offline: true });
    expect(s.partials).toEqual([]);
  });
});

describe("streamed generation failures", () => {
  it("an `event: error` mid-stream → typed ApiError after the partials already shown, not retried", async () => {
    const s = streamingClient([
      sseResponse([
        partial(0, preview0),
        sseEvent("error", { error: { code: "content_filtered", type: "content_filtered", message: "Blocked", categories: ["violence"] } }),
        completed(final),
      ]),
    ]);
    const error = (await s.imageClient.generate(request, s.callbacks).catch((e) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, type: "content_filtered", code: "content_filtered" });
    expect(error.details.categories).toEqual(["violence"]);
    expect(s.partials).toHaveLength(1);
    expect(s.calls).toHaveLength(1);
  });

  it("a raw upstream error event (OpenAI shape, no envelope) → typed by its code", async () => {
    const s = streamingClient([
      sseResponse([sseEvent("error", { type: "error", code: "moderation_blocked", message: "Rejected by the safety system" })]),
    ]);
    await expect(s.imageClient.generate(request, s.callbacks)).rejects.toMatchObject({ type: "content_filtered", code: "moderation_blocked" });
  });

  it("data with an `error` object under another event name is an error too", async () => {
    const s = streamingClient([
      sseResponse([sseEvent(undefined, { error: { code: "upstream_timeout", type: "timeout", message: "Upstream took too long" } })]),
    ]);
    await expect(s.imageClient.generate(request, s.callbacks)).rejects.toMatchObject({ type: "timeout", code: "upstream_timeout" });
  });

  it("a stream that ends before the final image → InvalidResponseError", async () => {
    const s = streamingClient([sseResponse([partial(0, preview0), `event: image_generation.completed\ndata: {"b64_json":"${final.slice(0, 100)}`])]);
    const error = await s.imageClient.generate(request, s.callbacks).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toBe("The image stream ended before the final image arrived");
    expect(s.partials).toHaveLength(1);
  });

  it("a connection reset mid-stream → ConnectionError, and the generation is not restarted", async () => {
    const s = streamingClient([sseResponse([partial(0, preview0)], "error"), sseResponse([completed(final)])]);
    await expect(s.imageClient.generate(request, s.callbacks)).rejects.toBeInstanceOf(ConnectionError);
    expect(s.calls).toHaveLength(1);
  });

  it("bad bytes in a partial or the final image → InvalidResponseError; nothing returned", async () => {
    const notImage = Buffer.from("definitely not a png").toString("base64");
    const s1 = streamingClient([sseResponse([partial(0, notImage), completed(final)])]);
    await expect(s1.imageClient.generate(request, s1.callbacks)).rejects.toThrow(/partial_image\[0\]\.b64_json: is not a PNG or JPEG/);
    const s2 = streamingClient([sseResponse([partial(0, preview0), completed(preview1)])]);
    await expect(s2.imageClient.generate(request, s2.callbacks)).rejects.toThrow(/is 512×512 px, but 1024×1024 px was asked for/);
  });

  it("event data that is not JSON → InvalidResponseError", async () => {
    const s = streamingClient([sseResponse(["event: image_generation.completed\ndata: {oops\n\n"])]);
    await expect(s.imageClient.generate(request, s.callbacks)).rejects.toThrow(
      /Event "image_generation.completed" of the image stream has no JSON object/,
    );
  });

  it("Cancel mid-stream → CancelledError and the body is cancelled", async () => {
    const controller = new AbortController();
    let cancelled = false;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(encoder.encode(partial(0, preview0)));
      },
      cancel() {
        cancelled = true;
      },
    });
    const s = streamingClient([() => new Response(body, { headers: { "content-type": "text/event-stream" } })]);
    const pending = s.imageClient.generate(request, {
      signal: controller.signal,
      onPartial: () => controller.abort(),
    });
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    await new Promise((r) => setTimeout(r, 0));
    expect(s.calls[0].init.signal?.aborted).toBe(true);
    expect(cancelled).toBe(true);
  });
});
