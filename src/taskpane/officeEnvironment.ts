// Reads the pane's theme and display language from Office (or the browser), as plain values for mountTaskPane.
import type { PaneTheme } from "./mountTaskPane";
import { pageLanguage } from "./strings/language";

/** Relative luminance (0 dark … 1 light) of a `#rrggbb` or `#rgb` colour; `undefined` for anything else. */
export function luminance(color: string): number | undefined {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The pane theme: high contrast when the system forces colours (Windows contrast themes), else dark when Office's
 * body background is dark (`Office.context.officeTheme.bodyBackgroundColor`), else light.
 */
export function paneThemeFor(bodyBackgroundColor: string | undefined, forcedColors: boolean): PaneTheme {
  if (forcedColors) return "highContrast";
  const l = bodyBackgroundColor === undefined ? undefined : luminance(bodyBackgroundColor);
  return l !== undefined && l < 0.18 ? "dark" : "light";
}

/** Reads theme and language (`?lang=`, else Office's display language, else the browser's) from the running Office (call after `Office.onReady`). */
export function officeEnvironment(): { theme: PaneTheme; language: string } {
  const context = typeof Office === "undefined" ? undefined : Office.context;
  // officeTheme is undefined in hosts that do not support it (e.g. Word on the web); fall back to light.
  const background = context?.officeTheme?.bodyBackgroundColor;
  const forced = typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(forced-colors: active)").matches;
  return { theme: paneThemeFor(background, forced), language: pageLanguage() };
}
