// Where the style picker's preview swatches are (static PNGs made by scripts/make-style-swatches.ts) and their size.
import type { StylePreset } from "../core/protocol/styles";

/** Displayed size of a swatch in CSS pixels; the files are twice this for high-DPI screens. */
export const SWATCH_CSS_PX = { width: 48, height: 32 } as const;

/**
 * URL of `preset`'s swatch, relative to the page (webpack copies assets/ next to taskpane.html), loaded by the
 * browser on demand: not bundled, so it adds nothing to the pane's first-paint JavaScript.
 */
export function swatchUrl(preset: StylePreset): string {
  return `assets/styles/${preset}.png`;
}
