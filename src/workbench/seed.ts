// The documents the workbench opens with: a short Word page and a title slide (English sample content).
import type { ParagraphSeed } from "./wordPageModel";
import type { TextBoxSeed } from "./slideModel";

/** The paragraph the E2E test selects as a prompt; keep it verbatim. */
const SAMPLE_PROMPT_PARAGRAPH = "A misty mountain lake at dawn";

/**
 * Paragraphs of the Word page: a short report in four Heading 1 sections (one with a Heading 2 subsection), so
 * "Illustrate sections…" has something to list. The sample prompt paragraph and "By mid-morning…" stay (E2E tests).
 */
export const SEED_PARAGRAPHS: readonly ParagraphSeed[] = [
  { text: "Field notes from the high country", style: "title" },
  { text: "Introduction", style: "heading1" },
  { text: "We left the trailhead before first light and climbed through pine forest until the valley opened below us." },
  { text: SAMPLE_PROMPT_PARAGRAPH },
  { text: "By mid-morning the fog had lifted and the far shore came into view, with its scree slopes and a single cabin." },
  { text: "The market for lakeside stays", style: "heading1" },
  { text: "Walkers and anglers book the valley's few cabins a season ahead; most of them come from the cities on the coast." },
  { text: "Who comes, and when", style: "heading2" },
  { text: "Families fill the summer weeks, while photographers and birdwatchers arrive in autumn for the colours and the mist." },
  { text: "Our plan for next year", style: "heading1" },
  { text: "We will restore the old boathouse, add four timber cabins along the north shore and run guided dawn walks." },
  { text: "Risks", style: "heading1" },
  { text: "Late snow can close the pass road into May, and a dry summer lowers the lake and drives the anglers away." },
  { text: "Select any paragraph, then create a picture for it in the Illustrate pane on the right." },
];

/** Text boxes of the slide (960 × 540 pt): a title, a body text box with the sample prompt, and an empty one. */
export const SEED_TEXT_BOXES: readonly TextBoxSeed[] = [
  { name: "Title 1", text: "Field trip: the high lakes", fontSizePt: 40, leftPt: 48, topPt: 36, widthPt: 864, heightPt: 72 },
  { name: "TextBox 2", text: SAMPLE_PROMPT_PARAGRAPH, fontSizePt: 24, leftPt: 48, topPt: 132, widthPt: 400, heightPt: 120 },
  { name: "TextBox 3", text: "", fontSizePt: 18, leftPt: 48, topPt: 420, widthPt: 400, heightPt: 72 },
];
