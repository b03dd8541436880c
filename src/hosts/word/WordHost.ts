// DocumentHost for Word: reads the selection, inserts and replaces inline pictures through the Word JavaScript API.
import { altTextOf, altTextOnReplace, isGeneratedAltText } from "../../core/altText";
import { replacementSize } from "../../core/placement";
import type { PictureData, PointSize } from "../../core/types";
import type {
  DocumentHost,
  InsertOptions,
  PictureProvenance,
  InsertResult,
  InsertTarget,
  ReplaceOptions,
  SelectedPicture,
  SelectionSnapshot,
} from "../DocumentHost";
import { HostError } from "../errors";
import { assertFeature, type OfficeCapabilities } from "../office/requirementSets";
import { assertWritable, subscribeSelectionChanged } from "../office/documentState";
import { isGoneError, toHostError } from "../office/officeErrors";
import { pictureDataFromBase64 } from "../office/pictureBytes";
import type { DeckHostAdditions } from "../../core/deck/types";
import { AltTextMemory } from "./altTextMemory";
import { defaultXmlParser, provenanceTag, type XmlParser } from "./provenanceXml";
import { WordDeck } from "./wordDeck";
import type { PictureParagraphOptions, WordEnvironment } from "./wordEnvironment";
import {
  addProvenancePart,
  applyPictureFormat,
  deletePartQuietly,
  illustrateLibraryId,
  readPageSetup,
  readProvenanceParts,
  removeParagraphs,
  wrapInIllustrateControl,
  type StoredProvenance,
} from "./wordPictures";
import { wordPictureSize } from "./wordSizing";

export type { PictureParagraphOptions, WordEnvironment } from "./wordEnvironment";

/** What {@link WordHost.captureTarget} keeps: the selection as a tracked `Word.Range`. */
interface WordTargetData {
  range: Word.Range;
  /** The captured selection had text: if the tracked range is empty later, its text was deleted. */
  hadText: boolean;
}

const PICTURE_PROPS = "width,height,altTextTitle,altTextDescription";

/** The Office.js default: `Word.run` with and without a tracked object. */
export function officeWordEnvironment(capabilities: OfficeCapabilities): WordEnvironment {
  return {
    run: (batch) => Word.run(batch),
    runWith: (object, batch) => Word.run(object, batch),
    document: Office.context.document,
    capabilities,
  };
}

/**
 * The Word adapter. Geometry in points. Every method throws {@link HostError}.
 *
 * Decisions (see shared/docs/office-hosts.md):
 * - Insert "after selection" puts the picture in a NEW paragraph after the last selected paragraph
 *   (`Paragraph.insertParagraph("", "After")` then `insertInlinePictureFromBase64(…, "Start")`), so the prompt
 *   text stays intact and the picture sits on its own line. If anything in that batch fails, the new empty
 *   paragraph is removed again.
 * - Width is set explicitly (office-js #447): the text column (page width minus margins, WordApiDesktop 1.3),
 *   else 468 pt; height from the aspect ratio. `lockAspectRatio` is switched off while both are set, then on.
 * - The selected picture is remembered as a tracked `InlinePicture` and replaced through that object with
 *   `insertInlinePictureFromBase64(…, "Replace")`: replacing through the selection range duplicates the picture
 *   on Windows (#4053) and fails on the second replace on the web (#6573).
 * - The insert location is a tracked `Range` (`Range.track()`), not a content control: nothing is written to
 *   the document until the picture goes in.
 * - Provenance (issue 9): an `InlinePicture` has no tags, so a picture inserted with `options.provenance` is wrapped
 *   in a rich-text content control (WordApi 1.1) tagged `illustrate:<libraryId>`, titled "Illustrate picture" (its own
 *   paragraph's control; the picture's own on "replace-selection"). With WordApi 1.4 (`features.provenance`) the
 *   prompt, style, model and size go into a custom XML part per picture (./provenanceXml.ts says why one per picture),
 *   written in the same batch as the picture, so a failed insert leaves neither. Below 1.4 only the tag is written
 *   (custom document properties, WordApi 1.3, hold at most 255 characters a value: too short for prompts), so
 *   such a picture is known to be Illustrate's but its prompt is not. Selecting a picture reads its parent content
 *   control (`InlinePicture.parentContentControlOrNullObject`, 1.3); a picture outside an `illustrate:` control is
 *   never claimed. Replace keeps the control (the picture inside it is replaced), retags it and swaps the part.
 * - Whose alt text a picture has (issue #5) is judged against the prompt stored in the document, else against the
 *   prompts this adapter wrote alt text for in this session (./altTextMemory.ts, the fallback): a picture with
 *   neither and non-empty alt text counts as a person's, never the other way round.
 * - `deck` (issue 8, `features.deck`): sections from Heading 1 / Heading 2 paragraphs (./wordDeck.ts).
 */
