// DocumentHost for PowerPoint: reads the selection, puts pictures on slides (Image coercion) and replaces them.
import { altTextFor, altTextOnReplace, isGeneratedAltText, type AltText } from "../../core/altText";
import {
  DEFAULT_SLIDE_SIZE_PT,
  fitInto,
  geometryDiffers,
  keepInsideSlide,
  planSlidePlacement,
  type RectPt,
  type SlideShapeInfo,
} from "../../core/placement";
import type { PictureData, PointSize } from "../../core/types";
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
import { callAsync, DEFAULT_STEP_TIMEOUT_MS, withTimeout } from "../office/async";
import { assertFeature, type OfficeCapabilities } from "../office/capabilities";
import { assertWritable, subscribeSelectionChanged, type OfficeDocumentLike } from "../office/documentState";
import { toHostError } from "../office/officeErrors";
import { pictureDataFromBase64 } from "../office/pictureBytes";

/** How the adapter reaches PowerPoint: `PowerPoint.run` and `Office.context.document` in Office, fakes in tests. */
export interface PowerPointEnvironment {
  run<T>(batch: (context: PowerPoint.RequestContext) => Promise<T>): Promise<T>;
  document: OfficeDocumentLike;
  capabilities: OfficeCapabilities;
  /** Time limit of each step, in ms. @default DEFAULT_STEP_TIMEOUT_MS */
  stepTimeoutMs?: number;
}

/** Shape tag holding the prompt (tag keys are stored upper-case by PowerPoint). */
export const PROMPT_TAG = "ILLUSTRATE_PROMPT";

/** A shape as read from the slide; geometry in points. */
interface ShapeSnapshot {
  id: string;
  type: string;
  name: string;
  rect: RectPt;
  /** Placeholder type and what it holds (`null` = empty), PowerPointApi 1.8. */
  placeholder?: { type: string; containedType: string | null };
}

interface SlideSnapshot {
  slideId: string;
  slideSize: PointSize;
  shapes: ShapeSnapshot[];
}

/** What the new picture gets once it is on the slide. */
interface Finish {
  /** Where it must end up; `undefined` when the host fills a placeholder. */
  wanted?: RectPt;
  /** For a placeholder insert: where the picture goes if the host made a free-standing picture instead. */
  placeholderBox?: RectPt;
  sendToBack: boolean;
  name: string;
  tags: { key: string; value: string }[];
  altText: AltText;
}

/** The old picture in a replace, read before anything changes. */
interface OldPicture {
  slide: SlideSnapshot;
  shape: ShapeSnapshot;
  tags: { key: string; value: string }[];
  altText?: AltText;
  /** A rendering of the old picture (`Shape.getImageAsBase64`, PowerPointApi 1.10), to put it back if needed. */
  backupBase64?: string;
}

const SHAPE_PROPS = "items/id,items/type,items/name,items/left,items/top,items/width,items/height";
/** Placeholder types that accept a picture when empty. */
const PICTURE_PLACEHOLDERS = new Set(["Picture", "Content", "Object"]);

/** The Office.js default environment. */
export function officePowerPointEnvironment(capabilities: OfficeCapabilities): PowerPointEnvironment {
  return { run: (batch) => PowerPoint.run(batch), document: Office.context.document, capabilities };
}

