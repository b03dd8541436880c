// Writes an XMP packet into already-encoded PNG or JPEG bytes (a chunk / segment splice, no decode, no re-encode).
import { crc32 } from "node:zlib";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** iTXt keyword of XMP in PNG (XMP Specification Part 3, §1.1.5 "PNG"). */
const PNG_XMP_KEYWORD = "XML:com.adobe.xmp";
/** Text chunks that may hold an older packet under that keyword (libvips and ImageMagick write zTXt). */
const XMP_TEXT_CHUNKS = new Set(["iTXt", "zTXt", "tEXt"]);
/** APP1 namespace of XMP in JPEG (XMP Specification Part 3, §1.1.3 "JPEG"), NUL-terminated. */
const JPEG_XMP_NAMESPACE = Buffer.from("http://ns.adobe.com/xap/1.0/\0", "latin1");
/** Largest APP1 payload: the segment length is 16 bits and counts its own two bytes. */
const JPEG_MAX_SEGMENT_PAYLOAD = 0xffff - 2;

/** The bytes are not a PNG / JPEG this module can walk (truncated, wrong signature, malformed lengths). */
export class MalformedImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedImageError";
  }
}

/** One PNG chunk: length (4, big-endian) + type (4) + data + CRC-32 of type and data (4). */
function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, "latin1");
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** The iTXt chunk holding `xmp`: keyword, NUL, compression flag 0, method 0, empty language and translated keyword. */
function xmpITxtChunk(xmp: string): Buffer {
  const data = Buffer.concat([Buffer.from(`${PNG_XMP_KEYWORD}\0\0\0\0\0`, "latin1"), Buffer.from(xmp, "utf8")]);
  return pngChunk("iTXt", data);
}

/**
 * `png` with `xmp` as an `iTXt` chunk right after `IHDR` (before the image data, where readers that stop early
 * still find it), and any XMP text chunk it had (iTXt, or the zTXt/tEXt libvips and ImageMagick write) removed. Every other chunk is kept byte for byte; only the new
 * chunk's CRC is computed.
 * @throws MalformedImageError when `png` has no PNG signature, no leading IHDR, or a chunk runs past the end
 */
export function embedXmpInPng(png: Buffer, xmp: string): Buffer {
  if (png.length < 8 + 25 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new MalformedImageError("not a PNG (signature)");
  const pieces: Buffer[] = [];
  let offset = 8;
  let keptFrom = 0;
  let sawIhdr = false;
  while (offset < png.length) {
    if (offset + 12 > png.length) throw new MalformedImageError("PNG chunk header runs past the end");
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > png.length) throw new MalformedImageError(`PNG chunk ${type} runs past the end`);
    if (!sawIhdr) {
      if (type !== "IHDR") throw new MalformedImageError("PNG does not start with IHDR");
      sawIhdr = true;
      pieces.push(png.subarray(0, end), xmpITxtChunk(xmp));
      keptFrom = end;
    } else if (XMP_TEXT_CHUNKS.has(type) && png.toString("latin1", offset + 8, offset + 8 + PNG_XMP_KEYWORD.length + 1) === `${PNG_XMP_KEYWORD}\0`) {
      pieces.push(png.subarray(keptFrom, offset));
      keptFrom = end;
    }
    if (type === "IEND") break;
    offset = end;
  }
  pieces.push(png.subarray(keptFrom));
  return Buffer.concat(pieces);
}

/** True for an APP1 segment (payload starting at `payload`) that holds XMP. */
function isXmpApp1(jpeg: Buffer, marker: number, payload: number, end: number): boolean {
  return (
    marker === 0xe1 &&
    end - payload >= JPEG_XMP_NAMESPACE.length &&
    jpeg.subarray(payload, payload + JPEG_XMP_NAMESPACE.length).equals(JPEG_XMP_NAMESPACE)
  );
}

/**
 * `jpeg` with `xmp` in an APP1 segment after the SOI and any leading APP0 (JFIF) segments, and any XMP APP1
 * segment it had removed. The entropy-coded data and every other segment are kept byte for byte.
 * @throws MalformedImageError when `jpeg` has no SOI, a segment runs past the end, or there is no SOS;
 *   RangeError when the packet does not fit one APP1 segment (64 KB; provenance packets are under 1 KB)
 */
export function embedXmpInJpeg(jpeg: Buffer, xmp: string): Buffer {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new MalformedImageError("not a JPEG (SOI)");
  const payload = Buffer.concat([JPEG_XMP_NAMESPACE, Buffer.from(xmp, "utf8")]);
  if (payload.length > JPEG_MAX_SEGMENT_PAYLOAD) throw new RangeError(`XMP packet of ${payload.length} bytes does not fit one APP1 segment`);
  const segment = Buffer.alloc(4 + payload.length);
  segment.writeUInt16BE(0xffe1, 0);
  segment.writeUInt16BE(payload.length + 2, 2);
  payload.copy(segment, 4);

  const pieces: Buffer[] = [];
  let offset = 2;
  let keptFrom = 0;
  let inserted = false;
  const insert = (at: number) => {
    pieces.push(jpeg.subarray(keptFrom, at), segment);
    keptFrom = at;
    inserted = true;
  };
  for (;;) {
    if (offset + 4 > jpeg.length || jpeg[offset] !== 0xff) throw new MalformedImageError("JPEG segment marker expected before SOS");
    const marker = jpeg[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xda) {
      if (!inserted) insert(offset);
      break;
    }
    const end = offset + 2 + jpeg.readUInt16BE(offset + 2);
    if (end > jpeg.length) throw new MalformedImageError("JPEG segment runs past the end");
    if (!inserted && marker !== 0xe0) insert(offset);
    if (isXmpApp1(jpeg, marker, offset + 4, end)) {
      pieces.push(jpeg.subarray(keptFrom, offset));
      keptFrom = end;
    }
    offset = end;
  }
  pieces.push(jpeg.subarray(keptFrom));
  return Buffer.concat(pieces);
}
