// DocumentHost over the workbench's Word-like page: what the Word adapter does, against the page model.
import type {
  DocumentHost,
  InsertOptions,
  InsertResult,
  InsertTarget,
  ReplaceOptions,
  SelectedPicture,
  SelectionSnapshot,
} from "../hosts/DocumentHost";
import { altTextOnReplace, isGeneratedAltText } from "../core/altText";
import type { DeckHostAdditions, DeckInsertOptions, DeckItemText, InsertedLocation } from "../core/deck/types";
import { HostError } from "../hosts/errors";
import { provenanceTag } from "../hosts/word/provenanceXml";
import { deckItemOf, findSection, outlineSections } from "../hosts/word/wordSections";
import { replacementSize } from "../core/placement";
import type { PictureData } from "../core/types";
import { checkPicture } from "./pictureRules";
import { StandInHost, type StandInHostOptions } from "./StandInHost";
import type { Store } from "./store";
import {
  deleteText,
  findBlock,
  inlinePictureSize,
  insertionBlockId,
  insertPictureAfter,
  pageOutline,
  replacePictureContent,
  selectedText,
  type PageSelection,
  type PictureBlock,
  type WordPageState,
} from "./wordPageModel";

/** What {@link WordPageHost.captureTarget} records: the block to insert after and the selection at that moment. */
interface WordPageTargetData {
  afterBlockId: string;
  selection: PageSelection;
}

/** The Word-like page as a {@link DocumentHost}. Geometry in points; bytes checked before any change. */
export class WordPageHost extends StandInHost<WordPageState, WordPageTargetData, PictureBlock> implements DocumentHost {
  readonly kind = "workbench-word" as const;
  protected readonly documentName = "the page";

  /** Sections from Heading 1 / Heading 2 paragraphs, by the Word adapter's rules (src/hosts/word/wordSections.ts). */
  readonly deck: DeckHostAdditions;

  constructor(store: Store<WordPageState>, options: StandInHostOptions = {}) {
    super(store, (state) => state.selection, options);
    this.deck = {
      listItems: async () => outlineSections(pageOutline(this.store.get())).map(deckItemOf),
      readItemText: async (itemId) => this.readItemText(itemId),
      insertIntoItem: async (itemId, picture, options) => this.insertIntoItem(itemId, picture, options),
    };
  }

  private readItemText(itemId: string): DeckItemText {
    const section = this.sectionOrGone(this.store.get(), itemId);
    return { id: section.id, kind: section.kind, title: section.title, body: section.body };
  }

  /**
   * Puts `picture` in a block of its own after the section's first paragraph (the first text paragraph under the
   * heading, else the heading), column-wide, with alt text and provenance; idempotent by `options.pictureId`.
   * @throws HostError `item_gone`, `insert_refused` (invalid bytes)
   */
  private insertIntoItem(itemId: string, picture: PictureData, options: DeckInsertOptions): InsertedLocation {
    checkPicture(picture);
    const state = this.store.get();
    const section = this.sectionOrGone(state, itemId);
    const tag = provenanceTag(options.pictureId);
    const existing = state.blocks.slice(section.headingIndex, section.endIndex).find((b): b is PictureBlock => b.kind === "picture" && b.provenance?.libraryId === options.pictureId);
    if (existing) return { itemId, shapeId: tag, sizePt: existing.sizePt };
    const sizePt = inlinePictureSize(picture.size);
    const provenance = { libraryId: options.pictureId, prompt: options.prompt, style: options.provenance?.style ?? "", ...options.provenance };
    const inserted = insertPictureAfter(state, state.blocks[section.anchorIndex].id, { picture, sizePt, altText: options.altText, prompt: options.prompt, provenance });
    this.store.update(() => inserted.state);
    return { itemId, shapeId: tag, sizePt };
  }

  private sectionOrGone(state: WordPageState, itemId: string) {
    const section = findSection(pageOutline(state), itemId);
    if (!section) throw new HostError("item_gone", `The section ${JSON.stringify(itemId)} is no longer in the page (its heading was deleted or renamed)`);
    return section;
  }