/**
 * The PowerPoint adapter. Geometry in points everywhere (slide 960 × 540 pt unless `pageSetup` says otherwise).
 * Every method throws {@link HostError}.
 *
 * How it works around the hosts (see shared/docs/office-hosts.md):
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
  private readonly timeoutMs: number;

  constructor(private readonly env: PowerPointEnvironment) {
    this.capabilities = env.capabilities;
    this.timeoutMs = env.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  }

  /**
   * Selected text with `presentation.getSelectedTextRangeOrNullObject()` (PowerPointApi 1.5), falling back to
   * `getSelectedDataAsync(Text)` on older hosts; the selected picture from `getSelectedShapes()` (type `Image`,
   * or a placeholder holding an image, 1.8).
   */
  async readSelection(): Promise<SelectionSnapshot> {
    const sets = this.capabilities.sets;
    if (sets.powerPointApi15) {
      try {
        return await this.step("Reading the selection", async (context) => {
          const range = context.presentation.getSelectedTextRangeOrNullObject();
          range.load("text");
          const shapes = context.presentation.getSelectedShapes();
          shapes.load(`items/id,items/type,items/width,items/height${sets.powerPointApi110 ? ",items/altTextTitle,items/altTextDescription" : ""}`);
          await context.sync();
          let picture = shapes.items.find((s) => s.type === "Image");
          const placeholders = sets.powerPointApi18 ? shapes.items.filter((s) => s.type === "Placeholder") : [];
          if (!picture && placeholders.length > 0) {
            placeholders.forEach((s) => s.placeholderFormat.load("containedType"));
            await context.sync();
            picture = placeholders.find((s) => s.placeholderFormat.containedType === "Image");
          }
          const snapshot: SelectionSnapshot = { text: range.isNullObject ? "" : range.text };
          if (picture) {
            const altText = sets.powerPointApi110 ? altTextOf(picture) : undefined;
            snapshot.picture = { id: picture.id, sizePt: { widthPt: picture.width, heightPt: picture.height }, altText };
            if (sets.powerPointApi110) {
              // Whose alt text it is needs the prompt kept in the tags (1.3, always there when 1.10 is).
              picture.tags.load("items/key,items/value");
              await context.sync();
              snapshot.picture.altTextIsGenerated = isGeneratedAltText(altText, promptOf(picture.tags.items));
            }
          }
          return snapshot;
        });
      } catch {
        // Some hosts throw instead of returning a null object for an unusual selection: read plain text instead.
      }
    }
    try {
      const text = await withTimeout(
        callAsync<string>((done) => this.env.document.getSelectedDataAsync("text" as Office.CoercionType, done)),
        this.timeoutMs,
        "Reading the selected text",
      );
      return { text: typeof text === "string" ? text : "" };
    } catch {
      // Error 1001: the selection is not text (a picture, a chart…). No text is not an error for the pane.
      return { text: "" };
    }
  }

  /** Captures the current slide's id: the picture goes on that slide even if the person moved on. */
  async captureTarget(): Promise<InsertTarget> {
    const slideId = await this.step("Capturing the slide", async (context) => (await currentSlide(context)).id);
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
    const { slide, usedFallbackLocation } = await this.step("Reading the slide", async (context) => {
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
      return { slide: await this.readSlide(context, target), usedFallbackLocation: capturedSlideId !== undefined && target.id !== capturedSlideId };
    });
    const plan = planSlidePlacement({
      slide: slide.slideSize,
      shapes: slide.shapes.map(toPlacementShape),
      image: picture.size,
      placement: options.slidePlacement ?? "auto",
    });
    await this.insertImage(picture.base64, plan.kind === "box" ? plan.rect : undefined);
    const { result } = await this.finishInsert(slide, {
      wanted: plan.kind === "box" ? plan.rect : undefined,
      placeholderBox: plan.kind === "placeholder" ? fitInto(picture.size, plan.rect) : undefined,
      sendToBack: plan.kind === "box" && plan.sendToBack,
      name: options.altText.title,
      tags: [{ key: PROMPT_TAG, value: options.prompt }],
      altText: options.altText,
    });
    return usedFallbackLocation ? { ...result, usedFallbackLocation } : result;
  }

  /**
   * Replaces a picture from {@link readSelection}: same place and width (height follows the new aspect ratio,
   * centred on the old one, unless `keepBox`), inside the slide, with the old name, tags (prompt updated) and
   * alt text (a person's kept unless `overwriteAltText`; none or Illustrate's own, judged with the old prompt tag,
   * replaced: `core/altText` `altTextOnReplace`). Atomic: see the class notes.
   * @throws HostError `picture_gone`, `insert_refused` (the original is back in place), `timeout`…
   */
  async replacePicture(target: SelectedPicture, data: PictureData, options: ReplaceOptions): Promise<InsertResult> {
    assertFeature(this.capabilities, "replacePicture", "PowerPoint");
    assertWritable(this.env.document);
    const old = await this.readOldPicture(target.id);
    const oldRect = old.shape.rect;
    const newHeight = (oldRect.widthPt * data.size.heightPx) / data.size.widthPx;
    const wanted = keepInsideSlide(
      options.keepBox ? oldRect : { ...oldRect, topPt: oldRect.topPt + (oldRect.heightPt - newHeight) / 2, heightPt: newHeight },
      old.slide.slideSize,
    );
    const finish: Finish = {
      wanted,
      sendToBack: false,
      name: old.shape.name,
      tags: [...old.tags.filter((t) => t.key !== PROMPT_TAG), { key: PROMPT_TAG, value: options.prompt }],
      altText: altTextOnReplace(old.altText, promptOf(old.tags), options.altText, options.overwriteAltText),
    };
    const others: SlideSnapshot = { ...old.slide, shapes: old.slide.shapes.filter((s) => s.id !== old.shape.id) };

    if (old.backupBase64 === undefined) {
      // No copy of the old picture can be made (PowerPointApi < 1.10): new one in first, old one out after.
      await this.insertImage(data.base64, wanted);
      const added = await this.finishInsert(old.slide, finish);
      try {
        await this.deleteShape(old.slide.slideId, old.shape.id);
      } catch (deleteError) {
        // Both pictures would stay: take the new one out again so the slide is as it was.
        await this.deleteShape(old.slide.slideId, added.shapeId).catch(() => undefined /* reporting deleteError */);
        throw new HostError("insert_refused", "PowerPoint would not remove the old picture; the new one was taken out again", { cause: deleteError });
      }
      return added.result;
    }

    await this.deleteShape(old.slide.slideId, old.shape.id);
    try {
      await this.insertImage(data.base64, wanted);
      return (await this.finishInsert(others, finish)).result;
    } catch (insertError) {
      // Refused, timed out or not verified after the delete: put the original back (its rendering).
      await this.restore(old, others, insertError);
      throw new HostError("insert_refused", "PowerPoint refused the new picture; the original picture was put back", { cause: insertError });
    }
  }

  private deleteShape(slideId: string, shapeId: string): Promise<void> {
    return this.step("Removing a picture", async (context) => {
      context.presentation.slides.getItem(slideId).shapes.getItem(shapeId).delete();
      await context.sync();
    });
  }

  /**
   * PowerPoint has no API for a picture's original bytes. `Shape.getImageAsBase64` (PowerPointApi 1.10) renders
   * the shape as PNG (crop, border and effects included) at twice its size in points; that rendering is what
   * "Edit" sends. Below 1.10, `capabilities.features.editPicture` is false (`capability.needsPowerPointApi110`).
   */
  async readPictureBytes(target: SelectedPicture): Promise<PictureData> {
    assertFeature(this.capabilities, "editPicture", "PowerPoint");
    const base64 = await this.step("Reading the picture", async (context) => {
      const { shape } = await findShape(context, target.id);
      shape.load("width,height");
      await context.sync();
      const image = shape.getImageAsBase64({ format: "Png" as PowerPoint.ShapeGetImageFormatType, ...renderSize(shape.width, shape.height) });
      await context.sync();
      return image.value;
    });
    return pictureDataFromBase64(base64);
  }

  onSelectionChanged(listener: () => void): () => void {
    return subscribeSelectionChanged(this.env.document, listener);
  }

  /** One `PowerPoint.run` with a timeout; errors become HostError. */
  private async step<T>(what: string, batch: (context: PowerPoint.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await withTimeout(this.env.run(batch), this.timeoutMs, what);
    } catch (error) {
      throw toHostError(error, what);
    }
  }

  /**
   * Inserts; when the web refuses because a picture is selected (2001, office-js #3698, #4225), clears the shape
   * selection by going to the current slide (a workaround reported in #3698; `setSelectedShapes([])` does not
   * work there) and tries once more. If the selection cannot be cleared, the first refusal is reported.
   */
  private async insertImage(base64: string, rect: RectPt | undefined): Promise<void> {
    try {
      await this.insertImageOnce(base64, rect);
    } catch (error) {
      if (!(error instanceof HostError) || (error.cause as { code?: unknown } | undefined)?.code !== 2001) throw error;
      try {
        await withTimeout(this.clearShapeSelection(), this.timeoutMs, "Clearing the selection");
      } catch {
        throw error;
      }
      await this.insertImageOnce(base64, rect);
    }
  }

  /** `goToByIdAsync(<current slide>, Slide)` with the Common API slide id from `getSelectedDataAsync(SlideRange)`. */
  private async clearShapeSelection(): Promise<void> {
    const document = this.env.document;
    const range = await callAsync<{ slides?: { id: number }[] }>((done) => document.getSelectedDataAsync("slideRange" as Office.CoercionType, done));
    const id = range?.slides?.[0]?.id;
    if (id === undefined) throw new HostError("no_slide", "no slide is in view");
    await callAsync<unknown>((done) => document.goToByIdAsync(id, "slide" as unknown as Office.GoToType, done));
  }

  /** `setSelectedDataAsync` with Image coercion; a position only when a box is given (else a placeholder fills). */
  private async insertImageOnce(base64: string, rect: RectPt | undefined): Promise<void> {
    const options: Office.SetSelectedDataOptions = { coercionType: "image" as Office.CoercionType };
    if (rect) {
      Object.assign(options, { imageLeft: rect.leftPt, imageTop: rect.topPt, imageWidth: rect.widthPt, imageHeight: rect.heightPt });
    }
    try {
      await withTimeout(
        callAsync<void>((done) => this.env.document.setSelectedDataAsync(base64, options, done)),
        this.timeoutMs,
        "Inserting the picture",
      );
    } catch (error) {
      throw toHostError(error, "Inserting the picture", "insert_refused");
    }
  }

  /** Finds the picture the insert made, verifies it, and gives it geometry, z-order, name, tags and alt text. */
  private async finishInsert(before: SlideSnapshot, finish: Finish): Promise<{ result: InsertResult; shapeId: string }> {
    return this.step("Checking the inserted picture", async (context) => {
      const slide = context.presentation.slides.getItem(before.slideId);
      const after = await this.readSlide(context, slide);
      const created = findCreated(before, after);
      if (!created) throw new HostError("insert_not_verified", "PowerPoint reported success but no new picture is on the slide");
      const shape = slide.shapes.getItem(created.shape.id);
      try {
        // A placeholder the host did not fill leaves a free-standing picture: give it the placeholder's box.
        const wanted = finish.wanted ?? (created.isNew ? finish.placeholderBox : undefined);
        if (wanted && geometryDiffers(wanted, created.shape.rect)) {
          shape.left = wanted.leftPt;
          shape.top = wanted.topPt;
          shape.width = wanted.widthPt;
          shape.height = wanted.heightPt;
        }
        if (finish.sendToBack && this.capabilities.sets.powerPointApi18) shape.setZOrder("SendToBack");
        shape.name = finish.name;
        for (const tag of finish.tags) shape.tags.add(tag.key, tag.value);
        if (this.capabilities.sets.powerPointApi110) {
          shape.altTextTitle = finish.altText.title;
          shape.altTextDescription = finish.altText.description;
        }
        shape.load("left,top,width,height");
        await context.sync();
      } catch (error) {
        // One logical edit: a picture we could not finish does not stay behind (a filled placeholder is left as is).
        if (created.isNew) {
          shape.delete();
          await context.sync().catch(() => undefined /* already reporting the first error */);
        }
        throw error;
      }
      return {
        shapeId: created.shape.id,
        result: { sizePt: { widthPt: shape.width, heightPt: shape.height }, positionPt: { leftPt: shape.left, topPt: shape.top } },
      };
    });
  }

  /** Puts the rendering of a deleted picture back after a failed replace. */
  private async restore(old: OldPicture, others: SlideSnapshot, insertError: unknown): Promise<void> {
    try {
      await this.insertImage(old.backupBase64 as string, old.shape.rect);
      await this.finishInsert(others, {
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

  private async readOldPicture(id: string): Promise<OldPicture> {
    const api110 = this.capabilities.sets.powerPointApi110;
    return this.step("Reading the picture to replace", async (context) => {
      const { slide, shape, inView } = await findShape(context, id);
      // The new picture goes in on the slide in view: make that the old picture's slide.
      if (!inView) context.presentation.setSelectedSlides([slide.id]);
      shape.load(`id,name,width,height${api110 ? ",altTextTitle,altTextDescription" : ""}`);
      shape.tags.load("items/key,items/value");
      await context.sync();
      const backup = api110 ? shape.getImageAsBase64({ format: "Png" as PowerPoint.ShapeGetImageFormatType, ...renderSize(shape.width, shape.height) }) : undefined;
      const snapshot = await this.readSlide(context, slide);
      const shapeSnapshot = snapshot.shapes.find((s) => s.id === id);
      if (!shapeSnapshot) throw new HostError("picture_gone", "the picture to replace is no longer on its slide");
      return {
        slide: snapshot,
        shape: shapeSnapshot,
        tags: shape.tags.items.map((t) => ({ key: t.key, value: t.value })),
        altText: api110 ? altTextOf(shape) : undefined,
        backupBase64: backup?.value,
      };
    });
  }

  /** Shapes (and placeholders, 1.8) of a slide and the slide size (`pageSetup`, 1.10; else 960 × 540 pt). */
  private async readSlide(context: PowerPoint.RequestContext, slide: PowerPoint.Slide): Promise<SlideSnapshot> {
    const sets = this.capabilities.sets;
    slide.load("id");
    slide.shapes.load(SHAPE_PROPS);
    const pageSetup = sets.powerPointApi110 ? context.presentation.pageSetup : undefined;
    pageSetup?.load("slideWidth,slideHeight");
    await context.sync();
    const placeholders = sets.powerPointApi18 ? slide.shapes.items.filter((s) => s.type === "Placeholder") : [];
    if (placeholders.length > 0) {
      // placeholderFormat throws GeneralException on other shapes: load it on placeholders only.
      placeholders.forEach((s) => s.placeholderFormat.load("type,containedType"));
      await context.sync();
    }
    return {
      slideId: slide.id,
      slideSize: pageSetup ? { widthPt: pageSetup.slideWidth, heightPt: pageSetup.slideHeight } : DEFAULT_SLIDE_SIZE_PT,
      shapes: slide.shapes.items.map((s) => ({
        id: s.id,
        type: s.type,
        name: s.name,
        rect: { leftPt: s.left, topPt: s.top, widthPt: s.width, heightPt: s.height },
        placeholder: placeholders.includes(s) ? { type: s.placeholderFormat.type, containedType: s.placeholderFormat.containedType ?? null } : undefined,
      })),
    };
  }

  private targetSlideId(target: InsertTarget | undefined): string | undefined {
    if (!target) return undefined;
    if (target.host !== "powerpoint") throw new HostError("unknown", `an insert target of ${target.host} was given to the PowerPoint adapter`);
    return (target.data as { slideId: string }).slideId;
  }
}

/** The slide in view (`getSelectedSlides().getItemAt(0)`, PowerPointApi 1.5); `no_slide` when none, unless optional. */
async function currentSlide(context: PowerPoint.RequestContext, required?: true): Promise<PowerPoint.Slide>;
async function currentSlide(context: PowerPoint.RequestContext, required: boolean): Promise<PowerPoint.Slide | undefined>;
async function currentSlide(context: PowerPoint.RequestContext, required = true): Promise<PowerPoint.Slide | undefined> {
  const slides = context.presentation.getSelectedSlides();
  slides.load("items/id");
  await context.sync();
  if (slides.items.length === 0) {
    if (!required) return undefined;
    throw new HostError("no_slide", "select a slide first");
  }
  return slides.items[0];
}

/** A shape by id, on the slide in view first, then on any slide. */
async function findShape(context: PowerPoint.RequestContext, id: string): Promise<{ slide: PowerPoint.Slide; shape: PowerPoint.Shape; inView: boolean }> {
  const current = await currentSlide(context, false);
  const slides = context.presentation.slides;
  slides.load("items/id");
  await context.sync();
  const ordered = current ? [current, ...slides.items.filter((s) => s.id !== current.id)] : slides.items;
  const candidates = ordered.map((slide) => ({ slide, shape: slide.shapes.getItemOrNullObject(id) }));
  candidates.forEach((c) => c.shape.load("id"));
  await context.sync();
  const found = candidates.find((c) => !c.shape.isNullObject);
  if (!found) throw new HostError("picture_gone", "the picture to replace is no longer in the presentation");
  return { ...found, inView: found.slide === current };
}

/**
 * The picture an insert made: the last shape whose id was not there before (office-js #4222: not the selection),
 * else an empty placeholder that now holds an image (#2451, #2651: the host put it there).
 */
function findCreated(before: SlideSnapshot, after: SlideSnapshot): { shape: ShapeSnapshot; isNew: boolean } | undefined {
  const known = new Map(before.shapes.map((s) => [s.id, s]));
  const fresh = after.shapes.filter((s) => !known.has(s.id));
  if (fresh.length > 0) return { shape: fresh[fresh.length - 1], isNew: true };
  const filled = after.shapes.find((s) => s.placeholder?.containedType === "Image" && known.get(s.id)?.placeholder?.containedType == null && known.get(s.id)?.placeholder);
  return filled ? { shape: filled, isNew: false } : undefined;
}

function toPlacementShape(shape: ShapeSnapshot): SlideShapeInfo {
  const empty = shape.placeholder && shape.placeholder.containedType === null && PICTURE_PLACEHOLDERS.has(shape.placeholder.type);
  return { id: shape.id, role: empty ? "empty-picture-placeholder" : "obstacle", rect: shape.rect };
}

/** Pixel size for `getImageAsBase64`: twice the size in points (144 dpi), enough for edits and restores. */
function renderSize(widthPt: number, heightPt: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(widthPt * 2)), height: Math.max(1, Math.round(heightPt * 2)) };
}

/** A shape's alt text (PowerPointApi 1.10, loaded), or `undefined` when it has none. */
function altTextOf(shape: PowerPoint.Shape): AltText | undefined {
  return shape.altTextTitle || shape.altTextDescription ? { title: shape.altTextTitle, description: shape.altTextDescription } : undefined;
}

/** The prompt kept in a shape's tags ({@link PROMPT_TAG}; PowerPoint upper-cases tag keys), if any. */
function promptOf(tags: readonly { key: string; value: string }[]): string | undefined {
  return tags.find((t) => t.key.toUpperCase() === PROMPT_TAG)?.value;
}
