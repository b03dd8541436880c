// Reading PowerPoint: the selection (text, selected picture), a slide's shapes and size, a picture and its rendering.
import { altTextOf, isGeneratedAltText, type AltText } from "../../core/altText";
import { DEFAULT_SLIDE_SIZE_PT, type RectPt, type SlideShapeInfo } from "../../core/placement";
import type { PointSize } from "../../core/types";
import type { SelectionSnapshot } from "../DocumentHost";
import { HostError } from "../errors";
import { callAsync, withTimeout } from "../office/async";
import type { OfficeCapabilities } from "../office/requirementSets";
import { runStep, stepTimeoutMs, type PowerPointEnvironment } from "./powerPointEnvironment";
import { promptOf, provenanceOf, type ShapeTag } from "./shapeTags";

/** A shape as read from the slide; geometry in points. */
export interface ShapeSnapshot {
  id: string;
  type: string;
  name: string;
  rect: RectPt;
  /** Placeholder type and what it holds (`null` = empty), PowerPointApi 1.8. */
  placeholder?: { type: string; containedType: string | null };
}

/** A slide's id, size in points and shapes, read in one step. */
export interface SlideSnapshot {
  slideId: string;
  slideSize: PointSize;
  shapes: ShapeSnapshot[];
}

/** The old picture in a replace, read before anything changes. */
export interface OldPicture {
  slide: SlideSnapshot;
  shape: ShapeSnapshot;
  tags: ShapeTag[];
  altText?: AltText;
  /** A rendering of the old picture (`Shape.getImageAsBase64`, PowerPointApi 1.10), to put it back if needed. */
  backupBase64?: string;
}

const SHAPE_PROPS = "items/id,items/type,items/name,items/left,items/top,items/width,items/height";
/** Placeholder types that accept a picture when empty. */
const PICTURE_PLACEHOLDERS = new Set(["Picture", "Content", "Object"]);

/**
 * Selected text with `presentation.getSelectedTextRangeOrNullObject()` (PowerPointApi 1.5), falling back to
 * `getSelectedDataAsync(Text)` on older hosts; the selected picture from `getSelectedShapes()` (type `Image`,
 * or a placeholder holding an image, 1.8). Never throws: no text is not an error for the pane.
 */
export async function readPowerPointSelection(env: PowerPointEnvironment): Promise<SelectionSnapshot> {
  const sets = env.capabilities.sets;
  if (sets.powerPointApi15) {
    try {
      return await runStep(env, "Reading the selection", async (context) => {
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
          // Tags (PowerPointApi 1.3, there whenever 1.5 is): the prompt says whose alt text it is; the provenance
          // is returned only when the tags are Illustrate's (`provenanceOf`), never claimed for another picture.
          picture.tags.load("items/key,items/value");
          await context.sync();
          const tags = picture.tags.items.map((t) => ({ key: t.key, value: t.value }));
          if (sets.powerPointApi110) snapshot.picture.altTextIsGenerated = isGeneratedAltText(altText, promptOf(tags));
          const provenance = provenanceOf(tags);
          if (provenance) snapshot.picture.provenance = provenance;
        }
        return snapshot;
      });
    } catch {
      // Some hosts throw instead of returning a null object for an unusual selection: read plain text instead.
    }
  }
  try {
    const text = await withTimeout(
      callAsync<string>((done) => env.document.getSelectedDataAsync("text" as Office.CoercionType, done)),
      stepTimeoutMs(env),
      "Reading the selected text",
    );
    return { text: typeof text === "string" ? text : "" };
  } catch {
    // Error 1001: the selection is not text (a picture, a chart…). No text is not an error for the pane.
    return { text: "" };
  }
}

/** Shapes (and placeholders, 1.8) of a slide and the slide size (`pageSetup`, 1.10; else 960 × 540 pt). */
export async function readSlide(context: PowerPoint.RequestContext, slide: PowerPoint.Slide, capabilities: OfficeCapabilities): Promise<SlideSnapshot> {
  const sets = capabilities.sets;
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

/**
 * The picture to replace, with its slide, tags, alt text (1.10) and a PNG rendering of it (1.10) to restore from.
 * Selects its slide when it is not the one in view: the new picture goes in on the slide in view.
 * @throws HostError `picture_gone`, `timeout`…
 */
export function readOldPicture(env: PowerPointEnvironment, id: string): Promise<OldPicture> {
  const api110 = env.capabilities.sets.powerPointApi110;
  return runStep(env, "Reading the picture to replace", async (context) => {
    const { slide, shape, inView } = await findShape(context, id);
    // The new picture goes in on the slide in view: make that the old picture's slide.
    if (!inView) context.presentation.setSelectedSlides([slide.id]);
    shape.load(`id,name,width,height${api110 ? ",altTextTitle,altTextDescription" : ""}`);
    shape.tags.load("items/key,items/value");
    await context.sync();
    const backup = api110 ? shape.getImageAsBase64({ format: "Png" as PowerPoint.ShapeGetImageFormatType, ...renderSize(shape.width, shape.height) }) : undefined;
    const snapshot = await readSlide(context, slide, env.capabilities);
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

/**
 * PowerPoint has no API for a picture's original bytes. `Shape.getImageAsBase64` (PowerPointApi 1.10) renders
 * the shape as PNG (crop, border and effects included) at twice its size in points; that rendering is what
 * "Edit" sends. Returns raw base64.
 */
export function renderPicture(env: PowerPointEnvironment, id: string): Promise<string> {
  return runStep(env, "Reading the picture", async (context) => {
    const { shape } = await findShape(context, id);
    shape.load("width,height");
    await context.sync();
    const image = shape.getImageAsBase64({ format: "Png" as PowerPoint.ShapeGetImageFormatType, ...renderSize(shape.width, shape.height) });
    await context.sync();
    return image.value;
  });
}

/** The slide in view (`getSelectedSlides().getItemAt(0)`, PowerPointApi 1.5); `no_slide` when none, unless optional. */
export async function currentSlide(context: PowerPoint.RequestContext, required?: true): Promise<PowerPoint.Slide>;
export async function currentSlide(context: PowerPoint.RequestContext, required: boolean): Promise<PowerPoint.Slide | undefined>;
export async function currentSlide(context: PowerPoint.RequestContext, required = true): Promise<PowerPoint.Slide | undefined> {
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

/** A shape as placement sees it: an empty picture placeholder (type Picture/Content/Object), else an obstacle. */
export function toPlacementShape(shape: ShapeSnapshot): SlideShapeInfo {
  const empty = shape.placeholder && shape.placeholder.containedType === null && PICTURE_PLACEHOLDERS.has(shape.placeholder.type);
  return { id: shape.id, role: empty ? "empty-picture-placeholder" : "obstacle", rect: shape.rect };
}

/** Pixel size for `getImageAsBase64`: twice the size in points (144 dpi), enough for edits and restores. */
function renderSize(widthPt: number, heightPt: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(widthPt * 2)), height: Math.max(1, Math.round(heightPt * 2)) };
}
