// Raster finishes of the local renderer's style looks (line art, pencil, watercolor, oil, soft, outline), done with sharp.
import sharp from "sharp";
import type { Finish } from "./styleLook";

/** A raw 8-bit RGB image. */
export interface RawRgb {
  data: Buffer;
  width: number;
  height: number;
}

/** 3×3 Laplacian: zero on flat areas and smooth gradients, bright on the edges of shapes. */
const LAPLACIAN = { width: 3, height: 3, kernel: [-1, -1, -1, -1, 8, -1, -1, -1, -1] };

const rawOf = (image: RawRgb, channels: 1 | 3 = 3) => ({ raw: { width: image.width, height: image.height, channels } });

/** A one-channel buffer as three equal channels (sharp keeps greyscale output single-channel). */
function toRgb(grey: Buffer): Buffer {
  const rgb = Buffer.alloc(grey.length * 3);
  for (let i = 0; i < grey.length; i++) rgb[i * 3] = rgb[i * 3 + 1] = rgb[i * 3 + 2] = grey[i]!;
  return rgb;
}

/**
 * Edges as dark lines on white, one channel: 255 where the scene is flat, darker the stronger its Laplacian
 * (both sides of an edge, so a line is ~2 px). `ink`: thresholded to pure black on white.
 * (Inverted in code: sharp applies `negate` before `convolve` whatever the chaining order.)
 */
async function edges(image: RawRgb, ink: boolean): Promise<Buffer> {
  const laplacian = await sharp(image.data, rawOf(image))
    .greyscale()
    .convolve({ ...LAPLACIAN, scale: 1, offset: 128 })
    .raw()
    .toBuffer();
  const lines = Buffer.alloc(laplacian.length);
  for (let i = 0; i < laplacian.length; i++) {
    const strength = Math.abs(laplacian[i]! - 128);
    lines[i] = ink ? (strength > 12 ? 0 : 255) : Math.max(0, 255 - strength * 5);
  }
  return lines;
}

/** Multiplies two same-sized buffers (channel-wise, 255 = 1): ink over colour. */
function multiply(base: Buffer, over: Buffer): Buffer {
  const out = Buffer.alloc(base.length);
  for (let i = 0; i < base.length; i++) out[i] = Math.round((base[i]! * over[i]!) / 255);
  return out;
}

/**
 * Flat colour: at most `colours` colours, no dithering (libimagequant via sharp's palette PNG, decoded back),
 * so gradients, glows and the vignette become flat areas.
 */
async function posterize(image: RawRgb, colours: number): Promise<Buffer> {
  const png = await sharp(image.data, rawOf(image)).png({ palette: true, colours, dither: 0, effort: 1 }).toBuffer();
  return sharp(png).removeAlpha().toColourspace("srgb").raw().toBuffer();
}

/**
 * `image` with `finish` applied, same size, raw RGB. Blur radii scale with the width so a swatch and a full
 * picture look alike. Deterministic (no noise).
 */
export async function finishRaster(image: RawRgb, finish: Finish): Promise<RawRgb> {
  const { width, height } = image;
  const scale = Math.max(1, width / 512);
  const done = (data: Buffer): RawRgb => ({ data, width, height });
  switch (finish) {
    case "ink":
      return done(toRgb(await edges(image, true)));
    case "poster":
      return done(await posterize(image, 12));
    case "outline": {
      // Outlines from the drawing's shapes (not from the poster's bands), over its flat colours.
      return done(multiply(await posterize(image, 8), toRgb(await edges(image, true))));
    }
    case "pencil": {
      // Light graphite tone (the scene's lightness lifted toward paper), darkened by soft grey outlines.
      const tone = await sharp(image.data, rawOf(image)).greyscale().linear(0.45, 150).raw().toBuffer();
      return done(toRgb(multiply(tone, await edges(image, false))));
    }
    case "wash": {
      // Soft edges: pigment spreads, nothing is crisp.
      return done(
        await sharp(image.data, rawOf(image))
          .blur(1.6 * scale)
          .raw()
          .toBuffer(),
      );
    }
    case "paint": {
      // Brush dabs: a median (rank) filter at a third of the size, scaled back up (a full-size median is seconds).
      const small = Math.max(8, Math.round(width / 4));
      const dabs = await sharp(image.data, rawOf(image)).resize(small).median(3).raw().toBuffer({ resolveWithObject: true });
      return done(
        await sharp(dabs.data, { raw: { width: dabs.info.width, height: dabs.info.height, channels: 3 } })
          .resize(width, height, { fit: "fill", kernel: "cubic" })
          .raw()
          .toBuffer(),
      );
    }
    case "soft":
      return done(
        await sharp(image.data, rawOf(image))
          .blur(0.6 * scale)
          .raw()
          .toBuffer(),
      );
  }
}
