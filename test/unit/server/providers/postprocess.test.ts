// Post-processing with sharp: JPEG only when much smaller and opaque, PNG kept with transparency, provenance
// XMP readable back from both formats.
import sharp from "sharp";
import { postprocessImage } from "../../../../server/postprocess/postprocessImage";
import { DIGITAL_SOURCE_TYPE, readProvenance } from "../../../../server/postprocess/provenance";
import type { BackendInfo } from "../../../../src/core/types";

const AZURE: BackendInfo = { provider: "azure-openai", model: "gpt-image-1", offline: false };
const LOCAL: BackendInfo = { provider: "local", model: "local-renderer", offline: true };

/** A photo-like (noisy, smooth) opaque PNG. */
async function photoPng(): Promise<string> {
  const raw = Buffer.alloc(64 * 48 * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919) % 251;
  const png = await sharp(raw, { raw: { width: 64, height: 48, channels: 3 } })
    .resize(512, 384, { kernel: "cubic" })
    .png()
    .toBuffer();
  return png.toString("base64");
}

async function inspect(b64: string) {
  const meta = await sharp(Buffer.from(b64, "base64")).metadata();
  return { format: meta.format, width: meta.width, height: meta.height, provenance: readProvenance(meta.xmp?.toString("utf8") ?? "") };
}

test("a photo-like opaque PNG becomes a much smaller JPEG with trainedAlgorithmicMedia and the deployment in XMP", async () => {
  const input = await photoPng();
  const result = await postprocessImage({ b64_json: input, revised_prompt: "kept" }, { backend: AZURE, requested: "png" });
  expect(result.format).toBe("jpeg");
  expect(result.revised_prompt).toBe("kept");
  expect(result.b64_json.length).toBeLessThan(input.length * 0.5);
  expect(await inspect(result.b64_json)).toEqual({
    format: "jpeg",
    width: 512,
    height: 384,
    provenance: { digitalSourceType: DIGITAL_SOURCE_TYPE.trainedAlgorithmicMedia, creatorTool: "Illustrate (azure-openai: gpt-image-1)" },
  });
});

test("transparency keeps PNG (and its alpha)", async () => {
  const png = await sharp({ create: { width: 256, height: 256, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0.5 } } })
    .png()
    .toBuffer();
  const result = await postprocessImage({ b64_json: png.toString("base64") }, { backend: AZURE, requested: "png" });
  expect(result.format).toBe("png");
  const meta = await sharp(Buffer.from(result.b64_json, "base64")).metadata();
  expect(meta.hasAlpha).toBe(true);
  expect(readProvenance(meta.xmp?.toString("utf8") ?? "").digitalSourceType).toBe(DIGITAL_SOURCE_TYPE.trainedAlgorithmicMedia);
});

test("IMAGE_TRANSCODE=off keeps PNG; a drawing with hard edges stays PNG in auto (JPEG is not much smaller)", async () => {
  const photo = await photoPng();
  expect((await postprocessImage({ b64_json: photo }, { backend: AZURE, requested: "png", transcode: "off" })).format).toBe("png");
  const shapes = Array.from(
    { length: 60 },
    (_, i) =>
      `<rect x="${(i * 37) % 900}" y="${(i * 53) % 900}" width="${40 + (i % 7) * 9}" height="${30 + (i % 5) * 11}" fill="${["#fff", "#000", "#c33", "#36c"][i % 4]}"/>`,
  );
  const drawing = await sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024"><rect width="1024" height="1024" fill="#eee"/>${shapes.join("")}</svg>`,
    ),
  )
    .png()
    .toBuffer();
  expect((await postprocessImage({ b64_json: drawing.toString("base64") }, { backend: AZURE, requested: "png" })).format).toBe("png");
});

test("the local renderer's pictures are marked algorithmicMedia, not trained (it is not an AI model)", async () => {
  const result = await postprocessImage({ b64_json: await photoPng() }, { backend: LOCAL, requested: "jpeg" });
  expect(await inspect(result.b64_json)).toMatchObject({
    format: "jpeg",
    provenance: { digitalSourceType: DIGITAL_SOURCE_TYPE.algorithmicMedia, creatorTool: "Illustrate (local: local-renderer)" },
  });
});

test("a PNG that stays PNG and a JPEG as received are not re-encoded: only the XMP is added to their bytes", async () => {
  const photo = Buffer.from(await photoPng(), "base64");
  const png = Buffer.from(
    (await postprocessImage({ b64_json: photo.toString("base64") }, { backend: AZURE, requested: "png", transcode: "off" })).b64_json,
    "base64",
  );
  expect(png.length).toBeGreaterThan(photo.length);
  expect(png.subarray(png.length - photo.length + 33).equals(photo.subarray(33))).toBe(true); // everything after IHDR, as received
  const jpeg = await sharp(photo).jpeg({ quality: 70 }).toBuffer();
  const result = await postprocessImage({ b64_json: jpeg.toString("base64") }, { backend: AZURE, requested: "png" });
  const out = Buffer.from(result.b64_json, "base64");
  expect(result.format).toBe("jpeg");
  expect(out.subarray(out.length - (jpeg.length - 2)).equals(jpeg.subarray(2))).toBe(true); // everything after SOI, as received
  expect((await inspect(result.b64_json)).provenance.creatorTool).toBe("Illustrate (azure-openai: gpt-image-1)");
});
