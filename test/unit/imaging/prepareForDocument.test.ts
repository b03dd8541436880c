// prepareForDocument: when a picture is transcoded, to what, and at which size — with real bytes (a sharp codec).
import sharp from "sharp";
import type { ImageMimeType, PictureData } from "../../../src/core/types";
import {
  decodedByteLength,
  pngMayHaveAlpha,
  prepareForDocument,
  scaledSize,
  shrinkFactor,
  type PictureCodec,
} from "../../../src/imaging/prepareForDocument";
import { validateImageBase64 } from "../../../src/imaging/validateImage";

/** A codec on sharp, recording what it was asked to do (the browser one needs a canvas, which Node lacks). */
function sharpCodec(): PictureCodec & {
  encodes: { mimeType: ImageMimeType; widthPx: number; heightPx: number; quality?: number }[];
  closed: number;
} {
  const codec = {
    encodes: [] as { mimeType: ImageMimeType; widthPx: number; heightPx: number; quality?: number }[],
    closed: 0,
    async decode(bytes: Uint8Array) {
      const image = sharp(Buffer.from(bytes));
      const { width = 0, height = 0 } = await image.metadata();
      const { data, info } = await image.clone().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      return {
        size: { widthPx: width, heightPx: height },
        async hasTransparency() {
          for (let i = 3; i < data.length; i += info.channels) if (data[i] < 255) return true;
          return false;
        },
        async encode(mimeType: ImageMimeType, size: { widthPx: number; heightPx: number }, quality?: number) {
          codec.encodes.push({ mimeType, ...size, ...(quality === undefined ? {} : { quality }) });
          const resized = image.clone().resize(size.widthPx, size.heightPx, { fit: "fill" });
          const out = mimeType === "image/jpeg" ? resized.flatten().jpeg({ quality: Math.round((quality ?? 0.9) * 100) }) : resized.png();
          return new Uint8Array(await out.toBuffer());
        },
        close() {
          codec.closed += 1;
        },
      };
    },
  };
  return codec;
}

/** A codec whose encoder always answers `bytes` (for a 100×100 opaque picture). */
function encoderReturning(bytes: Uint8Array): PictureCodec {
  return {
    async decode() {
      return { size: { widthPx: 100, heightPx: 100 }, hasTransparency: async () => false, encode: async () => bytes, close() {} };
    },
  };
}

/** Random noise (does not compress): `channels` 3 = opaque photo-like, 4 = with random alpha. */
async function noisePng(width: number, height: number, channels: 3 | 4, opaqueAlpha = false): Promise<PictureData> {
  const raw = Buffer.alloc(width * height * channels);
  for (let i = 0; i < raw.length; i += 1) raw[i] = Math.floor(Math.random() * 256);
  if (channels === 4 && opaqueAlpha) for (let i = 3; i < raw.length; i += 4) raw[i] = 255;
  const png = await sharp(raw, { raw: { width, height, channels } }).png({ compressionLevel: 9 }).toBuffer();
  return validateImageBase64(png.toString("base64"));
}

