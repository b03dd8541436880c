// Document state of the workbench's Word-like page (paragraphs, inline pictures, selection): pure functions, no DOM.
import type { AltText } from "../core/altText";
import type { PictureProvenance } from "../hosts/DocumentHost";
import { provenanceTag } from "../hosts/word/provenanceXml";
import { wordPictureSize, type WordPageSetupPt } from "../hosts/word/wordSizing";
import type { OutlineParagraph } from "../hosts/word/wordSections";
import type { PictureData, PixelSize, PointSize } from "../core/types";

/** US Letter, the page the stand-in draws (8.5 × 11 in), in points. */
export const PAGE_SIZE_PT: PointSize = { widthPt: 612, heightPt: 792 };
/** Word's default margins: 1 in on every side, in points. */
export const PAGE_MARGIN_PT = 72;
/** The page setup the Word adapter would read (`Word.PageSetup`), in points. */
const PAGE_SETUP_PT: WordPageSetupPt = {
  pageWidth: PAGE_SIZE_PT.widthPt,
  pageHeight: PAGE_SIZE_PT.heightPt,
  leftMargin: PAGE_MARGIN_PT,
  rightMargin: PAGE_MARGIN_PT,
  topMargin: PAGE_MARGIN_PT,
  bottomMargin: PAGE_MARGIN_PT,
};

/** Paragraph styles the page knows (Word's built-in "Title", "Heading 1", "Heading 2", "Normal", "Caption"). */
export type ParagraphStyle = "title" | "heading1" | "heading2" | "normal" | "caption";

export interface ParagraphBlock {
  readonly kind: "paragraph";
  readonly id: string;
  readonly text: string;
  readonly style: ParagraphStyle;
}

/** What an inline picture holds: its bytes, size in the document, alt text, and the prompt it was made from. */
export interface PictureContent {
  readonly picture: PictureData;
  /** Size on the page in points (not the image's pixels). */
  readonly sizePt: PointSize;
  readonly altText: AltText;
  readonly prompt: string;
  /**
   * How Illustrate made it, kept in the page as Word keeps it in the content control's tag and a custom XML part
   * (src/hosts/word/provenanceXml.ts); absent for a picture Illustrate did not make (never claimed).
   */
  readonly provenance?: PictureProvenance;
}

/** An inline picture in a paragraph of its own (as the Word adapter inserts it: after the selected paragraph). */
export interface PictureBlock extends PictureContent {
  readonly kind: "picture";
  readonly id: string;
}

export type PageBlock = ParagraphBlock | PictureBlock;

/** A caret position: a paragraph and a character offset in its text. */
export interface TextPoint {
  readonly blockId: string;
  readonly offset: number;
}

/** The page's selection, kept while focus is elsewhere (in the pane), as Word keeps it. */
export type PageSelection =
  | { readonly kind: "none" }
  | { readonly kind: "text"; readonly anchor: TextPoint; readonly focus: TextPoint }
  | { readonly kind: "picture"; readonly blockId: string };

export interface WordPageState {
  readonly blocks: readonly PageBlock[];
  readonly selection: PageSelection;
  /** Next number for block ids (`p1`, `p2`, …). */
  readonly nextId: number;
}

/** A paragraph to seed a page with. */
export interface ParagraphSeed {
  text: string;
  style?: ParagraphStyle;
}

const NO_SELECTION: PageSelection = { kind: "none" };

/** A page holding `paragraphs` (at least one, empty if none given), nothing selected. */
export function createWordPage(paragraphs: readonly ParagraphSeed[]): WordPageState {
  const seeds = paragraphs.length > 0 ? paragraphs : [{ text: "" }];
  const blocks = seeds.map((seed, i): ParagraphBlock => ({ kind: "paragraph", id: `p${i + 1}`, text: seed.text, style: seed.style ?? "normal" }));
  return { blocks, selection: NO_SELECTION, nextId: blocks.length + 1 };
}

/** Index of block `id`, or -1. */
function blockIndex(state: WordPageState, id: string): number {
  return state.blocks.findIndex((block) => block.id === id);
}

/** Block `id`, or undefined. */
export function findBlock(state: WordPageState, id: string): PageBlock | undefined {
  return state.blocks.find((block) => block.id === id);
}

