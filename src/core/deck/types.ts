// Value types of a whole-deck / whole-document run (issue 8), and the proposed host-adapter additions. Types only.
import type { AltText } from "../altText";
import type { RectPt } from "../placement";
import type { PictureData, PointSize } from "../types";

/** What one item of a deck or document is: a PowerPoint slide, or a Word section (a heading and the text under it). */
export type DeckItemKind = "slide" | "section";

/**
 * Placeholder types a slide's shapes carry, as `PowerPoint.PlaceholderType` names them (`Shape.placeholderFormat.type`,
 * PowerPointApi 1.8). Only the ones the deck rules look at are listed; any other value is kept as a plain string.
 */
export type PlaceholderType =
  | "Title"
  | "CenterTitle"
  | "Subtitle"
  | "Body"
  | "Content"
  | "Picture"
  | "Chart"
  | "Table"
  | "Media"
  | "Date"
  | "SlideNumber"
  | "Footer"
  | "Header"
  | (string & {});

/** What the host says about an item's layout; every field is optional because hosts below the requirement set cannot tell. */
export interface LayoutHint {
  /** `Slide.layout.name` (PowerPointApi 1.3), e.g. "Title Slide", "Section Header", "Title and Content". */
  name?: string;
  /** Types of the placeholders on the slide (PowerPointApi 1.8), in shape order. */
  placeholders?: readonly PlaceholderType[];
  /** Word only: the heading level the section starts with (`Paragraph.styleBuiltIn` Heading1 → 1, WordApi 1.3). */
  headingLevel?: number;
}

/**
 * One slide or section as the host adapter lists it. Text is as the host returns it (not cleaned).
 * Geometry in points (1/72 inch).
 */
export interface DeckItem {
  /** Stable host identity: PowerPoint `Slide.id` (found again with `presentation.slides.getItem(id)`); Word: a section id the adapter can re-find (tracked range or heading text + ordinal). */
  id: string;
  /** 0-based position in the deck or document when listed (shown to the person as `index + 1`). */
  index: number;
  kind: DeckItemKind;
  /** Slide title (title / centre-title placeholder text) or the section's heading text. Empty string when none. */
  title: string;
  /** Every other text on the slide (shapes' `textFrame.textRange.text`, one shape a line), or the section's paragraphs. */
  body: string;
  /** True when the slide or section already holds a picture (PowerPoint `ShapeType.image`; Word inline pictures in the section). */
  hasPicture: boolean;
  layout?: LayoutHint;
  /** The largest free area on the slide where the host knows its shapes' geometry (core/placement `largestFreeRect`). */
  freeAreaPt?: RectPt;
}

/** Text of one item, which is all a {@link PromptWriter} needs. */
export type DeckItemText = Pick<DeckItem, "id" | "kind" | "title" | "body">;

/** Where an inserted picture went, read back from the document; kept in the run so Insert never duplicates. */
export interface InsertedLocation {
  itemId: string;
  /** PowerPoint `Shape.id` of the picture, or the Word content control's `tag`. */
  shapeId: string;
  /** Where the picture sits on the slide, in points (slides only). */
  rectPt?: RectPt;
  sizePt?: PointSize;
}

/** Options of {@link DeckHostAdditions.insertIntoItem}. */
export interface DeckInsertOptions {
  altText: AltText;
  /** The prompt the picture was made from (PowerPoint `Shape.tags`, Word content-control tag / custom property). */
  prompt: string;
  /** The picture library's id: tagged on the shape, so a second insert of the same picture is found and skipped. */
  pictureId: string;
  /**
   * The rest of the picture's provenance (`PictureProvenance` of src/hosts/DocumentHost, whose `libraryId` is
   * `pictureId` and `prompt` is `prompt`): kept in the document with the picture (Word custom XML part, PowerPoint tags).
   */
  provenance?: { style: string; model?: string; size?: string };
}

/**
 * Proposed additions to `src/hosts/DocumentHost.ts` for whole-deck runs (not wired yet: src/hosts is being
 * refactored). Word, PowerPoint and the workbench stand-ins would implement them; each new Office.js call is gated in
 * the capability map (feature `deck`, reason shown when absent). Every method throws `HostError` and leaves the
 * document as it was; a proposed new `HostErrorCode` `"item_gone"` says the slide or section is no longer there
 * (deleted between Generate and Insert): the run marks that item `gone` and goes on with the others.
 *
 * - PowerPoint: `presentation.slides` (1.2), `Slide.shapes` (1.3), `textFrame.textRange.text` (1.4, guard
 *   `textFrame.hasText`), `Slide.layout.name` (1.3), `placeholderFormat.type` (1.8), `getImageAsBase64` (1.8),
 *   `themeColorScheme.getThemeColor` (1.10) — source: shared/docs/office-hosts.md "Whole deck / whole document".
 * - Word: `body.paragraphs` + `styleBuiltIn` Heading1/Heading2 (WordApi 1.3) split the sections.
 */
export interface DeckHostAdditions {
  /** Lists every slide (PowerPoint) or section (Word) in document order. An empty document gives `[]`. */
  listItems(): Promise<DeckItem[]>;
  /** Reads one item's text again (right before writing its prompt). @throws HostError `item_gone` */
  readItemText(itemId: string): Promise<DeckItemText>;
  /**
   * Renders a thumbnail of the item, `heightPx` high (PowerPoint `Slide.getImageAsBase64({ height })`, 1.8);
   * `undefined` where the host cannot (Word, older PowerPoint).
   */
  renderThumbnail?(itemId: string, heightPx: number): Promise<PictureData | undefined>;
  /** Up to 6 `#RRGGBB` colours the deck uses (theme accents at 1.10, else shape fills and text colours, 1.4). */
  readPalette?(): Promise<string[]>;
  /**
   * Puts `picture` into the given item: PowerPoint — clear the shape selection first (office-js #2775: PowerPoint on
   * the web deletes the selected shape on insert), then the empty picture placeholder, else the largest free area
   * (core/placement), then verify every shape the slide had is still there; Word — after the section's first paragraph,
   * wrapped in a content control. Idempotent: if a shape tagged with `options.pictureId` is already in the item,
   * returns its location and inserts nothing.
   * @throws HostError `item_gone`, `read_only`, `insert_refused`, `insert_not_verified`
   */
  insertIntoItem(itemId: string, picture: PictureData, options: DeckInsertOptions): Promise<InsertedLocation>;
}