describe("prepareForDocument", () => {
  it("leaves a picture under the limit untouched and never decodes it", async () => {
    const picture = await noisePng(64, 64, 3);
    const codec = sharpCodec();
    const decode = jest.spyOn(codec, "decode");
    await expect(prepareForDocument(picture, { maxBytes: 1_000_000, codec })).resolves.toBe(picture);
    expect(decode).not.toHaveBeenCalled();
  });

  it("transcodes an opaque PNG over the limit to a smaller JPEG of the same pixel size", async () => {
    const picture = await noisePng(320, 200, 3);
    const original = decodedByteLength(picture.base64);
    const codec = sharpCodec();
    const result = await prepareForDocument(picture, { maxBytes: original - 1, codec });
    expect(result.mimeType).toBe("image/jpeg");
    expect(result.size).toEqual({ widthPx: 320, heightPx: 200 });
    expect(decodedByteLength(result.base64)).toBeLessThan(original);
    expect(validateImageBase64(result.base64, { expectedSize: result.size }).mimeType).toBe("image/jpeg");
    expect(codec.encodes).toEqual([{ mimeType: "image/jpeg", widthPx: 320, heightPx: 200, quality: 0.9 }]);
    expect(codec.closed).toBe(1);
  });

  it("treats an RGBA PNG whose pixels are all opaque as a photo (JPEG)", async () => {
    const picture = await noisePng(200, 100, 4, true);
    const result = await prepareForDocument(picture, { maxBytes: 1000, codec: sharpCodec() });
    expect(result.mimeType).toBe("image/jpeg");
  });

  it("keeps a transparent PNG as PNG and scales it down, keeping the aspect ratio, until it fits", async () => {
    const picture = await noisePng(300, 150, 4);
    const original = decodedByteLength(picture.base64);
    const maxBytes = Math.floor(original / 3);
    const codec = sharpCodec();
    const result = await prepareForDocument(picture, { maxBytes, codec });
    expect(result.mimeType).toBe("image/png");
    expect(decodedByteLength(result.base64)).toBeLessThanOrEqual(maxBytes);
    expect(result.size.widthPx).toBeLessThan(300);
    expect(result.size.widthPx / result.size.heightPx).toBeCloseTo(2, 1);
    expect(codec.encodes[0]).toEqual({ mimeType: "image/png", widthPx: 300, heightPx: 150 });
    expect(codec.encodes.every((e) => e.mimeType === "image/png")).toBe(true);
  });

  it("returns the original when re-encoding makes nothing smaller", async () => {
    const picture = await noisePng(100, 100, 3);
    const codec = encoderReturning(new Uint8Array(decodedByteLength(picture.base64) + 10));
    await expect(prepareForDocument(picture, { maxBytes: 10, codec })).resolves.toBe(picture);
  });

  it("rejects encoder output that is not a whole image, naming it", async () => {
    const picture = await noisePng(100, 100, 3);
    const codec = encoderReturning(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    await expect(prepareForDocument(picture, { maxBytes: 10, codec })).rejects.toThrow(/transcoded picture: is a truncated JPEG/);
  });
});

describe("helpers", () => {
  it("counts decoded bytes from base64 with and without padding", () => {
    expect(decodedByteLength(Buffer.from("abcd").toString("base64"))).toBe(4);
    expect(decodedByteLength(Buffer.from("abcde").toString("base64"))).toBe(5);
    expect(decodedByteLength(Buffer.from("abcdef").toString("base64"))).toBe(6);
  });

  it("reads from the PNG header whether transparency is possible", async () => {
    const rgb = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#123456" } })
      .png()
      .toBuffer();
    const rgba = await sharp({ create: { width: 4, height: 4, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0.5 } } })
      .png()
      .toBuffer();
    const palette = await sharp({ create: { width: 4, height: 4, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0 } } })
      .png({ palette: true })
      .toBuffer();
    expect(pngMayHaveAlpha(rgb)).toBe(false);
    expect(pngMayHaveAlpha(rgba)).toBe(true);
    expect(pngMayHaveAlpha(palette)).toBe(true); // colour type 3 with a tRNS chunk
  });

  it("shrinks by the square root of the byte ratio, at most 0.9, and never below 1 px", () => {
    expect(shrinkFactor(4_000_000, 1_000_000)).toBeCloseTo(0.45);
    expect(shrinkFactor(1_000_001, 1_000_000)).toBeCloseTo(0.9);
    expect(scaledSize({ widthPx: 1536, heightPx: 1024 }, 0.5)).toEqual({ widthPx: 768, heightPx: 512 });
    expect(scaledSize({ widthPx: 3, heightPx: 1 }, 0.1)).toEqual({ widthPx: 1, heightPx: 1 });
  });
});