function paragraphAt(state: WordPageState, id: string): ParagraphBlock | undefined {
  const block = findBlock(state, id);
  return block?.kind === "paragraph" ? block : undefined;
}

/** The two ends of a text selection in document order. */
function orderedRange(state: WordPageState, anchor: TextPoint, focus: TextPoint): { start: TextPoint; end: TextPoint } {
  const a = blockIndex(state, anchor.blockId);
  const f = blockIndex(state, focus.blockId);
  const anchorFirst = a < f || (a === f && anchor.offset <= focus.offset);
  return anchorFirst ? { start: anchor, end: focus } : { start: focus, end: anchor };
}

function clampPoint(state: WordPageState, point: TextPoint): TextPoint | undefined {
  const paragraph = paragraphAt(state, point.blockId);
  if (!paragraph) return undefined;
  return { blockId: point.blockId, offset: Math.max(0, Math.min(point.offset, paragraph.text.length)) };
}

/** Selects text from `anchor` to `focus` (a caret when equal). Unknown paragraphs leave the state unchanged. */
export function selectText(state: WordPageState, anchor: TextPoint, focus: TextPoint): WordPageState {
  const a = clampPoint(state, anchor);
  const f = clampPoint(state, focus);
  if (!a || !f) return state;
  const current = state.selection;
  if (
    current.kind === "text" &&
    current.anchor.blockId === a.blockId &&
    current.anchor.offset === a.offset &&
    current.focus.blockId === f.blockId &&
    current.focus.offset === f.offset
  ) {
    return state;
  }
  return { ...state, selection: { kind: "text", anchor: a, focus: f } };
}

/** Selects the picture `blockId`. Unknown or non-picture blocks leave the state unchanged. */
export function selectPicture(state: WordPageState, blockId: string): WordPageState {
  if (findBlock(state, blockId)?.kind !== "picture") return state;
  if (state.selection.kind === "picture" && state.selection.blockId === blockId) return state;
  return { ...state, selection: { kind: "picture", blockId } };
}

/**
 * The selected text as Word's `Range.text` returns it: paragraphs joined with `\r`; pictures contribute nothing.
 * Empty for a caret, a selected picture or no selection.
 */
export function selectedText(state: WordPageState): string {
  const selection = state.selection;
  if (selection.kind !== "text") return "";
  const { start, end } = orderedRange(state, selection.anchor, selection.focus);
  const from = blockIndex(state, start.blockId);
  const to = blockIndex(state, end.blockId);
  const parts: string[] = [];
  for (let i = from; i <= to; i += 1) {
    const block = state.blocks[i];
    if (block.kind !== "paragraph") continue;
    const begin = i === from ? start.offset : 0;
    const finish = i === to ? end.offset : block.text.length;
    parts.push(block.text.slice(begin, finish));
  }
  return parts.join("\r");
}

/**
 * The block a picture is inserted after: the paragraph where the selection ends, the selected picture, or the last
 * block when nothing is selected (the stand-in then behaves as a caret at the end of the document).
 */
export function insertionBlockId(state: WordPageState): string {
  const selection = state.selection;
  if (selection.kind === "picture" && findBlock(state, selection.blockId)) return selection.blockId;
  if (selection.kind === "text") {
    const { start, end } = orderedRange(state, selection.anchor, selection.focus);
    const endIndex = blockIndex(state, end.blockId);
    // A selection ending at the very start of a later paragraph (a triple-click takes the paragraph mark) belongs
    // to the block before that paragraph, as in Word.
    if (end.offset === 0 && end.blockId !== start.blockId && endIndex > 0) return state.blocks[endIndex - 1].id;
    if (endIndex >= 0) return end.blockId;
  }
  return state.blocks[state.blocks.length - 1].id;
}

/**
 * Size of an inline picture of `image` pixels in the page, exactly as the Word adapter sizes it (`wordPictureSize`):
 * as wide as the text column (6.5 in = 468 pt), height from the aspect ratio, shrunk to the column height (648 pt).
 */
export function inlinePictureSize(image: PixelSize): PointSize {
  return wordPictureSize(image, PAGE_SETUP_PT);
}

/**
 * Inserts a picture (in a paragraph of its own) right after block `afterBlockId`, optionally followed by a
 * "Caption" paragraph. The selection is left where it was (as `insertInlinePictureFromBase64` leaves it).
 * @throws Error when `afterBlockId` is not in the page (callers resolve the target first).
 */
