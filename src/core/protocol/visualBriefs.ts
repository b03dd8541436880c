// Wire types and shared rules of `POST /v1/prompts/visual` (slide/section text → one visual brief per item) and of
// `GET /v1/backend`'s prompt-writer field; the no-text rule every brief carries. Imported by the pane and the gateway.
import type { BackendInfo } from "./wire";
import type { StylePreset } from "./styles";

/** Path of the visual-brief route on the gateway. */
export const VISUAL_BRIEFS_PATH = "/v1/prompts/visual";

/** The clause every brief carries: slide text is content, and image models render it literally otherwise (issue 8). */
export const NO_TEXT_CLAUSE = "with no text, letters or numbers anywhere in the picture";

/** Recognises a prompt that already asks for no text (a person's edit, or the chat model's brief). */
const ASKS_NO_TEXT = /\b(?:no|without)\s+(?:visible\s+|any\s+)?(?:text|words|letters|lettering|writing|captions?|labels?)\b/iu;

/** True when the prompt already asks for no text, letters or words in the picture. */
export function asksForNoText(prompt: string): boolean {
  return ASKS_NO_TEXT.test(prompt);
}

/**
 * `brief` as one sentence that asks for no text: whitespace collapsed, and `, {@link NO_TEXT_CLAUSE}.` appended when
 * the brief does not already ask for it ({@link asksForNoText}). `""` stays `""`.
 */
export function withNoTextClause(brief: string): string {
  const text = brief.replace(/\s+/gu, " ").trim();
  if (!text || asksForNoText(text)) return text;
  return `${text.replace(/[\s.,;:!?]+$/u, "")}, ${NO_TEXT_CLAUSE}.`;
}

/** One item to write a brief for (a slide or a Word section). Limits: src/core/protocol/limits.ts `MAX_BRIEF_*`. */
export interface VisualBriefItem {
  /** The pane's id of the item (PowerPoint `Slide.id`, a Word section id), 1–200 characters; echoed in the answer. */
  id: string;
  /** `slide` or `section`; helps the model read the text. @default "slide" */
  kind?: "slide" | "section";
  /** Slide title or section heading, 0–500 characters. */
  title: string;
  /** The rest of the item's text, 0–4000 characters (the pane cuts longer text). */
  text: string;
}

/** The run's style as the chat model hears it (so a brief does not fight it); the same fields as core/deck `DeckStyle`. */
export interface VisualBriefStyle {
  /** A style preset id (src/core/protocol/styles.ts). */
  preset: StylePreset;
  /** 0–4 colours, `#RRGGBB`. */
  palette: string[];
  /** Free style words, 0–120 characters. */
  style_words: string;
}

/** Body of `POST /v1/prompts/visual`. */
export interface VisualBriefsRequest {
  /** 1–40 items, ids distinct. */
  items: VisualBriefItem[];
  style: VisualBriefStyle;
}

/** One brief of the answer. */
export interface VisualBriefEntry {
  /** The item's id as sent. */
  id: string;
  /** One English sentence describing a scene, ending with the no-text request; at most `MAX_BRIEF_CHARS`. */
  prompt: string;
}

/** Which chat deployment writes briefs: `GET /v1/backend` `promptWriter`, and every brief answer. */
export interface PromptWriterInfo {
  /** `azure-openai` (an Azure OpenAI / Foundry chat deployment). */
  provider: string;
  /** The deployment name. */
  model: string;
}

/**
 * Answer of `POST /v1/prompts/visual`: a brief for every item the model wrote one for, in the items' order. An item
 * the model left out (or gave an unusable brief) is absent: the pane writes that one locally.
 */
export interface VisualBriefsResponse {
  briefs: VisualBriefEntry[];
  writer: PromptWriterInfo;
}

/**
 * Answer of `GET /v1/backend`: the default model's backend (as before) plus `promptWriter`, the chat deployment
 * behind `POST /v1/prompts/visual`, or `null` when none is configured (the route then answers 404
 * `prompt_writer_not_configured`). An older gateway sends no `promptWriter`: treat as `null`.
 */
export interface BackendStatus extends BackendInfo {
  promptWriter: PromptWriterInfo | null;
}
