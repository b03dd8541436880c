// Picks the width × height asked of Foundry MAI for a requested pixel size, within the family's shared MAI rule.
import { capabilitiesForFamily, sizeRuleViolation, type MaiSizeRule } from "../../../src/core/protocol/models";
import type { PixelSize } from "../../../src/core/protocol/wire";

/** The MAI families and their size rules (src/core/protocol/models: ≥ 768 px a side; 1 MP on 2.5, 2.36 MP on 2.6). */
export type MaiFamily = "mai-image-2.5" | "mai-image-2.6";

/** The shared size rule of `family` (one home: src/core/protocol/models/families.ts). */
export function maiRule(family: MaiFamily): MaiSizeRule {
  return capabilitiesForFamily(family, { rpm: null }).sizeRule as MaiSizeRule;
}

/** Sides Illustrate asks of MAI are multiples of 16 px (as Microsoft's examples are). */
const STEP = 16;

/** Microsoft's documented sizes for the usual aspect ratios (1:1, 16:9, 9:16, 4:3), keyed by reduced ratio. */
export const MAI_DOCUMENTED_SIZES: Readonly<Record<string, PixelSize>> = {
  "1:1": { widthPx: 1024, heightPx: 1024 },
  "16:9": { widthPx: 1360, heightPx: 768 },
  "9:16": { widthPx: 768, heightPx: 1360 },
  "4:3": { widthPx: 1168, heightPx: 880 },
};

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** True when `size` is accepted by `family`'s MAI rule. */
export function fitsMai(size: PixelSize, family: MaiFamily = "mai-image-2.5"): boolean {
  return sizeRuleViolation(maiRule(family), size) === undefined;
}

/**
 * The MAI size for a requested size: the size itself when the family's rule accepts it (the gateway checked it
 * against that rule, so this is the usual case); else — a caller with its own size, e.g. an older pane's
 * `1536x1024` on MAI-Image-2.5 — the largest size of exactly the same aspect ratio with sides multiple of 16
 * inside the rule (1536×1024 → 1248×832; Microsoft's documented size for 1:1, 16:9, 9:16, 4:3), so it scales to the requested size without cropping; else the
 * nearest ratio with the short side at the minimum. The provider scales MAI's image to `requested` afterwards.
 */
export function maiSizeFor(requested: PixelSize, family: MaiFamily = "mai-image-2.5"): PixelSize {
  const rule = maiRule(family);
  if (fitsMai(requested, family)) return requested;
  const divisor = gcd(requested.widthPx, requested.heightPx);
  const documented = MAI_DOCUMENTED_SIZES[`${requested.widthPx / divisor}:${requested.heightPx / divisor}`];
  if (documented) return documented;
  const landscape = requested.widthPx >= requested.heightPx;
  const ratio = landscape ? requested.widthPx / requested.heightPx : requested.heightPx / requested.widthPx;
  for (let short = Math.floor(Math.sqrt(rule.maxPixels / ratio) / STEP) * STEP; short >= rule.minSidePx; short -= STEP) {
    const long = short * ratio;
    if (Number.isInteger(long) && long % STEP === 0 && long * short <= rule.maxPixels) {
      return landscape ? { widthPx: long, heightPx: short } : { widthPx: short, heightPx: long };
    }
  }
  const short = rule.minSidePx;
  const long = Math.max(short, Math.min(Math.floor((short * ratio) / STEP) * STEP, Math.floor(rule.maxPixels / short / STEP) * STEP));
  return landscape ? { widthPx: long, heightPx: short } : { widthPx: short, heightPx: long };
}
