// DocumentHost for Word: reads the selection, inserts and replaces inline pictures through the Word JavaScript API.
import { altTextOf, altTextOnReplace, isGeneratedAltText } from "../../core/altText";
import { replacementSize } from "../../core/placement";
import type { PictureData, PointSize } from "../../core/types";
import type { DocumentHost, InsertOptions, InsertResult, InsertTarget, ReplaceOptions, SelectedPicture, SelectionSnapshot } from "../DocumentHost";
import { HostError } from "../errors";
import { assertFeature, type OfficeCapabilities } from "../office/requirementSets";
import { assertWritable, subscribeSelectionChanged, type OfficeDocumentLike } from "../office/documentState";
import { isGoneError, toHostError } from "../office/officeErrors";
import { loadPictureBytes } from "../office/loadPictureBytes";
import { AltTextMemory } from "./altTextMemory";
import { wordPictureSize, type WordPageSetupPt } from "./wordSizing";

/** How the adapter reaches Word: `Word.run` in Office, hand-made fakes in tests. */
export interface WordEnvironment {
  /** `Word.run(batch)`. */
  run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T>;
  /** `Word.run(object, batch)`: a new batch on the context of a tracked object from an earlier batch. */
  runWith<T>(object: OfficeExtension.ClientObject, batch: (context: Word.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.document`. */
  document: OfficeDocumentLike;
  capabilities: OfficeCapabilities;
}

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
 * - An `InlinePicture` has no tags, so the prompt is not stored in the document. Whose alt text a picture has
 *   (issue #5) is judged against the prompts this adapter wrote alt text for in this session, by description:
 *   a picture from an earlier session with non-empty alt text counts as a person's (kept on replace unless
 *   `overwriteAltText`), never the other way round (./altTextMemory.ts).
 */
export class WordHost implements DocumentHost {
  readonly kind = "word" as const;
  readonly capabilities: OfficeCapabilities;
  /** Tracked pictures handed out by readSelection, by SelectedPicture.id. */
  private readonly pictures = new Map<string, Word.InlinePicture>();
  private nextPictureId = 1;
  /** The alt texts this adapter wrote this session, with their prompts. */
  private readonly writtenAltText = new AltTextMemory();

  constructor(private readonly env: WordEnvironment) {
    this.capabilities = env.capabilities;
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
          picture.track();
          await context.sync();
          snapshot.picture = this.rememberPicture(picture);
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
        try {
          await context.sync();
        } catch (error) {
          throw isGoneError(error) ? new HostError("picture_gone", "the picture to replace is no longer in the document", { cause: error }) : error;
        }
        const size = replacementSize({ widthPt: old.width, heightPt: old.height }, data.size, options.keepBox);
        const oldAlt = altTextOf(old);
        const altText = altTextOnReplace(oldAlt, this.writtenAltText.promptFor(oldAlt), options.altText, options.overwriteAltText);
        const fresh = old.insertInlinePictureFromBase64(data.base64, "Replace");
        applyPictureFormat(fresh, size, altText);
        fresh.load("width,height");
        fresh.track();
        await context.sync();
        // Later replaces and edits of this picture go through the new object.
        this.pictures.set(target.id, fresh);
        if (altText === options.altText) this.writtenAltText.remember(options.altText, options.prompt);
        old.untrack();
        await context.sync().catch(() => undefined /* the replaced picture is gone: its tracking went with it */);
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
    return (await loadPictureBytes()).pictureDataFromBase64(base64);
  }

  onSelectionChanged(listener: () => void): () => void {
    return subscribeSelectionChanged(this.env.document, listener);
  }

  /** Queues the insert at `range` and syncs; removes what it added if Word refuses part of it. */
  private async insertAt(context: Word.RequestContext, range: Word.Range, data: PictureData, options: InsertOptions): Promise<InsertResult> {
    const setup = this.capabilities.sets.wordApiDesktop13 ? range.sections.getFirst().pageSetup : undefined;
    setup?.load("pageWidth,pageHeight,leftMargin,rightMargin,topMargin,bottomMargin");
    const replacing = options.wordPlacement === "replace-selection";
    // A selected picture is never replaced through the range (office-js #4053, #6573): find it first.
    const selectedPictures = replacing && this.capabilities.sets.wordApi13 ? range.inlinePictures : undefined;
    selectedPictures?.load("items");
    if (selectedPictures) range.load("text");
    await context.sync();
    const size = wordPictureSize(data.size, setup ? readPageSetup(setup) : undefined);
    const selectedPicture = selectedPictures && range.text.trim() === "" ? selectedPictures.items[0] : undefined;

    const added: Word.Paragraph[] = [];
    let holder: Word.Paragraph;
    let picture: Word.InlinePicture;
    if (replacing) {
      picture = (selectedPicture ?? range).insertInlinePictureFromBase64(data.base64, "Replace");
      holder = picture.paragraph;
    } else {
      holder = range.paragraphs.getLast().insertParagraph("", "After");
      added.push(holder);
      // The new paragraph inherits the selected paragraph's style (a heading would put the picture in the TOC).
      if (this.capabilities.sets.wordApi13) holder.styleBuiltIn = "Normal" as Word.BuiltInStyleName;
      holder.alignment = "Centered" as Word.Alignment;
      picture = holder.insertInlinePictureFromBase64(data.base64, "Start");
    }
    applyPictureFormat(picture, size, options.altText);
    if (options.caption) {
      const caption = holder.insertParagraph(options.prompt, "After");
      added.push(caption);
      // styleBuiltIn (WordApi 1.3) is locale-independent; the name "Caption" is English-only.
      if (this.capabilities.sets.wordApi13) caption.styleBuiltIn = "Caption" as Word.BuiltInStyleName;
      else caption.style = "Caption";
    }
    const inHolder = holder.inlinePictures;
    inHolder.load("items");
    try {
      await context.sync();
    } catch (error) {
      await removeParagraphs(context, added);
      // The picture Word just "inserted" cannot be found to size it: it never arrived (office-js #3033).
      if (isGoneError(error)) throw new HostError("insert_not_verified", "Word accepted the picture but it is not in the document", { cause: error });
      throw error;
    }
    if (inHolder.items.length === 0) {
      await removeParagraphs(context, added);
      throw new HostError("insert_not_verified", "Word accepted the picture but it is not in the document");
    }
    picture.load("width,height");
    await context.sync();
    this.writtenAltText.remember(options.altText, options.prompt);
    return { sizePt: { widthPt: picture.width, heightPt: picture.height } };
  }

  private rememberPicture(picture: Word.InlinePicture): SelectedPicture {
    const id = `word-picture-${this.nextPictureId++}`;
    // One selected picture at a time is enough for the pane; older ones are forgotten (tracking costs Word memory).
    for (const [oldId, old] of this.pictures) {
      this.pictures.delete(oldId);
      void this.release(old);
    }
    this.pictures.set(id, picture);
    const altText = altTextOf(picture);
    return {
      id,
      sizePt: { widthPt: picture.width, heightPt: picture.height },
      altText,
      altTextIsGenerated: isGeneratedAltText(altText, this.writtenAltText.promptFor(altText)),
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

/** Sets size (points) and alt text; `lockAspectRatio` off while both sides are set, else Word rescales the other. */
function applyPictureFormat(picture: Word.InlinePicture, size: PointSize, altText: { title: string; description: string }): void {
  picture.lockAspectRatio = false;
  picture.width = size.widthPt;
  picture.height = size.heightPt;
  picture.lockAspectRatio = true;
  picture.altTextTitle = altText.title;
  picture.altTextDescription = altText.description;
}

function readPageSetup(setup: Word.PageSetup): WordPageSetupPt {
  const { pageWidth, pageHeight, leftMargin, rightMargin, topMargin, bottomMargin } = setup;
  return { pageWidth, pageHeight, leftMargin, rightMargin, topMargin, bottomMargin };
}

/** Best-effort removal of paragraphs this batch added, so a failed insert leaves the document as it was. */
async function removeParagraphs(context: Word.RequestContext, paragraphs: Word.Paragraph[]): Promise<void> {
  if (paragraphs.length === 0) return;
  for (const paragraph of paragraphs) paragraph.delete();
  try {
    await context.sync();
  } catch {
    // The paragraphs were never created (Word refused the first step): there is nothing to remove.
  }
}
