// One style for a whole run: preset + palette + style words → the suffix every prompt of the run ends with.
import { MAX_PROMPT_CHARS } from "../protocol/limits";
import { isStylePreset, STYLE_SUFFIX, type StylePreset } from "../protocol/styles";
import { isHexColour, nameColour } from "./colourNames";

/** Most colours in a run's palette. */
export const MAX_PALETTE_COLOURS = 4;

/** Longest "style words" line kept, in characters (cut at a word boundary). */
export const MAX_STYLE_WORDS_CHARS = 120;

/** The clause every brief carries: slide text is content, and models render it literally otherwise (issue 8). */
export const NO_TEXT_CLAUSE = "with no text, letters or numbers anywhere in the picture";

/** Recognises a prompt that already asks for no text (a person's edit, or the gateway writer's brief). */
const ASKS_NO_TEXT = /\b(?:no|without)\s+(?:visible\s+|any\s+)?(?:text|words|letters|lettering|writing|captions?|labels?)\b/iu;

/** The style of a run, valid (as {@link parseDeckStyle} returns it). Plain data: stored with the run. */
export interface DeckStyle {
  preset: StylePreset;
  /** 0–{@link MAX_PALETTE_COLOURS} distinct colours, `#RRGGBB` upper case, in the person's order. */
  palette: string[];
  /** Free words ("calm, corporate, soft light"), whitespace collapsed, at most {@link MAX_STYLE_WORDS_CHARS}. */
  styleWords: string;
}

/** What the person typed or picked, before validation. */
export interface DeckStyleInput {
  preset?: unknown;
  palette?: readonly unknown[];
  styleWords?: unknown;
}

/** A reason a style input was refused; `key` is a pane string key, the rest fills it. */
export type DeckStyleIssue =
  | { key: "deckStyle.unknownPreset"; value: string }
  | { key: "deckStyle.tooManyColours"; count: number; max: number }
  | { key: "deckStyle.badColour"; index: number; value: string };

/** Result of {@link parseDeckStyle}: the style, or every issue found (nothing is silently dropped). */
export type ParsedDeckStyle =
  | { ok: true; style: DeckStyle; /** True when the style words were cut to {@link MAX_STYLE_WORDS_CHARS}. */ styleWordsCut: boolean }
  | { ok: false; issues: DeckStyleIssue[] };

/** The style of a run with nothing chosen: no preset, no palette, no words. */
export const NO_DECK_STYLE: DeckStyle = { preset: "none", palette: [], styleWords: "" };

/** Cleans the style words: control characters out, whitespace collapsed, trimmed, cut at a word boundary. */
function cleanStyleWords(text: string): { words: string; cut: boolean } {
  const cleaned = text
    .replace(/[\u0000-\u001f\u007f]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  if (cleaned.length <= MAX_STYLE_WORDS_CHARS) return { words: cleaned, cut: false };
  const slice = cleaned.slice(0, MAX_STYLE_WORDS_CHARS);
  const space = slice.lastIndexOf(" ");
  return { words: (space > MAX_STYLE_WORDS_CHARS / 2 ? slice.slice(0, space) : slice).replace(/[\s,;:.]+$/u, ""), cut: true };
}

/**
 * Validates a deck style. Colours must be `#RRGGBB` (either case; stored upper case; duplicates merged); at most
 * {@link MAX_PALETTE_COLOURS} after merging. Absent fields take {@link NO_DECK_STYLE}'s values.
 */
export function parseDeckStyle(input: DeckStyleInput): ParsedDeckStyle {
  const issues: DeckStyleIssue[] = [];
  const preset = input.preset ?? "none";
  if (!isStylePreset(preset)) issues.push({ key: "deckStyle.unknownPreset", value: String(preset) });
  const palette: string[] = [];
  (input.palette ?? []).forEach((value, index) => {
    if (!isHexColour(value)) {
      issues.push({ key: "deckStyle.badColour", index, value: String(value) });
      return;
    }
    const upper = value.toUpperCase();
    if (!palette.includes(upper)) palette.push(upper);
  });
  if (palette.length > MAX_PALETTE_COLOURS) issues.push({ key: "deckStyle.tooManyColours", count: palette.length, max: MAX_PALETTE_COLOURS });
  const { words, cut } = cleanStyleWords(typeof input.styleWords === "string" ? input.styleWords : "");
  if (issues.length > 0 || !isStylePreset(preset)) return { ok: false, issues };
  return { ok: true, style: { preset, palette, styleWords: words }, styleWordsCut: cut };
}

/** "a", "a and b", "a, b and c" (English: prompts are in English). */
export function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/**
 * The suffix every prompt of the run ends with, e.g. "Style: watercolor painting, soft washes, paper texture;
 * colour palette of deep navy, coral and white; calm, corporate." Empty for {@link NO_DECK_STYLE}.
 * Colours are named in words ({@link nameColour}); two that share a name are named once.
 */
export function deckStyleSuffix(style: DeckStyle): string {
  const parts: string[] = [];
  const preset = STYLE_SUFFIX[style.preset];
  if (preset) parts.push(preset);
  const names = [...new Set(style.palette.map(nameColour))];
  if (names.length > 0) parts.push(`colour palette of ${joinAnd(names)}`);
  const words = style.styleWords.replace(/[\s.;,]+$/u, "");
  if (words) parts.push(words);
  return parts.length > 0 ? `Style: ${parts.join("; ")}.` : "";
}

/** True when the prompt already asks for no text, letters or words in the picture. */
export function asksForNoText(prompt: string): boolean {
  return ASKS_NO_TEXT.test(prompt);
}

/**
 * The prompt sent for one item: its brief (as written or edited) + {@link NO_TEXT_CLAUSE} when the brief lacks such a
 * request + the run's `suffix`. The brief is cut (at a word boundary) so the whole fits in `maxChars` and the suffix
 * is always intact at the end. An empty brief gives `""` (the item cannot be sent).
 */
export function deckPrompt(brief: string, suffix: string, maxChars = MAX_PROMPT_CHARS): string {
  let body = brief.replace(/\s+/gu, " ").trim();
  if (!body) return "";
  const tail = suffix ? ` ${suffix}` : "";
  const noText = asksForNoText(body) ? "" : `, ${NO_TEXT_CLAUSE}.`;
  const room = maxChars - tail.length - noText.length - 1;
  if (body.length > room) {
    const slice = body.slice(0, Math.max(0, room));
    const space = slice.lastIndexOf(" ");
    body = space > room * 0.8 ? slice.slice(0, space) : slice;
  }
  body = noText ? body.replace(/[\s.,;:!?]+$/u, "") : /[.!?]$/u.test(body) ? body : `${body}.`;
  return `${body}${noText}${tail}`;
}
