// The colours a deck uses, from theme colours or from shape fills and text colours: normalising and ranking (pure).

/** Most colours `readPalette` returns (`DeckHostAdditions.readPalette`: "up to 6"). */
export const MAX_DECK_PALETTE = 6;

/** Theme colours asked for at PowerPointApi 1.10, in order (`ThemeColorScheme.getThemeColor`). */
export const THEME_ACCENTS = ["Accent1", "Accent2", "Accent3", "Accent4", "Accent5", "Accent6"] as const;

/**
 * `#RRGGBB` upper-case from what PowerPoint returns: `getThemeColor` documents "#RRGGBB" but shows "FFA500" in its
 * example, `ShapeFill.foregroundColor` / `ShapeFont.color` give "#RRGGBB" or an empty string / null when mixed or none.
 */
export function normaliseHex(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^#?([0-9a-f]{6})$/i.exec(value.trim());
  return match ? `#${match[1].toUpperCase()}` : undefined;
}

/**
 * The colours a deck actually uses, most used first, at most `max`: plain white and black are dropped (page
 * background and default text say nothing about the deck's look), duplicates counted once per use.
 */
export function rankColours(values: readonly unknown[], max = MAX_DECK_PALETTE): string[] {
  const counts = new Map<string, number>();
  for (const value of values) {
    const hex = normaliseHex(value);
    if (!hex || hex === "#FFFFFF" || hex === "#000000") continue;
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([hex]) => hex);
}