export function insertPictureAfter(
  state: WordPageState,
  afterBlockId: string,
  content: PictureContent,
  caption?: string,
): { state: WordPageState; pictureId: string } {
  const index = blockIndex(state, afterBlockId);
  if (index < 0) throw new Error(`No block ${afterBlockId} in the page`);
  let nextId = state.nextId;
  const pictureId = `p${nextId++}`;
  const added: PageBlock[] = [{ kind: "picture", id: pictureId, ...content }];
  if (caption !== undefined) added.push({ kind: "paragraph", id: `p${nextId++}`, text: caption, style: "caption" });
  const blocks = [...state.blocks.slice(0, index + 1), ...added, ...state.blocks.slice(index + 1)];
  return { state: { ...state, blocks, nextId }, pictureId };
}

/**
 * Deletes the text between `anchor` and `focus` (joining the end paragraph's rest onto the start paragraph and
 * removing whole blocks in between, pictures too, as Word does) and puts the caret at the cut.
 * @returns the new state and the paragraph where the cut is; unchanged state when either end is gone.
 */
export function deleteText(state: WordPageState, anchor: TextPoint, focus: TextPoint): { state: WordPageState; blockId?: string } {
  const a = clampPoint(state, anchor);
  const f = clampPoint(state, focus);
  if (!a || !f) return { state };
  const { start, end } = orderedRange(state, a, f);
  const from = blockIndex(state, start.blockId);
  const to = blockIndex(state, end.blockId);
  const first = state.blocks[from] as ParagraphBlock;
  const last = state.blocks[to] as ParagraphBlock;
  const joined: ParagraphBlock = { ...first, text: first.text.slice(0, start.offset) + last.text.slice(end.offset) };
  const blocks = [...state.blocks.slice(0, from), joined, ...state.blocks.slice(to + 1)];
  const caret = { blockId: first.id, offset: start.offset };
  return { state: { ...state, blocks, selection: { kind: "text", anchor: caret, focus: caret } }, blockId: first.id };
}

/**
 * Puts new content into picture `blockId` (same place in the page).
 * @returns the new state, or undefined when there is no such picture.
 */
export function replacePictureContent(state: WordPageState, blockId: string, content: PictureContent): WordPageState | undefined {
  const index = blockIndex(state, blockId);
  if (index < 0 || state.blocks[index].kind !== "picture") return undefined;
  const blocks = state.blocks.map((block, i): PageBlock => (i === index ? { kind: "picture", id: blockId, ...content } : block));
  return { ...state, blocks };
}

/** Sets the text of paragraph `id` (typed by the person). */
export function setParagraphText(state: WordPageState, id: string, text: string): WordPageState {
  const index = blockIndex(state, id);
  const block = state.blocks[index];
  if (!block || block.kind !== "paragraph" || block.text === text) return state;
  const blocks = state.blocks.map((b, i) => (i === index ? { ...block, text } : b));
  return { ...state, blocks, selection: clampSelection({ ...state, blocks }) };
}

function clampSelection(state: WordPageState): PageSelection {
  const selection = state.selection;
  if (selection.kind !== "text") return selection;
  const anchor = clampPoint(state, selection.anchor);
  const focus = clampPoint(state, selection.focus);
  return anchor && focus ? { kind: "text", anchor, focus } : NO_SELECTION;
}

/** Enter: splits paragraph `id` at `offset`; the new paragraph is "Normal" and gets the caret. */
export function splitParagraph(state: WordPageState, id: string, offset: number): WordPageState {
  const index = blockIndex(state, id);
  const block = state.blocks[index];
  if (!block || block.kind !== "paragraph") return state;
  const at = Math.max(0, Math.min(offset, block.text.length));
  const newId = `p${state.nextId}`;
  const head: ParagraphBlock = { ...block, text: block.text.slice(0, at) };
  // Enter after a title or a heading starts a Normal paragraph, as in Word.
  const tail: ParagraphBlock = { kind: "paragraph", id: newId, text: block.text.slice(at), style: block.style === "normal" || block.style === "caption" ? block.style : "normal" };
  const blocks = [...state.blocks.slice(0, index), head, tail, ...state.blocks.slice(index + 1)];
  const caret = { blockId: newId, offset: 0 };
  return { blocks, nextId: state.nextId + 1, selection: { kind: "text", anchor: caret, focus: caret } };
}

