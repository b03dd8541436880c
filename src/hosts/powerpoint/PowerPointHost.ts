// DocumentHost for PowerPoint: insert, replace and restore on slides, built on the slide reader and the image insert.
import { altTextFor, altTextOnReplace } from "../../core/altText";
import { fitInto, planSlidePlacement, replacementRect } from "../../core/placement";
import type { DeckHostAdditions } from "../../core/deck/types";
import type { PictureData } from "../../core/types";
import type {
  DocumentHost,
  InsertOptions,
  InsertResult,
  InsertTarget,
  ReplaceOptions,
  SelectedPicture,
  SelectionSnapshot,
} from "../DocumentHost";
import { HostError } from "../errors";
import { assertFeature, type OfficeCapabilities } from "../office/requirementSets";
import { assertWritable, subscribeSelectionChanged } from "../office/documentState";
import { pictureDataFromBase64 } from "../office/pictureBytes";
import { deleteShape, finishInsert, insertImage, ShapeLostError, type Finish } from "./insertImage";
import { PowerPointDeck } from "./PowerPointDeck";
import { runStep, type PowerPointEnvironment } from "./powerPointEnvironment";
import { promptOf, withIllustrateTags } from "./shapeTags";
import { currentSlide, readOldPicture, readPowerPointSelection, readSlide, renderPicture, toPlacementShape, type OldPicture, type SlideSnapshot } from "./slideReader";

/**
 * The PowerPoint adapter. Geometry in points everywhere (slide 960 × 540 pt unless `pageSetup` says otherwise).
 * Every method throws {@link HostError}.
 *
 * Reading lives in `slideReader.ts`, the image insert and its workarounds in `insertImage.ts`, the prompt tag in
 * `shapeTags.ts`; this class orders the steps. How it works around the hosts (see shared/docs/office-hosts.md):
 * - Pictures go in with `setSelectedDataAsync(base64, { coercionType: Image, imageLeft, imageTop, imageWidth,
 *   imageHeight })` (ImageCoercion 1.1), which returns no shape; `getSelectedShapes()` can be empty right after
 *   (office-js #4222), so the new picture is the shape whose id was not on the slide before (the last one).
 * - Each step runs in its own `PowerPoint.run` behind a timeout: long `sync()` chains after an image insert can
 *   hang on the web (#5022).
 * - The insert is verified (a new shape, or an empty placeholder now holding an image) else `insert_not_verified`.
 * - Geometry is read back and set again when it differs: some hosts treat the values as pixels (#2714), and the
 *   web puts a picture into an empty picture placeholder even when a position is given (#2451, #2651).
 * - The prompt is kept in the shape's tags (PowerPointApi 1.3); alt text needs 1.10.
 * - Replace: PowerPoint on the web refuses an insert while a picture is selected (error 2001, #3698, #4225) and
 *   `setSelectedShapes([])` does not clear it, so the old picture is deleted first. PowerPoint cannot give back
 *   a picture's original bytes, but 1.10 renders any shape (`Shape.getImageAsBase64`, PNG): that rendering is
 *   taken before the delete and put back with the old geometry, name, tags and alt text if the new insert fails.
 *   Without 1.10 there is no copy to restore, so the new picture goes in first and the old one is deleted after;
 *   on the web that insert may be refused (#3698) unless clearing the selection works, and then nothing changed.
 */
export class PowerPointHost implements DocumentHost {
  readonly kind = "powerpoint" as const;
  readonly capabilities: OfficeCapabilities;
  /** Whole-deck operations ({@link PowerPointDeck}); absent without `capabilities.features.deck` (reason in `reasons.deck`). */
  readonly deck?: DeckHostAdditions;

  constructor(private readonly env: PowerPointEnvironment) {
    this.capabilities = env.capabilities;
    if (env.capabilities.features.deck) this.deck = new PowerPointDeck(env);
  }

  /** The selected text and picture: see {@link readPowerPointSelection}. */
  readSelection(): Promise<SelectionSnapshot> {
    return readPowerPointSelection(this.env);
  }

  /** Captures the current slide's id: the picture goes on that slide even if the person moved on. */
  async captureTarget(): Promise<InsertTarget> {
    const slideId = await runStep(this.env, "Capturing the slide", async (context) => (await currentSlide(context)).id);
    return { host: "powerpoint", data: { slideId } };
  }

  /**
   * Puts the picture on the captured (or current) slide where {@link planSlidePlacement} says, with tags,
   * name and alt text, read back and corrected.
   * @throws HostError `no_slide`, `read_only`, `insert_refused`, `insert_not_verified`, `timeout`.
   */
  async insertPicture(picture: PictureData, options: InsertOptions): Promise<InsertResult> {
    assertFeature(this.capabilities, "insertPicture", "PowerPoint");
    assertWritable(this.env.document);
    const capturedSlideId = this.targetSlideId(options.target);
    const { slide, usedFallbackLocation } = await runStep(this.env, "Reading the slide", async (context) => {
      let target: PowerPoint.Slide | undefined;
      const current = await currentSlide(context, capturedSlideId === undefined);
      if (capturedSlideId !== undefined) {
        const captured = context.presentation.slides.getItemOrNullObject(capturedSlideId);
        captured.load("id");
        await context.sync();
        if (!captured.isNullObject) {
          target = captured;
          // setSelectedDataAsync inserts on the slide in view: go back to the captured one.
          if (current?.id !== captured.id) context.presentation.setSelectedSlides([captured.id]);
        }
      }
      target ??= current ?? (await currentSlide(context));
      return { slide: await readSlide(context, target, this.capabilities), usedFallbackLocation: capturedSlideId !== undefined && target.id !== capturedSlideId };
    });
    const plan = planSlidePlacement({
      slide: slide.slideSize,
      shapes: slide.shapes.map(toPlacementShape),
      image: picture.size,
      placement: options.slidePlacement ?? "auto",
    });
    await insertImage(this.env, slide.slideId, picture.base64, plan.kind === "box" ? plan.rect : undefined);
    const { result } = await finishInsert(this.env, slide, {
      wanted: plan.kind === "box" ? plan.rect : undefined,
      placeholderBox: plan.kind === "placeholder" ? fitInto(picture.size, plan.rect) : undefined,
      sendToBack: plan.kind === "box" && plan.sendToBack,
      name: options.altText.title,
      tags: withIllustrateTags([], options.prompt, options.provenance),
      altText: options.altText,
    });
    return usedFallbackLocation ? { ...result, usedFallbackLocation } : result;
  }