  async readSelection(): Promise<SelectionSnapshot> {
    const state = this.current();
    const selection = state.selection;
    if (selection.kind === "picture") {
      const block = findBlock(state, selection.blockId);
      if (block?.kind === "picture") return { text: "", picture: selectedPictureOf(block) };
    }
    return { text: selectedText(state) };
  }

  async captureTarget(): Promise<InsertTarget> {
    const state = this.current();
    return this.target({ afterBlockId: insertionBlockId(state), selection: state.selection });
  }

  /**
   * Inserts `picture` in a paragraph of its own right after the captured (or current) paragraph, as wide as the
   * text column (468 pt max), alt text and prompt kept with it; with `wordPlacement: "replace-selection"` the
   * captured text is deleted first. One store update: the page is never half-changed.
   * @throws HostError `insert_refused` for invalid bytes.
   */
  async insertPicture(picture: PictureData, options: InsertOptions): Promise<InsertResult> {
    checkPicture(picture);
    const state = this.current();
    const captured = this.capturedData(options.target);
    const capturedStillThere = captured !== undefined && findBlock(state, captured.afterBlockId) !== undefined;
    const usedFallbackLocation = captured !== undefined && !capturedStillThere;
    let working = state;
    let afterBlockId = capturedStillThere ? captured.afterBlockId : insertionBlockId(state);
    const selection = capturedStillThere ? captured.selection : state.selection;
    if (options.wordPlacement === "replace-selection" && selection.kind === "text") {
      const cut = deleteText(working, selection.anchor, selection.focus);
      if (cut.blockId) {
        working = cut.state;
        afterBlockId = cut.blockId;
      }
    }
    const sizePt = inlinePictureSize(picture.size);
    const content = { picture, sizePt, altText: options.altText, prompt: options.prompt, ...(options.provenance ? { provenance: options.provenance } : {}) };
    const inserted = insertPictureAfter(working, afterBlockId, content, options.caption ? options.prompt : undefined);
    this.store.update(() => inserted.state);
    return { sizePt, ...(usedFallbackLocation ? { usedFallbackLocation } : {}) };
  }

  /**
   * Replaces the bytes of inline picture `target` in place: same paragraph, same width (height follows unless
   * `keepBox`), alt text a person wrote kept unless `overwriteAltText` (Illustrate's own, from the block's
   * prompt, is replaced).
   * @throws HostError `picture_gone` when the picture was deleted; `insert_refused` for invalid bytes.
   */
  async replacePicture(target: SelectedPicture, data: PictureData, options: ReplaceOptions): Promise<InsertResult> {
    checkPicture(data);
    const state = this.current();
    const old = this.pictureOrGone(state, target);
    const sizePt = replacementSize(old.sizePt, data.size, options.keepBox);
    const altText = altTextOnReplace(old.altText, old.prompt, options.altText, options.overwriteAltText);
    // As in Word: the picture stays Illustrate's; without new provenance it keeps its id and style with the new prompt.
    const provenance = options.provenance ?? (old.provenance ? { ...old.provenance, prompt: options.prompt } : undefined);
    const content = { picture: data, sizePt, altText, prompt: options.prompt, ...(provenance ? { provenance } : {}) };
    const next = replacePictureContent(state, old.id, content) as WordPageState;
    this.store.update(() => next);
    return { sizePt };
  }

  protected findPicture(state: WordPageState, id: string): PictureBlock | undefined {
    const block = findBlock(state, id);
    return block?.kind === "picture" ? block : undefined;
  }
}

function selectedPictureOf(block: PictureBlock): SelectedPicture {
  return {
    id: block.id,
    sizePt: block.sizePt,
    altText: block.altText,
    altTextIsGenerated: isGeneratedAltText(block.altText, block.provenance?.prompt ?? block.prompt),
    ...(block.provenance ? { provenance: block.provenance } : {}),
  };
}
