// Picks the width × height asked of Foundry MAI for a requested pixel size, within MAI's limits.
import type { PixelSize } from "../../../src/core/protocol/wire";

/** MAI limits (shared/docs/image-api.md): each side ≥ 768 px, width × height ≤ 1,048,576 px. */
export const MAI_MIN_SIDE_PX = 768;
export const MAI_MAX_PIXELS = 1_048_576;
/** Sides are multiples of 16 px. */
const STEP = 16;

/** The documented sizes for the usual aspect ratios (1:1, 16:9, 9:16, 4:3), keyed by reduced ratio. */
export const MAI_DOCUMENTED_SIZES: Readonly<Record<string, PixelSize>> = {
  "1:1": { widthPx: 1024, heightPx: 1024 },
  "16:9": { widthPx: 1360, heightPx: 768 },
  "9:16": { widthPx: 768, heightPx: 1360 },
  "4:3": { widthPx: 1168, heightPx: 880 },
};

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** True when `size` is accepted by MAI. */
export function fitsMai(size: PixelSize): boolean {
  return size.widthPx >= MAI_MIN_SIDE_PX && size.heightPx >= MAI_MIN_SIDE_PX && size.widthPx * size.heightPx <= MAI_MAX_PIXELS;
}

/**
 * The MAI size for a requested size: the documented size for 1:1, 16:9, 9:16, 4:3; else the largest size of
 * exactly the same aspect ratio with sides multiple of 16 inside MAI's limits (1536×1024 → 1248×832,
 * 1024×1536 → 832×1248), so the result can be scaled to the requested size without cropping; else the
 * nearest ratio with the short side at 768 px. The provider scales MAI's image to `requested` afterwards.
 */
export function maiSizeFor(requested: PixelSize): PixelSize {
  const divisor = gcd(requested.widthPx, requested.heightPx);
  const documented = MAI_DOCUMENTED_SIZES[`${requested.widthPx / divisor}:${requested.heightPx / divisor}`];
  if (documented) return documented;
  const landscape = requested.widthPx >= requested.heightPx;
  const ratio = landscape ? requested.widthPx / requested.heightPx : requested.heightPx / requested.widthPx;
  for (let short = Math.floor(Math.sqrt(MAI_MAX_PIXELS / ratio) / STEP) * STEP; short >= MAI_MIN_SIDE_PX; short -= STEP) {
    const long = short * ratio;
    if (Number.isInteger(long) && long % STEP === 0 && long * short <= MAI_MAX_PIXELS) {
      return landscape ? { widthPx: long, heightPx: short } : { widthPx: short, heightPx: long };
    }
  }
  const short = MAI_MIN_SIDE_PX;
  const long = Math.max(short, Math.min(Math.floor((short * ratio) / STEP) * STEP, Math.floor(MAI_MAX_PIXELS / short / STEP) * STEP));
  return landscape ? { widthPx: long, heightPx: short } : { widthPx: short, heightPx: long };
}
