// The calls the pane's first draw makes to `t()`, and their English resolved by i18next from en.json: the content of
// src/taskpane/strings/firstPaint.en.json (written by scripts/make-first-paint-strings.ts, checked by a unit test).
import { STYLE_PRESETS } from "../../src/core/protocol/styles";
import { ASPECT_RATIOS, PICTURE_COUNTS } from "../../src/taskpane/generationOptions";
import { firstPaintId } from "../../src/taskpane/strings/firstPaintStrings";
import { createStrings } from "../../src/taskpane/strings/strings";

/** One `t(key, params)` call of the first draw. */
export interface FirstPaintCall {
  key: string;
  params?: Record<string, string | number>;
}

const plain = (...keys: string[]): FirstPaintCall[] => keys.map((key) => ({ key }));

/**
 * What the first draw (prompt, Use selection, the options, Generate, the deck entry; renderTaskPane.tsx,
 * OptionsFields.tsx, PlainStylePicker.tsx, DeckEntry.tsx) shows, and what a click on it can show before i18next has loaded (the prompt's own checks).
 * A call missing here draws as `""` until i18next's strings arrive; the unit test fails if the first draw differs.
 */
export const FIRST_PAINT_CALLS: readonly FirstPaintCall[] = [
  ...plain("app.title", "app.subtitle", "app.word", "app.powerpoint", "app.document"),
  ...plain("prompt.label", "prompt.hint", "prompt.placeholder", "prompt.useSelection", "prompt.emptySelection", "prompt.required"),
  ...plain("options.style", "options.aspect", "options.count", "generate.button", "generate.cancel", "generate.edit"),
  ...plain("deck.entrySlides", "deck.entrySections", "deck.loading"),
  // Where the host has no deck APIs (its requirement set is missing): the app's English name, as `app.word`/`app.powerpoint`.
  ...["Word", "PowerPoint"].map((app) => ({ key: "deck.unavailableNoReason", params: { app } })),
  ...PICTURE_COUNTS.map((count) => ({ key: "options.countValue", params: { count } })),
  ...ASPECT_RATIOS.map((aspect) => ({ key: `aspect.${aspect}` })),
  ...STYLE_PRESETS.map((preset) => ({ key: `style.${preset}` })),
];

/** `FIRST_PAINT_CALLS` resolved by i18next (English), keyed by `firstPaintId`. */
export function firstPaintTable(): Record<string, string> {
  const { t } = createStrings("en");
  return Object.fromEntries(FIRST_PAINT_CALLS.map(({ key, params }) => [firstPaintId(key, params), params ? t(key, params) : t(key)] as const));
}
