// What the pane's components read through `useStrings`. Types only (no i18next at run time): first paint imports it.
import type { TFunction } from "i18next";
import type { TextDirection } from "./language";

/** The translate function the pane's components use (i18next's `t`, or the first-paint table's until i18next loads). */
export type Translate = TFunction;

/** The strings a page's components see: `t`, the language on screen and its writing direction. */
export interface PaneStrings {
  t: Translate;
  /** BCP 47 tag of what is on screen (the `lang` attribute), e.g. `"en"`, `"ar-SA"`. */
  language: string;
  /** Writing direction of `language` (the `dir` attribute). */
  dir: TextDirection;
  /**
   * False while the page shows the first-paint English table (`firstPaintStrings.ts`: the strings of the first draw
   * only, every other key gives `""`); true once i18next has every string.
   */
  complete: boolean;
}
