// The documents the workbench opens with: a short Word page and a 12-slide business deck (English sample content).
import type { ParagraphSeed } from "./wordPageModel";
import type { PictureSeed, TextBoxSeed } from "./slideModel";

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

/**
 * Text boxes of the first slide (960 × 540 pt), the one in view when the workbench opens and the one the E2E tests
 * use: a title, a body text box with the sample prompt ("TextBox 2"), and an empty one. No picture on it.
 */
export const SEED_TEXT_BOXES: readonly TextBoxSeed[] = [
  { name: "Title 1", text: "FY27 kickoff at the high lakes", fontSizePt: 40, leftPt: 48, topPt: 36, widthPt: 864, heightPt: 72 },
  { name: "TextBox 2", text: SAMPLE_PROMPT_PARAGRAPH, fontSizePt: 24, leftPt: 48, topPt: 132, widthPt: 400, heightPt: 120 },
  { name: "TextBox 3", text: "", fontSizePt: 18, leftPt: 48, topPt: 420, widthPt: 400, heightPt: 72 },
];

/** A 4 × 3 px teal PNG: the picture the "Our team" slide already has (stretched, it reads as a photo block). */
const TEAM_PHOTO_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEElEQVQImWPQz++HIwacHAAO2A4dcWJM/wAAAABJRU5ErkJggg==";

/** One slide of the seeded deck. */
export interface SlideSeed {
  layoutName: string;
  textBoxes: readonly TextBoxSeed[];
  pictures?: readonly PictureSeed[];
}

const title = (text: string): TextBoxSeed => ({ name: "Title 1", text, fontSizePt: 36, leftPt: 48, topPt: 30, widthPt: 864, heightPt: 72 });
/** A bullet list on the left half, leaving the right half free for a picture. */
const bullets = (...lines: string[]): TextBoxSeed => ({
  name: "Content Placeholder 2",
  text: lines.map((line) => `• ${line}`).join("\n"),
  fontSizePt: 20,
  leftPt: 48,
  topPt: 126,
  widthPt: 430,
  heightPt: 370,
});
const content = (heading: string, ...lines: string[]): SlideSeed => ({ layoutName: "Title and Content", textBoxes: [title(heading), bullets(...lines)] });
const section = (heading: string, subtitle: string): SlideSeed => ({
  layoutName: "Section Header",
  textBoxes: [
    { name: "Title 1", text: heading, fontSizePt: 44, leftPt: 64, topPt: 190, widthPt: 832, heightPt: 90 },
    { name: "Text Placeholder 2", text: subtitle, fontSizePt: 20, leftPt: 64, topPt: 290, widthPt: 832, heightPt: 50 },
  ],
});

/** The deck: title slide (the E2E slide), a section slide, bullet slides, one with a picture, a closing slide. */
export const SEED_DECK: readonly SlideSeed[] = [
  { layoutName: "Title Slide", textBoxes: SEED_TEXT_BOXES },
  section("Where we stand", "FY26 in review"),
  content(
    "Revenue in EMEA",
    "Quarterly revenue up 12% in EMEA",
    "Germany and the Nordics lead the growth",
    "Channel partners bring 40% of new deals",
    "Next: expand the reseller programme to Southern Europe",
  ),
  content("Hiring plan for 2027", "Grow engineering from 80 to 110 people", "Open a support hub in Lisbon", "Graduate programme with three universities", "Onboarding in two weeks, not six"),
  {
    layoutName: "Title and Content",
    textBoxes: [title("Our team"), bullets("Twelve nationalities across four offices", "Hybrid by default, together every quarter")],
    pictures: [
      {
        name: "Picture 3",
        picture: { base64: TEAM_PHOTO_BASE64, mimeType: "image/png", size: { widthPx: 4, heightPx: 3 } },
        altText: { title: "Team photo", description: "The whole team at the spring offsite" },
        tags: {},
        leftPt: 512,
        topPt: 126,
        widthPt: 400,
        heightPt: 300,
      },
    ],
  },
  section("Where we are going", "Priorities for FY27"),
  content("Security: zero trust by Q2", "Single sign-on and MFA for every internal tool", "Device health checks before access", "Quarterly phishing drills", "No standing admin rights"),
  content("Cloud migration", "Move the last two data centres to Azure by September", "Lift and shift first, then modernise", "Cut hosting costs by a fifth", "Keep customer data in the EU region"),
  content("Customer journey", "From first visit to renewal in one view", "Self-service onboarding in under ten minutes", "One support contact per account", "Measure satisfaction after every ticket"),
  content("Roadmap 2027", "Q1: mobile app for field teams", "Q2: partner portal", "Q3: analytics dashboards", "Q4: offline mode"),
  content("Sustainability", "Renewable power for every office by 2027", "Rail before air for trips under 600 km", "Report emissions with the annual accounts"),
  {
    layoutName: "Title Only",
    textBoxes: [
      { name: "Title 1", text: "Thank you", fontSizePt: 54, leftPt: 64, topPt: 180, widthPt: 832, heightPt: 100 },
      { name: "TextBox 2", text: "Questions?", fontSizePt: 28, leftPt: 64, topPt: 300, widthPt: 832, heightPt: 60 },
    ],
  },
];

/** Theme accents of the seeded deck (what PowerPointApi 1.10 would read from its theme). */
export const SEED_THEME_COLOURS: readonly string[] = ["#1F4E79", "#2E8B57", "#F28C28", "#708090"];
