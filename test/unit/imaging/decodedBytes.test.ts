// The checks keep the bytes they decoded with the checked picture, so saving it does not decode a 4 MB base64 again.
import { base64ToBytes } from "../../../src/imaging/base64";
import { pictureBytes } from "../../../src/imaging/decodedBytes";
import { parseImageEntry } from "../../../src/imaging/imagesResponse";
import { validateImageBase64 } from "../../../src/imaging/validateImage";
import { pngBase64 } from "../../support/pictures";

const BACKEND = { provider: "local", model: "local-renderer", offline: true };

describe("pictureBytes", () => {
  let png: string;
  beforeAll(async () => {
    png = await pngBase64(16, 8);
  });

  it("gives the bytes validateImageBase64 decoded, the same each time, equal to a decode", () => {
    const checked = validateImageBase64(png);
    const bytes = pictureBytes(checked);
    expect(bytes).toEqual(base64ToBytes(png));
    expect(pictureBytes(checked)).toBe(bytes); // kept, not decoded again
    expect(Object.keys(checked).sort()).toEqual(["base64", "mimeType", "size"]); // still plain data (JSON, copies)
  });

  it("keeps them for an API image entry (the object the pane saves)", () => {
    const image = parseImageEntry({ b64_json: png, revised_prompt: "A lake" }, BACKEND, { fallbackBackend: BACKEND }, "data[0]");
    const bytes = pictureBytes(image);
    expect(bytes).toEqual(base64ToBytes(png));
    expect(pictureBytes(image)).toBe(bytes);
  });

  it("decodes a copy or a picture it never checked", () => {
    const copy = { ...validateImageBase64(png) };
    expect(pictureBytes(copy)).toEqual(base64ToBytes(png));
    expect(pictureBytes(copy)).not.toBe(pictureBytes(copy));
    expect(() => pictureBytes({ ...copy, base64: "not base64!" })).toThrow(TypeError);
  });
});