export class WordHost implements DocumentHost {
  readonly kind = "word" as const;
  readonly capabilities: OfficeCapabilities;
  /** Tracked pictures handed out by readSelection, by SelectedPicture.id. */
  private readonly pictures = new Map<string, Word.InlinePicture>();
  private nextPictureId = 1;
  /** The alt texts this adapter wrote this session, with their prompts (the fallback when the document holds none). */
  private readonly writtenAltText = new AltTextMemory();
  private readonly xmlParser: XmlParser | undefined;
  readonly deck?: DeckHostAdditions;

  constructor(private readonly env: WordEnvironment) {
    this.capabilities = env.capabilities;
    this.xmlParser = env.xmlParser ?? defaultXmlParser();
    if (this.capabilities.features.deck) this.deck = new WordDeck(env, this);
  }

  /**
   * Selected text (`Range.text`, WordApi 1.1) and the first selected inline picture
   * (`Range.inlinePictures.getFirstOrNullObject()`, WordApi 1.3; not read below 1.3).
   */
  async readSelection(): Promise<SelectionSnapshot> {
    try {
      return await this.env.run(async (context) => {
        const selection = context.document.getSelection();
        selection.load("text");
        const picture = this.capabilities.sets.wordApi13 ? selection.inlinePictures.getFirstOrNullObject() : undefined;
        picture?.load(PICTURE_PROPS);
        await context.sync();
        const snapshot: SelectionSnapshot = { text: selection.text };
        if (picture && !picture.isNullObject) {
          const control = picture.parentContentControlOrNullObject;
          control.load("tag");
          picture.track();
          await context.sync();
          const stored = await this.storedProvenance(context, illustrateLibraryId(control));
          snapshot.picture = this.rememberPicture(picture, stored[stored.length - 1]?.provenance);
        }
        return snapshot;
      });
    } catch (error) {
      throw toHostError(error, "Reading the Word selection");
    }
  }

  /** Captures the selection as a tracked range: the picture goes there even if the person clicks elsewhere. */
  async captureTarget(): Promise<InsertTarget> {
    try {
      return await this.env.run(async (context) => {
        const range = context.document.getSelection();
        range.load("text");
        range.track();
        await context.sync();
        // eslint-disable-next-line office-addins/load-object-before-read -- `text` is loaded above; the rule takes the string's `length` for the range's
        const data: WordTargetData = { range, hadText: range.text.trim().length > 0 };
        return { host: "word", data };
      });
    } catch (error) {
      throw toHostError(error, "Capturing the insert location");
    }
  }

  /**
   * Inserts an inline picture after the selected paragraph (default) or in place of the selected text
   * (`wordPlacement: "replace-selection"`), with alt text and an optional "Caption" paragraph.
   * @throws HostError `read_only`, `insert_refused`, `insert_not_verified` (Word said yes but no picture is there,
   *   as with a 17 MB image on the web, office-js #3033), `unsupported`.
   */
  async insertPicture(picture: PictureData, options: InsertOptions): Promise<InsertResult> {
    assertFeature(this.capabilities, "insertPicture", "Word");
    assertWritable(this.env.document);
    const target = this.targetData(options.target);
    const result = await this.insertAtTargetOrSelection(picture, options, target);
    // Only after success: a failed insert may be retried at the same captured place.
    if (target) await this.release(target.range);
    return result;
  }

