// The seam between the pane and a document: Word, PowerPoint, or a workbench stand-in implement it.
import type { AltText } from "../core/altText";
import type { DeckHostAdditions } from "../core/deck/types";
import type { FitBox } from "../core/placement";
import type { PictureData, PointSize } from "../core/types";

/**
 * How Illustrate made a picture, kept in the document itself so a later session (another day, another machine)
 * can tell the picture is Illustrate's own and regenerate it. PowerPoint: `Shape.tags` (PowerPointApi 1.3);
 * Word: a rich-text content control whose `tag` holds `libraryId`, plus the rest in a custom XML part (WordApi 1.4)
 * or custom document properties (WordApi 1.3) — see office-hosts.md "Generation metadata".
 * A picture without it is never claimed as Illustrate's.
 */
export interface PictureProvenance {
  /** The picture's id in the pane's library (`src/library`). */
  libraryId: string;
  /** The person's prompt, without the style suffix. */
  prompt: string;
  /** Style preset id (`core/styles`). */
  style: string;
  /** The model or deployment that made it, as the backend reported it. */
  model?: string;
  /** The API size asked for, e.g. `"1536x1024"` (pixels). */
  size?: string;
}

/** Which document a host adapter drives. */
export type HostKind = "word" | "powerpoint" | "workbench-word" | "workbench-slide";

/** A picture selected in the document (the target of Replace / Edit). Geometry in points. */
export interface SelectedPicture {
  /** Host-specific identity (PowerPoint: `Shape.id`; Word: the picture's ordinal or content-control id). */
  id: string;
  sizePt: PointSize;
  /** Alt text the picture already has (a person may have written it: never overwrite unasked). */
  altText?: AltText;
  /**
   * True when {@link altText} is absent or Illustrate's own (default title, description from the picture's stored
   * prompt: `core/altText` `isGeneratedAltText`), so Replace writes the new alt text; false when a person wrote it
   * (kept unless `ReplaceOptions.overwriteAltText`). Absent when the host cannot tell (treat as a person's).
   */
  altTextIsGenerated?: boolean;
  /** Present only when the picture carries Illustrate's provenance (see {@link PictureProvenance}). */
  provenance?: PictureProvenance;
}

/** What is selected when the pane reads the selection. */
export interface SelectionSnapshot {
  /** Selected text as the host returns it (not yet cleaned; see core/prompt). Empty string when none. */
  text: string;
  /** The selected picture, when one is selected. */
  picture?: SelectedPicture;
}

/**
 * Where a picture will go, captured when Generate is clicked so that the picture lands there even if the
 * selection moved while waiting. Opaque outside the adapter that made it.
 */
export interface InsertTarget {
  readonly host: HostKind;
  /** Adapter-private data (a tracked range, a slide id and geometry, …). */
  readonly data: unknown;
}

/** Where a picture goes on a slide (PowerPoint and the slide stand-in). */
export type SlidePlacement = "auto" | "fit-free-area" | "full-slide" | "beside-text";

/** Where a picture goes in a Word page (and the page stand-in). */
export type WordPlacement = "after-selection" | "replace-selection";

/** Options for inserting or replacing a picture. */
export interface InsertOptions {
  altText: AltText;
  /** Prompt kept with the picture (PowerPoint: shape tags; Word: content-control tag) for later replace. */
  prompt: string;
  /** Where to insert; the current selection when absent. */
  target?: InsertTarget;
  /** Slides only. @default "auto" (empty picture placeholder, else the largest free area) */
  slidePlacement?: SlidePlacement;
  /** Word only. @default "after-selection" */
  wordPlacement?: WordPlacement;
  /** Word only: add a "Caption"-style paragraph with the prompt under the picture. @default false */
  caption?: boolean;
  /** Written into the document with the picture (tags / content control + custom XML part) when given. */
  provenance?: PictureProvenance;
}

/** Options for replacing the selected picture. */
export interface ReplaceOptions extends InsertOptions {
  /** Keep the old picture's width and height (may distort); else keep its width, height follows. @default false */
  keepBox?: boolean;
  /** Write `altText` even over alt text a person wrote on the old picture. @default false */
  overwriteAltText?: boolean;
}

/** What an insert did, read back from the document. */
export interface InsertResult {
  /** Size of the picture as it is in the document, in points. */
  sizePt: PointSize;
  /** Top-left position in points where the host has one (slides). */
  positionPt?: { leftPt: number; topPt: number };
  /** True when the captured target was gone and the picture went to the current selection instead. */
  usedFallbackLocation?: boolean;
}

/** Features a host may lack; each absent one comes with the reason shown in the pane. */
export type HostFeature = "insertPicture" | "replacePicture" | "editPicture" | "altText" | "deck" | "provenance";

/** The capability map, computed once at start-up from requirement sets. */
export interface HostCapabilities {
  features: Record<HostFeature, boolean>;
  /** Why a feature is off, as a message key of the pane's strings (e.g. `capability.needsWordApi13`). */
  reasons: Partial<Record<HostFeature, string>>;
}

/**
 * A document the pane can read a selection from and put pictures into.
 * All geometry is in points (1/72 inch); image bytes are raw base64 with their MIME type and pixel size.
 * Every method throws {@link HostError} (see ./errors) on failure and leaves the document as it was.
 */
export interface DocumentHost {
  readonly kind: HostKind;
  readonly capabilities: HostCapabilities;
  /** Reads the current selection's text and selected picture. */
  readSelection(): Promise<SelectionSnapshot>;
  /** Captures where a picture would go now (call when Generate is clicked). */
  captureTarget(): Promise<InsertTarget>;
  /** Inserts the picture after the selection (Word: inline picture; PowerPoint: picture on the slide). */
  insertPicture(picture: PictureData, options: InsertOptions): Promise<InsertResult>;
  /**
   * Replaces `picture` (from {@link readSelection}) with new bytes, keeping its place and size.
   * Atomic: if the new picture cannot be put in, the old one stays (or is restored).
   */
  replacePicture(picture: SelectedPicture, data: PictureData, options: ReplaceOptions): Promise<InsertResult>;
  /** Reads the bytes of a selected picture (for `/v1/images/edits`); only where `capabilities.features.editPicture`. */
  readPictureBytes(picture: SelectedPicture): Promise<PictureData>;
  /**
   * The box a new picture would fill now, for Fit (issue #10): on a slide the empty placeholder, the free area or
   * the full slide, as `slidePlacement` (@default "auto") would place it (`core/placement` `slideFitBox`); in Word
   * the text column. Absent on hosts that cannot tell; `undefined` when there is no box (no slide).
   */
  fitBox?(options?: { slidePlacement?: SlidePlacement }): Promise<FitBox | undefined>;
  /** Subscribes to selection changes (may miss events: office-js #2964, #5390). Returns an unsubscribe. */
  onSelectionChanged(listener: () => void): () => void;
  /**
   * The whole-deck / whole-document operations (issue 8): absent where the host lacks the requirement sets
   * (the reason is in `capabilities.reasons.deck`).
   */
  readonly deck?: DeckHostAdditions;
}
