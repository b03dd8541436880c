// The local provider: n variations of the asked size and format, seeds, a plain description, and cancel.
import sharp from "sharp";
import { LOCAL_BACKEND, LocalProvider } from "../../../../server/providers/local/LocalProvider";
import type { NormalizedGenerateRequest } from "../../../../server/providers/Provider";

const request = (extra: Partial<NormalizedGenerateRequest> = {}): NormalizedGenerateRequest => ({
  prompt: "A misty mountain lake at dawn",
  n: 1,
  apiSize: "1024x1024",
  size: { widthPx: 1024, heightPx: 1024 },
  quality: "low",
  outputFormat: "png",
  ...extra,
});
const live = () => ({ signal: new AbortController().signal });

jest.setTimeout(30_000);

describe("LocalProvider", () => {
  const provider = new LocalProvider();

  it("says plainly that it is an offline renderer", () => {
    expect(provider.info).toEqual(LOCAL_BACKEND);
    expect(LOCAL_BACKEND).toEqual({ provider: "local", model: "local-renderer", offline: true });
  });

  it("makes n different images of the asked size and format, each described", async () => {
    const images = await provider.generate(
      request({ n: 3, seed: 1, outputFormat: "jpeg", apiSize: "1024x1536", size: { widthPx: 1024, heightPx: 1536 } }),
      live(),
    );
    expect(images).toHaveLength(3);
    expect(new Set(images.map((image) => image.b64_json)).size).toBe(3);
    for (const image of images) {
      const meta = await sharp(Buffer.from(image.b64_json, "base64")).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 1024, 1536]);
      expect(image.revised_prompt).toBe("Misty dawn over mountains by a lake, with pine trees");
    }
  });

  it("without a seed, asking again gives a new picture", async () => {
    const [first] = await provider.generate(request(), live());
    const [second] = await provider.generate(request(), live());
    expect(first!.b64_json).not.toBe(second!.b64_json);
  });

  it("stops when the signal aborts, with the signal's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("client went away");
    controller.abort(reason);
    await expect(provider.generate(request({ n: 4 }), { signal: controller.signal })).rejects.toBe(reason);
  });
  it("background transparent: an RGBA PNG whose corners are fully transparent and centre fully opaque", async () => {
    const [image] = await provider.generate(
      { ...request({ seed: 3, apiSize: "1536x512", size: { widthPx: 1536, heightPx: 512 } }), background: "transparent" },
      live(),
    );
    const bytes = Buffer.from(image!.b64_json, "base64");
    // PNG colour type (byte 25 of the IHDR) 6 = truecolour with alpha.
    expect(bytes[25]).toBe(6);
    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([1536, 512, 4]);
    const alphaAt = (x: number, y: number) => data[(y * info.width + x) * 4 + 3];
    expect([alphaAt(0, 0), alphaAt(1535, 0), alphaAt(0, 511), alphaAt(1535, 511)]).toEqual([0, 0, 0, 0]);
    expect(alphaAt(768, 256)).toBe(255);
  });

  it("without background transparent the PNG stays opaque RGB (colour type 2)", async () => {
    const [image] = await provider.generate(request({ seed: 3 }), live());
    expect(Buffer.from(image!.b64_json, "base64")[25]).toBe(2);
  });
});
