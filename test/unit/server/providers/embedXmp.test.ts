// XMP spliced into encoded PNG and JPEG bytes: readable back by sharp (libvips), pixels and other data untouched,
// an older packet replaced, malformed bytes refused with a clear error.
import sharp from "sharp";
import { embedXmpInJpeg, embedXmpInPng, MalformedImageError } from "../../../../server/postprocess/embedXmp";
import { provenanceXmp, readProvenance } from "../../../../server/postprocess/provenance";
import type { BackendInfo } from "../../../../src/core/types";

const AZURE: BackendInfo = { provider: "azure-openai", model: "gpt-image-1", offline: false };
const LOCAL: BackendInfo = { provider: "local", model: "local-renderer", offline: true };

/** PNG chunk types in order. */
function pngChunkTypes(png: Buffer): string[] {
  const types: string[] = [];
  for (let offset = 8; offset < png.length; offset += 12 + png.readUInt32BE(offset)) types.push(png.toString("latin1", offset + 4, offset + 8));
  return types;
}

/** JPEG marker bytes before SOS, in order. */
function jpegMarkers(jpeg: Buffer): number[] {
  const markers: number[] = [];
  for (let offset = 2; jpeg[offset + 1] !== 0xda; offset += 2 + jpeg.readUInt16BE(offset + 2)) markers.push(jpeg[offset + 1]);
  return markers;
}

async function noise(channels: 3 | 4, width = 96, height = 64): Promise<{ raw: Buffer; png: Buffer; jpeg: Buffer }> {
  const raw = Buffer.alloc(width * height * channels);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919 + (i >> 5) * 104729) % 256;
  const image = () => sharp(raw, { raw: { width, height, channels } });
  return { raw, png: await image().png().toBuffer(), jpeg: await image().jpeg({ quality: 90 }).toBuffer() };
}

async function xmpOf(bytes: Buffer) {
  const meta = await sharp(bytes).metadata();
  return { format: meta.format, provenance: readProvenance(meta.xmp?.toString("utf8") ?? "") };
}

describe("embedXmpInPng", () => {
  test("the provenance reads back, the pixels are the same and every other chunk is kept byte for byte", async () => {
    const { raw, png } = await noise(4);
    const out = embedXmpInPng(png, provenanceXmp(AZURE));
    expect(await xmpOf(out)).toEqual({
      format: "png",
      provenance: { digitalSourceType: expect.stringContaining("trainedAlgorithmicMedia"), creatorTool: "Illustrate (azure-openai: gpt-image-1)" },
    });
    expect(pngChunkTypes(out)).toEqual(["IHDR", "iTXt", ...pngChunkTypes(png).slice(1)]);
    expect(await sharp(out).raw().toBuffer()).toEqual(raw);
    // Removing the new chunk gives the input back exactly: nothing was re-encoded.
    const ihdrEnd = 8 + 12 + 13;
    const itxtLength = 12 + out.readUInt32BE(ihdrEnd);
    expect(Buffer.concat([out.subarray(0, ihdrEnd), out.subarray(ihdrEnd + itxtLength)])).toEqual(png);
  });

  test("an XMP packet already there is replaced, so readers see one provenance", async () => {
    const { png } = await noise(3);
    const withOld = await sharp(png).withXmp(provenanceXmp(LOCAL)).png().toBuffer();
    expect((await xmpOf(withOld)).provenance.creatorTool).toBe("Illustrate (local: local-renderer)");
    const out = embedXmpInPng(withOld, provenanceXmp(AZURE));
    expect(pngChunkTypes(withOld)).toContain("zTXt"); // where libvips writes it
    expect(pngChunkTypes(out).filter((type) => /^(iTXt|zTXt|tEXt)$/.test(type))).toHaveLength(1);
    expect((await xmpOf(out)).provenance.creatorTool).toBe("Illustrate (azure-openai: gpt-image-1)");
  });

  test("bytes that are not a whole PNG are refused with MalformedImageError", async () => {
    const { png, jpeg } = await noise(3);
    expect(() => embedXmpInPng(jpeg, "x")).toThrow(MalformedImageError);
    expect(() => embedXmpInPng(png.subarray(0, 40), "x")).toThrow(/runs past the end/);
  });
});

describe("embedXmpInJpeg", () => {
  test("the provenance reads back after the JFIF APP0, and the rest of the file is kept byte for byte", async () => {
    const { jpeg } = await noise(3);
    const out = embedXmpInJpeg(jpeg, provenanceXmp(LOCAL));
    expect(await xmpOf(out)).toEqual({
      format: "jpeg",
      provenance: { digitalSourceType: expect.stringContaining("/algorithmicMedia"), creatorTool: "Illustrate (local: local-renderer)" },
    });
    const before = jpegMarkers(jpeg);
    const app0 = before.filter((marker) => marker === 0xe0).length;
    expect(jpegMarkers(out)).toEqual([...before.slice(0, app0), 0xe1, ...before.slice(app0)]);
    expect(await sharp(out).raw().toBuffer()).toEqual(await sharp(jpeg).raw().toBuffer());
    expect(out.length - jpeg.length).toBe(4 + 29 + Buffer.byteLength(provenanceXmp(LOCAL)));
    expect(out.subarray(out.length - 1000)).toEqual(jpeg.subarray(jpeg.length - 1000));
  });

  test("an XMP packet already there is replaced; an Exif APP1 is kept", async () => {
    const { jpeg } = await noise(3);
    const withOld = await sharp(jpeg)
      .withXmp(provenanceXmp(AZURE))
      .withExif({ IFD0: { Copyright: "someone" } })
      .jpeg()
      .toBuffer();
    const out = embedXmpInJpeg(withOld, provenanceXmp(LOCAL));
    expect(jpegMarkers(out).filter((marker) => marker === 0xe1)).toHaveLength(2);
    const meta = await sharp(out).metadata();
    expect(readProvenance(meta.xmp?.toString("utf8") ?? "").creatorTool).toBe("Illustrate (local: local-renderer)");
    expect(meta.exif).toBeDefined();
  });

  test("bytes that are not a JPEG, or a packet over 64 KB, are refused", async () => {
    const { png, jpeg } = await noise(3);
    expect(() => embedXmpInJpeg(png, "x")).toThrow(MalformedImageError);
    expect(() => embedXmpInJpeg(jpeg.subarray(0, 30), "x")).toThrow(MalformedImageError);
    expect(() => embedXmpInJpeg(jpeg, "x".repeat(70_000))).toThrow(RangeError);
  });
});