/**
 * Backspace at the start of paragraph `id`: joins it onto the previous paragraph (caret at the join), or removes
 * the picture just before it. Nothing happens at the start of the page.
 */
export function joinWithPrevious(state: WordPageState, id: string): WordPageState {
  const index = blockIndex(state, id);
  const block = state.blocks[index];
  if (index <= 0 || block.kind !== "paragraph") return state;
  const previous = state.blocks[index - 1];
  if (previous.kind === "picture") return removeBlock(state, previous.id);
  const joined: ParagraphBlock = { ...previous, text: previous.text + block.text };
  const blocks = [...state.blocks.slice(0, index - 1), joined, ...state.blocks.slice(index + 1)];
  const caret = { blockId: previous.id, offset: previous.text.length };
  return { ...state, blocks, selection: { kind: "text", anchor: caret, focus: caret } };
}

/** Removes block `id` (a picture deleted with Delete/Backspace); the page always keeps one paragraph. */
export function removeBlock(state: WordPageState, id: string): WordPageState {
  const index = blockIndex(state, id);
  if (index < 0) return state;
  let blocks = state.blocks.filter((block) => block.id !== id);
  let nextId = state.nextId;
  if (!blocks.some((block) => block.kind === "paragraph")) {
    blocks = [...blocks, { kind: "paragraph", id: `p${nextId++}`, text: "", style: "normal" }];
  }
  const kept = { ...state, blocks, nextId };
  const selection = state.selection;
  const stillThere =
    (selection.kind === "picture" && selection.blockId !== id) ||
    (selection.kind === "text" && clampSelection(kept).kind === "text");
  if (stillThere) return kept;
  const neighbour = blocks[Math.min(index, blocks.length - 1)];
  const caret = { blockId: neighbour.id, offset: 0 };
  return { ...kept, selection: neighbour.kind === "paragraph" ? { kind: "text", anchor: caret, focus: caret } : NO_SELECTION };
}

/** The heading level of a paragraph style (Heading 1 → 1, Heading 2 → 2), else undefined. */
function headingLevelOfStyle(style: ParagraphStyle): number | undefined {
  return style === "heading1" ? 1 : style === "heading2" ? 2 : undefined;
}

/**
 * The page's blocks as the Word section rules see paragraphs (src/hosts/word/wordSections.ts), one entry a block,
 * so section indices are block indices: a picture block is an empty paragraph holding one picture, tagged
 * `illustrate:<libraryId>` when it carries Illustrate's provenance.
 */
export function pageOutline(state: WordPageState): OutlineParagraph[] {
  return state.blocks.map((block): OutlineParagraph =>
    block.kind === "paragraph"
      ? { text: block.text, headingLevel: headingLevelOfStyle(block.style), pictureCount: 0, pictureTags: [] }
      : { text: "", pictureCount: 1, pictureTags: block.provenance ? [provenanceTag(block.provenance.libraryId)] : [] },
  );
}

const STYLES: readonly ParagraphStyle[] = ["title", "heading1", "heading2", "normal", "caption"];

/**
 * A page state read back from storage (JSON of a {@link WordPageState}), or undefined when it is not one (another
 * version, or corrupt): the caller then starts from the seed. Checks the shape, not the picture bytes (the host
 * checks bytes on the way in).
 */
export function parseStoredWordPage(json: string | null): WordPageState | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as WordPageState;
    const ids = new Set<string>();
    const blocksOk =
      Array.isArray(value.blocks) &&
      value.blocks.length > 0 &&
      value.blocks.every((b) => {
        if (typeof b?.id !== "string" || ids.has(b.id)) return false;
        ids.add(b.id);
        if (b.kind === "paragraph") return typeof b.text === "string" && STYLES.includes(b.style);
        return b.kind === "picture" && typeof b.picture?.base64 === "string" && typeof b.sizePt?.widthPt === "number" && typeof b.altText?.description === "string" && typeof b.prompt === "string";
      });
    if (!blocksOk || typeof value.nextId !== "number") return undefined;
    return { blocks: value.blocks, nextId: value.nextId, selection: NO_SELECTION };
  } catch {
    return undefined;
  }
}