  private async insertAtTargetOrSelection(picture: PictureData, options: InsertOptions, target: WordTargetData | undefined): Promise<InsertResult> {
    if (target) {
      try {
        return await this.env.runWith(target.range, async (context) => {
          target.range.load("text");
          await context.sync();
          if (target.hadText && target.range.text.trim() === "") throw new TargetGone();
          return this.insertAt(context, target.range, picture, options);
        });
      } catch (error) {
        if (!(error instanceof TargetGone) && !isGoneError(error)) throw toHostError(error, "Inserting the picture", "insert_refused");
      }
    }
    try {
      const result = await this.env.run((context) => this.insertAt(context, context.document.getSelection(), picture, options));
      return target ? { ...result, usedFallbackLocation: true } : result;
    } catch (error) {
      throw toHostError(error, "Inserting the picture", "insert_refused");
    }
  }

  /**
   * Replaces a picture from {@link readSelection} through its `InlinePicture` object, keeping its paragraph,
   * its width (height follows the new aspect ratio unless `keepBox`) and a person's alt text (unless
   * `overwriteAltText`); none, or alt text this adapter wrote for its prompt, gets the new alt text.
   * @throws HostError `picture_gone` when the picture was deleted or is not one this adapter handed out.
   */
  async replacePicture(target: SelectedPicture, data: PictureData, options: ReplaceOptions): Promise<InsertResult> {
    assertFeature(this.capabilities, "replacePicture", "Word");
    assertWritable(this.env.document);
    const old = this.trackedPicture(target);
    try {
      return await this.env.runWith(old, async (context) => {
        old.load(PICTURE_PROPS);
        const control = old.parentContentControlOrNullObject;
        control.load("tag");
        try {
          await context.sync();
        } catch (error) {
          throw isGoneError(error) ? new HostError("picture_gone", "the picture to replace is no longer in the document", { cause: error }) : error;
        }
        const oldLibraryId = illustrateLibraryId(control);
        const stored = await this.storedProvenance(context, oldLibraryId);
        const storedPrompt = stored[stored.length - 1]?.provenance.prompt;
        const size = replacementSize({ widthPt: old.width, heightPt: old.height }, data.size, options.keepBox);
        const oldAlt = altTextOf(old);
        const altText = altTextOnReplace(oldAlt, storedPrompt ?? this.writtenAltText.promptFor(oldAlt), options.altText, options.overwriteAltText);
        // No new provenance given: an Illustrate picture keeps its id and style, with the new prompt.
        const provenance = options.provenance ?? (stored.length > 0 ? { ...stored[stored.length - 1].provenance, prompt: options.prompt } : undefined);
        // The new metadata first: if Word refuses it, the old picture is untouched.
        const part = provenance && this.capabilities.features.provenance ? addProvenancePart(context, provenance) : undefined;
        const fresh = old.insertInlinePictureFromBase64(data.base64, "Replace");
        applyPictureFormat(fresh, size, altText);
        if (provenance && oldLibraryId !== undefined) control.tag = provenanceTag(provenance.libraryId);
        else if (provenance) wrapInIllustrateControl(fresh, provenance.libraryId);
        fresh.load("width,height");
        fresh.track();
        try {
          await context.sync();
        } catch (error) {
          await deletePartQuietly(context, part);
          throw error;
        }
        // Later replaces and edits of this picture go through the new object.
        this.pictures.set(target.id, fresh);
        if (altText === options.altText) this.writtenAltText.remember(options.altText, options.prompt);
        old.untrack();
        if (part) for (const previous of stored) previous.part.delete();
        await context.sync().catch(() => undefined /* the replaced picture is gone: its tracking went with it; an old part left behind is never read as another picture's */);
        return { sizePt: { widthPt: fresh.width, heightPt: fresh.height } };
      });
    } catch (error) {
      throw toHostError(error, "Replacing the picture", "insert_refused");
    }
  }

