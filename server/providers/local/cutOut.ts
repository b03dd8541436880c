// The local renderer's `background: "transparent"`: the scene cut out as a soft-edged oval on real alpha (PNG).
import sharp from "sharp";
import type { PixelSize } from "../../../src/core/protocol/wire";

/** Fraction of the oval's radius that stays fully opaque; beyond it the alpha fades to 0 at the rim. */
const OPAQUE_CORE = 0.82;

/** An SVG of `size` whose alpha is 1 inside a centred oval touching the edges, fading to 0 at its rim. */
function ovalMask({ widthPx: w, heightPx: h }: PixelSize): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
      `<defs><radialGradient id="m" cx="0.5" cy="0.5" r="0.5">` +
      `<stop offset="${OPAQUE_CORE}" stop-color="#ffffff" stop-opacity="1"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/>` +
      `</radialGradient></defs><ellipse cx="${w / 2}" cy="${h / 2}" rx="${w / 2}" ry="${h / 2}" fill="url(#m)"/></svg>`,
  );
}

/**
 * `opaque` (PNG or JPEG bytes of exactly `size` pixels) as an 8-bit RGBA PNG (colour type 6): the scene inside
 * a centred oval, its corners fully transparent (alpha 0), the rim soft — a cut-out for a coloured slide, as a
 * model's transparent background gives. Deterministic (no metadata). Done with sharp's `dest-in` composite.
 * @throws Error from sharp when `opaque` is not an image
 */
export async function cutOut(opaque: Buffer, size: PixelSize): Promise<Buffer> {
  return sharp(opaque)
    .ensureAlpha()
    .composite([{ input: ovalMask(size), blend: "dest-in" }])
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
}
