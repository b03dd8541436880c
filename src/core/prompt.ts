// Turns selected document text into an image prompt: trim, collapse whitespace, cap the length.
import { MAX_PROMPT_CHARS } from "./protocol/limits";

/** A prompt made from a selection, and whether it was cut. */
export interface PromptFromSelection {
  prompt: string;
  /** True when the selection was longer than {@link MAX_PROMPT_CHARS} and was cut at a word boundary. */
  truncated: boolean;
  /** Characters in the cleaned selection before any cut. */
  originalLength: number;
}

/**
 * Cleans selected text into a prompt: collapses every run of whitespace (including paragraph marks, Word's
 * `\r` and vertical tabs) into one space, trims, and caps at `maxChars`, cutting at the last word boundary.
 */
export function promptFromSelection(text: string, maxChars = MAX_PROMPT_CHARS): PromptFromSelection {
  // Word returns control characters for fields and objects (\u0001, \u0013-\u0015); drop them.
  const cleaned = text
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (cleaned.length <= maxChars) return { prompt: cleaned, truncated: false, originalLength: cleaned.length };
  const cut = cleaned.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(" ");
  const prompt = (lastSpace > maxChars * 0.8 ? cut.slice(0, lastSpace) : cut).trim();
  return { prompt, truncated: true, originalLength: cleaned.length };
}
