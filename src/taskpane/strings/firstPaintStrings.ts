// English for the pane's first draw, before the i18next chunk arrives: the strings that draw shows, resolved ahead of
// time by i18next itself (scripts/make-first-paint-strings.ts writes firstPaint.en.json from en.json; a unit test checks
// the two agree and that the first draw looks the same with either). Issue #11: i18next and most of English leave
// the first paint.
import table from "./firstPaint.en.json";
import type { PaneStrings, Translate } from "./paneStrings";

/**
 * The table's id for a call `t(key, params)`: the key alone, or the key and its parameters in name order
 * (`options.countValue?count=2`); `defaultValue` is not part of the id.
 */
export function firstPaintId(key: string, params?: object): string {
  const entries = Object.entries(params ?? {})
    .filter(([name]) => name !== "defaultValue")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? key : `${key}?${new URLSearchParams(entries.map(([name, value]) => [name, String(value)])).toString()}`;
}

const TABLE: Readonly<Record<string, string>> = table;

/** Options of {@link firstPaintStrings}. */
export interface FirstPaintOptions {
  /** The English tag on screen, e.g. `"en-GB"`. @default "en" */
  language?: string;
  /** Told the id of each call the table lacks (tests). */
  onMissing?: (id: string) => void;
}

/**
 * The first draw's strings (English, left to right, `complete: false`): `t` looks a call up in the table and gives `""`
 * for any other (never a key on screen), reporting it to `onMissing`. The page draws again with i18next's strings as
 * soon as their chunk has loaded.
 */
export function firstPaintStrings({ language = "en", onMissing }: FirstPaintOptions = {}): PaneStrings {
  const t = (key: string | string[], params?: object): string => {
    const id = firstPaintId(Array.isArray(key) ? (key[0] ?? "") : key, params);
    // Own keys only: an id such as "constructor" must not find Object.prototype's.
    if (Object.hasOwn(TABLE, id)) return TABLE[id]!;
    onMissing?.(id);
    return "";
  };
  return { t: t as unknown as Translate, language, dir: "ltr", complete: false };
}
