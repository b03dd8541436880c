// documentPicture: a result is made ready for the document once, whether Insert or the look-ahead asks first.
import sharp from "sharp";
import type { GeneratedImage, ImageMimeType, PictureData } from "../../../src/core/types";
import { decodedByteLength, prepareForDocument, type PictureCodec } from "../../../src/imaging/prepareForDocument";
import { validateImageBase64 } from "../../../src/imaging/validateImage";
import { documentPicture, prepareAhead } from "../../../src/taskpane/hooks/documentPicture";

/** A codec on sharp that counts decodes and fails the first `failures` of them. */
function countingCodec(failures = 0): PictureCodec & { decodes: Uint8Array[] } {
  const codec = {
    decodes: [] as Uint8Array[],
    async decode(bytes: Uint8Array) {
      codec.decodes.push(bytes);
      if (codec.decodes.length <= failures) throw new Error("the browser could not decode the picture");
      const image = sharp(Buffer.from(bytes));
      const { width = 0, height = 0 } = await image.metadata();
      return {
        size: { widthPx: width, heightPx: height },
        hasTransparency: async () => false,
        encode: async (_mimeType: ImageMimeType, size: { widthPx: number; heightPx: number }) =>
          new Uint8Array(await image.clone().resize(size.widthPx, size.heightPx).flatten().jpeg({ quality: 90 }).toBuffer()),
        close() {},
      };
    },
  };
  return codec;
}

/**
 * A result as the pane holds it: a checked 96×64 opaque noise PNG (a JPEG of it is smaller) plus what the backend
 * said (not for the document).
 */
async function result(): Promise<GeneratedImage> {
  const raw = Buffer.alloc(96 * 64 * 3);
  let seed = 0x2545f491; // xorshift32, fixed seed: the same incompressible noise every run
  for (let i = 0; i < raw.length; i += 1) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    raw[i] = seed & 0xff;
  }
  const png = await sharp(raw, { raw: { width: 96, height: 64, channels: 3 } })
    .png()
    .toBuffer();
  return {
    ...validateImageBase64(png.toString("base64")),
    backend: { provider: "azure-openai", model: "gpt-image-1", offline: false },
    revisedPrompt: "a fox",
  };
}

/** Options that make `image` one byte too big for the document, so it must be transcoded at its pixel size. */
const justOver = (image: PictureData, codec: PictureCodec) => ({ maxBytes: decodedByteLength(image.base64) - 1, codec });

describe("documentPicture", () => {
  it("prepares a result once when the look-ahead and Insert both ask, and gives Insert only the picture", async () => {
    const image = await result();
    const codec = countingCodec();
    const options = justOver(image, codec);
    prepareAhead(image, options);
    const picture = await documentPicture(image, options);
    expect(codec.decodes).toHaveLength(1);
    expect(Object.keys(picture).sort()).toEqual(["base64", "mimeType", "size"]);
    expect(picture.mimeType).toBe("image/jpeg");
    expect(validateImageBase64(picture.base64, { expectedSize: { widthPx: 96, heightPx: 64 } }).mimeType).toBe("image/jpeg");
    await expect(documentPicture(image, options)).resolves.toBe(picture);
    expect(codec.decodes).toHaveLength(1);
  });

  it("decodes the bytes the checks already decoded (the same picture as a fresh decode)", async () => {
    const image = await result();
    const codec = countingCodec();
    await documentPicture(image, justOver(image, codec));
    expect(Buffer.from(codec.decodes[0]).toString("base64")).toBe(image.base64);
  });

  it("tries again at the next call after a failed preparation (Insert reports the failure, a retry can work)", async () => {
    const image = await result();
    const codec = countingCodec(1);
    const options = justOver(image, codec);
    prepareAhead(image, options); // fails quietly: nothing to report before Insert
    await expect(documentPicture(image, options)).rejects.toThrow("could not decode");
    const picture = await documentPicture(image, options);
    expect(picture.mimeType).toBe("image/jpeg");
    expect(codec.decodes).toHaveLength(2);
  });

  it("passes a picture under the limit as is, without its backend fields", async () => {
    const image = await result();
    const codec = countingCodec();
    const picture: PictureData = await documentPicture(image, { codec });
    expect(picture).toStrictEqual({ base64: image.base64, mimeType: "image/png", size: { widthPx: 96, heightPx: 64 } });
    expect(codec.decodes).toHaveLength(0);
    expect(await prepareForDocument(picture, { codec })).toBe(picture);
  });
});
