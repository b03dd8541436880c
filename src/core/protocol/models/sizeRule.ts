// Checks a `size` against a model's size rule; the one check the pane and the gateway's 400 both use.
import { parseApiSize } from "../../sizes";
import type { PixelSize } from "../../types";
import type { ModelCapabilities, SizeRule } from "./capabilities";

/** Result of {@link validateSize}: the parsed size, or the sentence for a 400 `invalid_size`. */
export type SizeCheck = { ok: true; size: PixelSize } | { ok: false; code: "invalid_size"; message: string };

/** `1048576` → `1,048,576` (no locale: the message is the same on every machine). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The rule in words, e.g. `one of 1024x1024, 1536x1024, 1024x1536`. */
export function describeSizeRule(rule: SizeRule): string {
  switch (rule.kind) {
    case "fixed":
      return `one of ${rule.sizes.join(", ")}`;
    case "multiple":
      return (
        `WIDTHxHEIGHT with both sides multiples of ${rule.multipleOfPx} px, the long side at most ` +
        `${rule.maxLongEdgePx} px, at most ${rule.maxRatio}:1, and ${grouped(rule.minPixels)} to ` +
        `${grouped(rule.maxPixels)} pixels in all`
      );
    case "mai":
      return `WIDTHxHEIGHT with each side at least ${rule.minSidePx} px and width × height at most ${grouped(rule.maxPixels)} pixels`;
  }
}

/** Why `size` breaks `rule` (a short clause), or `undefined` when it fits. Sides in pixels, integers. */
export function sizeRuleViolation(rule: SizeRule, size: PixelSize): string | undefined {
  const { widthPx: w, heightPx: h } = size;
  if (!Number.isInteger(w) || !Number.isInteger(h) || w <= 0 || h <= 0) return "sides must be positive whole pixels";
  const pixels = w * h;
  switch (rule.kind) {
    case "fixed":
      return rule.sizes.includes(`${w}x${h}`) ? undefined : "not one of the allowed sizes";
    case "multiple": {
      const long = Math.max(w, h);
      const short = Math.min(w, h);
      if (w % rule.multipleOfPx !== 0 || h % rule.multipleOfPx !== 0) return `a side is not a multiple of ${rule.multipleOfPx}`;
      if (long > rule.maxLongEdgePx) return `the long side is over ${rule.maxLongEdgePx} px`;
      if (long > short * rule.maxRatio) return `the ratio is wider than ${rule.maxRatio}:1`;
      if (pixels < rule.minPixels) return `under ${grouped(rule.minPixels)} pixels`;
      if (pixels > rule.maxPixels) return `over ${grouped(rule.maxPixels)} pixels`;
      return undefined;
    }
    case "mai":
      if (w < rule.minSidePx || h < rule.minSidePx) return `a side is under ${rule.minSidePx} px`;
      if (pixels > rule.maxPixels) return `over ${grouped(rule.maxPixels)} pixels`;
      return undefined;
  }
}

/**
 * Checks the request's `size` (`"WIDTHxHEIGHT"`, pixels) against the model's rule, for the gateway's 400
 * (never forward a refused size) and the pane's own check before sending.
 * @returns `{ ok: true, size }`, or `{ ok: false, code: "invalid_size", message }` whose message states the
 *   rule, e.g. `size 1000x1000 is not accepted by gpt-image-2 (a side is not a multiple of 16): size must be
 *   WIDTHxHEIGHT with both sides multiples of 16 px, …`
 */
export function validateSize(capabilities: Pick<ModelCapabilities, "family" | "sizeRule">, size: string): SizeCheck {
  const rule = capabilities.sizeRule;
  const parsed = parseApiSize(size);
  const why = parsed ? sizeRuleViolation(rule, parsed) : "not WIDTHxHEIGHT in pixels";
  if (parsed && why === undefined) return { ok: true, size: parsed };
  const shown = size.length > 20 ? `${size.slice(0, 20)}…` : size;
  return {
    ok: false,
    code: "invalid_size",
    message: `size ${JSON.stringify(shown)} is not accepted by ${capabilities.family} (${why}): size must be ${describeSizeRule(rule)}`,
  };
}
