// Raw base64 ↔ bytes: with the browser's native codec (TC39 Uint8Array.fromBase64 / toBase64) as strict as without.
import { base64ToBytes, bytesToBase64 } from "../../../src/imaging/base64";

type NativeStatics = { fromBase64?: (text: string) => Uint8Array };
type NativeProto = { toBase64?: (this: Uint8Array) => string };

/** Bad inputs every path must refuse: whitespace, missing padding, URL-safe letters, a data: prefix, empty, junk. */
const NOT_RAW = ["", "QUJD RA==", "QUJDRA", "QUJDR A=", "QUJD\nRA==", "-_-_", "QUJDRA==QQ==", "data:image/png;base64,QUJD", "QUJ!"];

function both(check: () => void): void {
  check(); // without a native codec (Node 20)
  const statics = Uint8Array as unknown as NativeStatics;
  const proto = Uint8Array.prototype as unknown as NativeProto;
  // A stand-in as lenient as a decoder can be (Node's, which skips what it does not know and stops at "="), so the
  // strictness must come from base64ToBytes itself; the native encoder is standard base64 like Node's.
  statics.fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, "base64"));
  proto.toBase64 = function toBase64(this: Uint8Array) {
    return Buffer.from(this).toString("base64");
  };
  try {
    check();
  } finally {
    delete statics.fromBase64;
    delete proto.toBase64;
  }
}

describe("base64ToBytes and bytesToBase64", () => {
  it("round-trips bytes of every length remainder", () => {
    both(() => {
      for (const text of ["A", "AB", "ABC", "ABCD"]) {
        const bytes = new TextEncoder().encode(text);
        const base64 = bytesToBase64(bytes);
        expect(base64).toBe(Buffer.from(text).toString("base64"));
        expect(Array.from(base64ToBytes(base64))).toEqual(Array.from(bytes));
      }
    });
  });

  it.each(NOT_RAW)("refuses %j as not raw base64", (text) => {
    both(() => expect(() => base64ToBytes(text)).toThrow(new TypeError("Not raw base64")));
  });

  it("encodes a picture-sized buffer in one piece (no stack overflow from the chunked fallback)", () => {
    both(() => {
      const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    });
  });
});