  /** The picture's bytes through `InlinePicture.getBase64ImageSrc()` (WordApi 1.1); PNG and JPEG only. */
  async readPictureBytes(target: SelectedPicture): Promise<PictureData> {
    assertFeature(this.capabilities, "editPicture", "Word");
    const picture = this.trackedPicture(target);
    let base64: string;
    try {
      base64 = await this.env.runWith(picture, async (context) => {
        const result = picture.getBase64ImageSrc();
        await context.sync();
        return result.value;
      });
    } catch (error) {
      throw toHostError(error, "Reading the picture", "picture_gone");
    }
    return pictureDataFromBase64(base64);
  }

  onSelectionChanged(listener: () => void): () => void {
    return subscribeSelectionChanged(this.env.document, listener);
  }

  /** Queues the insert at `range` and syncs; removes what it added if Word refuses part of it. */
  private async insertAt(context: Word.RequestContext, range: Word.Range, data: PictureData, options: InsertOptions): Promise<InsertResult> {
    if (options.wordPlacement !== "replace-selection") {
      const size = await this.pictureSize(context, range.sections, data);
      return { sizePt: await this.insertPictureParagraph(context, range.paragraphs.getLast(), data, size, options) };
    }
    // A selected picture is never replaced through the range (office-js #4053, #6573): find it first.
    const selectedPictures = this.capabilities.sets.wordApi13 ? range.inlinePictures : undefined;
    selectedPictures?.load("items");
    if (selectedPictures) range.load("text");
    const size = await this.pictureSize(context, range.sections, data);
    const selectedPicture = selectedPictures && range.text.trim() === "" ? selectedPictures.items[0] : undefined;
    const picture = (selectedPicture ?? range).insertInlinePictureFromBase64(data.base64, "Replace");
    return { sizePt: await this.finishInsert(context, picture.paragraph, picture, [], options, size) };
  }

  /**
   * Puts the picture in a new centred "Normal" paragraph right after `anchor` (plus the optional caption), wrapped
   * in the Illustrate content control when `options.provenance` is given, `size` points big ({@link pictureSize});
   * syncs and verifies. Shared with the section inserts of ./wordDeck.ts.
   * @returns the picture's size as Word reports it, in points.
   */
  async insertPictureParagraph(context: Word.RequestContext, anchor: Word.Paragraph, data: PictureData, size: PointSize, options: PictureParagraphOptions): Promise<PointSize> {
    const holder = anchor.insertParagraph("", "After");
    // The new paragraph inherits the anchor's style (a heading would put the picture in the TOC).
    if (this.capabilities.sets.wordApi13) holder.styleBuiltIn = "Normal" as Word.BuiltInStyleName;
    holder.alignment = "Centered" as Word.Alignment;
    const picture = holder.insertInlinePictureFromBase64(data.base64, "Start");
    return this.finishInsert(context, holder, picture, [holder], options, size);
  }

  /**
   * The picture's size in points for the first of `sections` (`Range.sections` / `Document.sections`): the text column
   * from `Section.pageSetup` where WordApiDesktop 1.3 has it, else 468 pt (./wordSizing.ts). Syncs what is queued.
   */
  async pictureSize(context: Word.RequestContext, sections: Word.SectionCollection, data: PictureData): Promise<PointSize> {
    const setup = this.capabilities.sets.wordApiDesktop13 ? sections.getFirst().pageSetup : undefined;
    setup?.load("pageWidth,pageHeight,leftMargin,rightMargin,topMargin,bottomMargin");
    await context.sync();
    return wordPictureSize(data.size, setup ? readPageSetup(setup) : undefined);
  }

