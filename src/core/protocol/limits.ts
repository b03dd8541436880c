// Limits of the image API that the pane and the gateway both apply. Source: shared/docs/image-api.md.

/** Longest prompt sent to the API, in characters (gpt-image accepts 32,000; MAI and our gateway keep it short). */
export const MAX_PROMPT_CHARS = 4000;
/** Most images one request may ask for (`n`). */
export const MAX_IMAGES_PER_REQUEST = 4;
/** Most partial images one streamed image may carry (`partial_images`, gpt-image: 0–3). */
export const MAX_PARTIAL_IMAGES = 3;
/** Largest input picture of an edit, in bytes (image-api.md: < 50 MB). */
export const MAX_EDIT_IMAGE_BYTES = 50 * 1024 * 1024;
/** Largest mask of an edit, in bytes (image-api.md: < 4 MB). */
export const MAX_MASK_BYTES = 4 * 1024 * 1024;
/** Largest single Server-Sent Event, in characters: a high-quality 3840 px PNG partial in base64 is ~30 M. */
export const MAX_EVENT_CHARS = 64 * 1024 * 1024;

// `POST /v1/prompts/visual` (slide/section text → visual briefs, issue 8). The pane cuts its items to these before
// sending; the gateway refuses a body over them (400), so neither side trips the other.

/** Most items one `POST /v1/prompts/visual` may carry (a whole deck run, core/deck `MAX_ITEMS_PER_RUN`, fits in one). */
export const MAX_BRIEF_ITEMS = 40;
/** Longest item id, in characters (a PowerPoint `Slide.id` such as `"267#2417928763"`, a Word section id). */
export const MAX_BRIEF_ITEM_ID_CHARS = 200;
/** Longest item title sent, in characters. */
export const MAX_BRIEF_TITLE_CHARS = 500;
/** Longest item text (slide body, section paragraphs) sent, in characters; the local writer reads as much. */
export const MAX_BRIEF_TEXT_CHARS = 4000;
/** Longest brief the gateway returns, in characters (one sentence; the no-text clause included). */
export const MAX_BRIEF_CHARS = 600;
/** Most colours in a run's palette (deck style). */
export const MAX_PALETTE_COLOURS = 4;
/** Longest "style words" line of a deck style, in characters. */
export const MAX_STYLE_WORDS_CHARS = 120;