  /**
   * Replaces a picture from {@link readSelection}: same place and width (height follows the new aspect ratio,
   * centred on the old one, unless `keepBox`: `core/placement` `replacementRect`), inside the slide, with the old
   * name, tags (prompt updated) and alt text (a person's kept unless `overwriteAltText`; none or Illustrate's own,
   * judged with the old prompt tag, replaced: `core/altText` `altTextOnReplace`). Atomic: see the class notes.
   * @throws HostError `picture_gone`, `insert_refused` (the original is back in place), `timeout`…
   */
  async replacePicture(target: SelectedPicture, data: PictureData, options: ReplaceOptions): Promise<InsertResult> {
    assertFeature(this.capabilities, "replacePicture", "PowerPoint");
    assertWritable(this.env.document);
    const old = await readOldPicture(this.env, target.id);
    const wanted = replacementRect(old.shape.rect, data.size, old.slide.slideSize, options.keepBox);
    const finish: Finish = {
      wanted,
      sendToBack: false,
      name: old.shape.name,
      // Other tags kept; Illustrate's rewritten for the new picture (its provenance when given, else the prompt
      // only: the old library id is another picture's and must not be claimed for this one).
      tags: withIllustrateTags(old.tags, options.prompt, options.provenance),
      altText: altTextOnReplace(old.altText, promptOf(old.tags), options.altText, options.overwriteAltText),
    };
    const others: SlideSnapshot = { ...old.slide, shapes: old.slide.shapes.filter((s) => s.id !== old.shape.id) };

    if (old.backupBase64 === undefined) {
      // No copy of the old picture can be made (PowerPointApi < 1.10): new one in first, old one out after.
      await insertImage(this.env, old.slide.slideId, data.base64, wanted);
      let added: { result: InsertResult; shapeId: string };
      let lost: ShapeLostError | undefined;
      try {
        added = await finishInsert(this.env, old.slide, finish);
      } catch (error) {
        // #2775: the new picture is in but another shape went; still take the old picture out, then say so.
        if (!(error instanceof ShapeLostError)) throw error;
        [added, lost] = [error.inserted, error];
      }
      try {
        await deleteShape(this.env, old.slide.slideId, old.shape.id);
      } catch (deleteError) {
        // Both pictures would stay: take the new one out again so the slide is as it was.
        await deleteShape(this.env, old.slide.slideId, added.shapeId).catch(() => undefined /* reporting deleteError */);
        throw new HostError("insert_refused", "PowerPoint would not remove the old picture; the new one was taken out again", { cause: deleteError });
      }
      if (lost) throw lost;
      return added.result;
    }

    await deleteShape(this.env, old.slide.slideId, old.shape.id);
    try {
      await insertImage(this.env, old.slide.slideId, data.base64, wanted);
      return (await finishInsert(this.env, others, finish)).result;
    } catch (insertError) {
      // The new picture is in (another shape was lost, #2775): putting the old one back would make two.
      if (insertError instanceof ShapeLostError) throw insertError;
      // Refused, timed out or not verified after the delete: put the original back (its rendering).
      await this.restore(old, others, insertError);
      throw new HostError("insert_refused", "PowerPoint refused the new picture; the original picture was put back", { cause: insertError });
    }
  }

  /**
   * The picture as PowerPoint renders it (PNG, see {@link renderPicture}): PowerPoint has no API for a picture's
   * original bytes. Below PowerPointApi 1.10, `capabilities.features.editPicture` is false
   * (`capability.needsPowerPointApi110`).
   */
  async readPictureBytes(target: SelectedPicture): Promise<PictureData> {
    assertFeature(this.capabilities, "editPicture", "PowerPoint");
    return pictureDataFromBase64(await renderPicture(this.env, target.id));
  }

  onSelectionChanged(listener: () => void): () => void {
    return subscribeSelectionChanged(this.env.document, listener);
  }

  /** Puts the rendering of a deleted picture back after a failed replace. */
  private async restore(old: OldPicture, others: SlideSnapshot, insertError: unknown): Promise<void> {
    try {
      await insertImage(this.env, others.slideId, old.backupBase64 as string, old.shape.rect);
      await finishInsert(this.env, others, {
        wanted: old.shape.rect,
        sendToBack: false,
        name: old.shape.name,
        tags: old.tags,
        altText: old.altText ?? altTextFor(""),
      });
    } catch (restoreError) {
      throw new HostError("insert_refused", "PowerPoint refused the new picture and putting the original back failed; undo (Ctrl+Z) restores it", {
        cause: new AggregateError([insertError, restoreError]),
      });
    }
  }

  private targetSlideId(target: InsertTarget | undefined): string | undefined {
    if (!target) return undefined;
    if (target.host !== "powerpoint") throw new HostError("unknown", `an insert target of ${target.host} was given to the PowerPoint adapter`);
    return (target.data as { slideId: string }).slideId;
  }
}
