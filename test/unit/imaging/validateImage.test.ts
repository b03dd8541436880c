// Byte checks of API images: real PNG/JPEG of the asked size pass; anything else is refused with a clear message.
import { isRawBase64 } from "../../../src/core/protocol/base64";
import { base64ToBytes } from "../../../src/imaging/base64";
import { InvalidResponseError } from "../../../src/imaging/errors";
import { validateImageBase64 } from "../../../src/imaging/validateImage";
import { jpegBase64, pngBase64 } from "../../support/pictures";

const square = { widthPx: 64, heightPx: 64 };

describe("validateImageBase64", () => {
  let png: string;
  let jpeg: string;
  beforeAll(async () => {
    png = await pngBase64(64, 64);
    jpeg = await jpegBase64(96, 48);
  });

  it("accepts a real PNG of the asked size and keeps the base64 unchanged", () => {
    expect(validateImageBase64(png, { expectedSize: square })).toEqual({ base64: png, mimeType: "image/png", size: square });
  });

  it("accepts a real JPEG and reports its decoded size", () => {
    expect(validateImageBase64(jpeg)).toEqual({ base64: jpeg, mimeType: "image/jpeg", size: { widthPx: 96, heightPx: 48 } });
  });

  it("refuses a PNG of another size than asked", async () => {
    const small = await pngBase64(32, 16);
    expect(() => validateImageBase64(small, { expectedSize: square })).toThrow(
      new InvalidResponseError("b64_json: is 32×16 px, but 64×64 px was asked for"),
    );
  });

  it("refuses bytes that are not an image", () => {
    const text = Buffer.from("<html>Service unavailable</html>").toString("base64");
    expect(() => validateImageBase64(text)).toThrow(/is not a PNG or JPEG image/);
  });

  it("refuses a PNG header whose size cannot be read", () => {
    const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const iend = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
    const bogus = Buffer.concat([header, Buffer.from("garbage!"), iend]).toString("base64");
    expect(() => validateImageBase64(bogus)).toThrow(/has a PNG signature but its pixel size cannot be read/);
  });

  it("refuses a truncated PNG and JPEG", () => {
    const cut = (b64: string) => Buffer.from(b64, "base64").subarray(0, 200).toString("base64");
    expect(() => validateImageBase64(cut(png))).toThrow(/truncated PNG/);
    expect(() => validateImageBase64(cut(jpeg))).toThrow(/truncated JPEG/);
  });

  it("refuses a data: URL prefix instead of stripping it", () => {
    expect(() => validateImageBase64(`data:image/png;base64,${png}`)).toThrow(/data: URL prefix; raw base64 is required/);
  });

  it("refuses missing, non-string and non-base64 values, naming the field", () => {
    expect(() => validateImageBase64(undefined, { field: "data[0].b64_json" })).toThrow(/^data\[0\]\.b64_json: missing/);
    expect(() => validateImageBase64(42)).toThrow(/missing/);
    expect(() => validateImageBase64("not base64!")).toThrow(/is not valid base64/);
    expect(() => validateImageBase64(`${png.slice(0, 40)}\n${png.slice(40)}`)).toThrow(/is not valid base64/);
  });

  it("carries the request id into the error", () => {
    try {
      validateImageBase64("", { requestId: "req-1" });
      throw new Error("no error");
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).requestId).toBe("req-1");
    }
  });
});

describe("base64 without Buffer", () => {
  it("decodes what Node's Buffer encodes", () => {
    const bytes = Uint8Array.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    expect(base64ToBytes(Buffer.from(bytes).toString("base64"))).toEqual(bytes);
  });

  it("tells strict base64 from lookalikes", () => {
    expect(isRawBase64("QUJD")).toBe(true);
    expect(isRawBase64("QUI=")).toBe(true);
    expect(isRawBase64("QQ==")).toBe(true);
    expect(isRawBase64("QUJ")).toBe(false);
    expect(isRawBase64("Q===")).toBe(false);
    expect(isRawBase64("Q=JD")).toBe(false);
    expect(isRawBase64("QU-_")).toBe(false);
  });
});