  /**
   * Formats the queued `picture`, adds the caption, the Illustrate content control (around `holder` when the
   * paragraph is the picture's own, else around the picture) and the provenance part, syncs and checks the picture is
   * there; on failure removes `added` (and the part) so the document is as it was.
   */
  private async finishInsert(
    context: Word.RequestContext,
    holder: Word.Paragraph,
    picture: Word.InlinePicture,
    added: Word.Paragraph[],
    options: PictureParagraphOptions,
    size: PointSize,
  ): Promise<PointSize> {
    applyPictureFormat(picture, size, options.altText);
    const { provenance } = options;
    if (provenance) wrapInIllustrateControl(added.includes(holder) ? holder : picture, provenance.libraryId);
    const part = provenance && this.capabilities.features.provenance ? addProvenancePart(context, provenance) : undefined;
    if (options.caption) {
      const caption = holder.insertParagraph(options.prompt, "After");
      added.push(caption);
      // styleBuiltIn (WordApi 1.3) is locale-independent; the name "Caption" is English-only.
      if (this.capabilities.sets.wordApi13) caption.styleBuiltIn = "Caption" as Word.BuiltInStyleName;
      else caption.style = "Caption";
    }
    const inHolder = holder.inlinePictures;
    inHolder.load("items");
    const undo = async () => {
      await removeParagraphs(context, added);
      await deletePartQuietly(context, part);
    };
    try {
      await context.sync();
    } catch (error) {
      await undo();
      // The picture Word just "inserted" cannot be found to size it: it never arrived (office-js #3033).
      if (isGoneError(error)) throw new HostError("insert_not_verified", "Word accepted the picture but it is not in the document", { cause: error });
      throw error;
    }
    if (inHolder.items.length === 0) {
      await undo();
      throw new HostError("insert_not_verified", "Word accepted the picture but it is not in the document");
    }
    picture.load("width,height");
    await context.sync();
    this.writtenAltText.remember(options.altText, options.prompt);
    return { widthPt: picture.width, heightPt: picture.height };
  }

  /**
   * The provenance parts of the Illustrate picture `libraryId` (none when the picture is not Illustrate's, when
   * `features.provenance` is off, or when the parts cannot be read: reading never fails a selection).
   */
  private async storedProvenance(context: Word.RequestContext, libraryId: string | undefined): Promise<StoredProvenance[]> {
    if (libraryId === undefined || !this.capabilities.features.provenance || !this.xmlParser) return [];
    try {
      return await readProvenanceParts(context, libraryId, this.xmlParser);
    } catch {
      return [];
    }
  }

  private rememberPicture(picture: Word.InlinePicture, provenance: PictureProvenance | undefined): SelectedPicture {
    const id = `word-picture-${this.nextPictureId++}`;
    // One selected picture at a time is enough for the pane; older ones are forgotten (tracking costs Word memory).
    for (const [oldId, old] of this.pictures) {
      this.pictures.delete(oldId);
      void this.release(old);
    }
    this.pictures.set(id, picture);
    const altText = altTextOf(picture);
    const storedPrompt = provenance?.prompt ?? this.writtenAltText.promptFor(altText);
    return {
      id,
      sizePt: { widthPt: picture.width, heightPt: picture.height },
      altText,
      altTextIsGenerated: isGeneratedAltText(altText, storedPrompt),
      ...(provenance ? { provenance } : {}),
    };
  }

  /** Stops tracking an object from an earlier batch (tracked objects cost Word memory). Never throws. */
  private async release(object: Word.Range | Word.InlinePicture): Promise<void> {
    try {
      await this.env.runWith(object, async (context) => {
        object.untrack();
        await context.sync();
      });
    } catch {
      // The object is gone (deleted, or its context ended): there is nothing left to release.
    }
  }

  private trackedPicture(target: SelectedPicture): Word.InlinePicture {
    const picture = this.pictures.get(target.id);
    if (!picture) throw new HostError("picture_gone", "select the picture again: it is no longer the selected picture");
    return picture;
  }

  private targetData(target: InsertTarget | undefined): WordTargetData | undefined {
    if (!target) return undefined;
    if (target.host !== "word") throw new HostError("unknown", `an insert target of ${target.host} was given to the Word adapter`);
    return target.data as WordTargetData;
  }
}

/** The captured place no longer exists (its text was deleted): fall back to the current selection. */
class TargetGone extends Error {}


