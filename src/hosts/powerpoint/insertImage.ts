// Putting an image on the slide in view with its host workarounds, then finding, checking and finishing the new shape.
import type { AltText } from "../../core/altText";
import { geometryDiffers, type RectPt } from "../../core/placement";
import type { InsertResult } from "../DocumentHost";
import { HostError } from "../errors";
import { callAsync, withTimeout } from "../office/async";
import { toHostError } from "../office/officeErrors";
import { runStep, stepTimeoutMs, type PowerPointEnvironment } from "./powerPointEnvironment";
import type { ShapeTag } from "./shapeTags";
import { readSlide, type ShapeSnapshot, type SlideSnapshot } from "./slideReader";

/** What the new picture gets once it is on the slide. */
export interface Finish {
  /** Where it must end up; `undefined` when the host fills a placeholder. */
  wanted?: RectPt;
  /** For a placeholder insert: where the picture goes if the host made a free-standing picture instead. */
  placeholderBox?: RectPt;
  sendToBack: boolean;
  name: string;
  tags: ShapeTag[];
  altText: AltText;
}

/**
 * PowerPoint on the web can delete the *selected* shape when something is inserted with `setSelectedDataAsync`
 * (office-js #2775, open), and the text box the prompt came from is usually still selected at Insert. Selecting the
 * slide itself (`presentation.setSelectedSlides([slideId])`, PowerPointApi 1.5) clears the shape selection and makes
 * that slide the one in view, where the insert lands. {@link finishInsert} then checks every shape is still there.
 * @throws HostError `item_gone` when the slide is no longer in the presentation, `timeout`…
 */
export function selectSlideOnly(env: PowerPointEnvironment, slideId: string): Promise<void> {
  return runStep(env, "Selecting the slide", async (context) => {
    const slide = context.presentation.slides.getItemOrNullObject(slideId);
    slide.load("id");
    await context.sync();
    if (slide.isNullObject) throw new HostError("item_gone", "the slide is no longer in the presentation");
    context.presentation.setSelectedSlides([slideId]);
    // setSelectedDataAsync writes to the slide in view: check it is this one before anything goes in.
    const inView = context.presentation.getSelectedSlides();
    inView.load("items/id");
    await context.sync();
    if (inView.items[0]?.id !== slideId) throw new HostError("insert_refused", "PowerPoint did not go to the slide the picture is for");
  });
}

/**
 * An insert that went in while PowerPoint deleted other shapes of the slide (office-js #2775). The picture is on the
 * slide, finished (geometry, tags, alt text), so a later insert by the same library id finds it: never insert twice
 * (an image insert cannot be undone on the web, #3308).
 */
export class ShapeLostError extends HostError {
  constructor(
    /** Names of the shapes that were on the slide before the insert and are gone after it. */
    readonly lostShapeNames: string[],
    /** The picture as it is on the slide. */
    readonly inserted: { result: InsertResult; shapeId: string },
  ) {
    super("shape_lost", `PowerPoint removed ${lostShapeNames.map((n) => `"${n}"`).join(", ")} while inserting the picture (office-js #2775)`);
  }
}

/**
 * Inserts on the slide in view with `setSelectedDataAsync` (Image coercion, ImageCoercion 1.1); when the web
 * refuses because a picture is selected (2001, office-js #3698, #4225), clears the shape selection by going to the
 * current slide (a workaround reported in #3698; `setSelectedShapes([])` does not work there) and tries once more.
 * If the selection cannot be cleared, the first refusal is reported. Always selects slide `slideId` first
 * ({@link selectSlideOnly}, the #2775 guard).
 * @param rect the box in points, or `undefined` to let the host fill an empty placeholder (#2451, #2651)
 * @throws HostError `insert_refused`, `timeout`…
 */
export async function insertImage(env: PowerPointEnvironment, slideId: string, base64: string, rect: RectPt | undefined): Promise<void> {
  await selectSlideOnly(env, slideId);
  try {
    await insertImageOnce(env, base64, rect);
  } catch (error) {
    if (!(error instanceof HostError) || (error.cause as { code?: unknown } | undefined)?.code !== 2001) throw error;
    try {
      await withTimeout(clearShapeSelection(env), stepTimeoutMs(env), "Clearing the selection");
    } catch {
      throw error;
    }
    await insertImageOnce(env, base64, rect);
  }
}

/** `goToByIdAsync(<current slide>, Slide)` with the Common API slide id from `getSelectedDataAsync(SlideRange)`. */
async function clearShapeSelection(env: PowerPointEnvironment): Promise<void> {
  const document = env.document;
  const range = await callAsync<{ slides?: { id: number }[] }>((done) => document.getSelectedDataAsync("slideRange" as Office.CoercionType, done));
  const id = range?.slides?.[0]?.id;
  if (id === undefined) throw new HostError("no_slide", "no slide is in view");
  await callAsync<unknown>((done) => document.goToByIdAsync(id, "slide" as unknown as Office.GoToType, done));
}

/** `setSelectedDataAsync` with Image coercion; a position only when a box is given (else a placeholder fills). */
async function insertImageOnce(env: PowerPointEnvironment, base64: string, rect: RectPt | undefined): Promise<void> {
  const options: Office.SetSelectedDataOptions = { coercionType: "image" as Office.CoercionType };
  if (rect) {
    Object.assign(options, { imageLeft: rect.leftPt, imageTop: rect.topPt, imageWidth: rect.widthPt, imageHeight: rect.heightPt });
  }
  try {
    await withTimeout(
      callAsync<void>((done) => env.document.setSelectedDataAsync(base64, options, done)),
      stepTimeoutMs(env),
      "Inserting the picture",
    );
  } catch (error) {
    throw toHostError(error, "Inserting the picture", "insert_refused");
  }
}

/**
 * Finds the picture the insert made, verifies it, and gives it geometry, z-order, name, tags and alt text.
 * Geometry is read back and set again when it differs: some hosts treat the values as pixels (office-js #2714).
 * @param before the slide as it was before the insert (the new picture is the shape not in it)
 * @throws HostError `insert_not_verified` when no new picture is on the slide; a new picture that could not be
 *   finished is deleted again. {@link ShapeLostError} (`shape_lost`) when a shape of `before` is gone (#2775): the
 *   picture is finished and stays.
 */
export async function finishInsert(env: PowerPointEnvironment, before: SlideSnapshot, finish: Finish): Promise<{ result: InsertResult; shapeId: string }> {
  const sets = env.capabilities.sets;
  return runStep(env, "Checking the inserted picture", async (context) => {
    const slide = context.presentation.slides.getItem(before.slideId);
    const after = await readSlide(context, slide, env.capabilities);
    const created = findCreated(before, after);
    if (!created) throw new HostError("insert_not_verified", "PowerPoint reported success but no new picture is on the slide");
    const present = new Set(after.shapes.map((s) => s.id));
    const lost = before.shapes.filter((s) => !present.has(s.id));
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
      if (finish.sendToBack && sets.powerPointApi18) shape.setZOrder("SendToBack");
      shape.name = finish.name;
      for (const tag of finish.tags) shape.tags.add(tag.key, tag.value);
      if (sets.powerPointApi110) {
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
    const inserted = {
      shapeId: created.shape.id,
      result: { sizePt: { widthPt: shape.width, heightPt: shape.height }, positionPt: { leftPt: shape.left, topPt: shape.top } },
    };
    // #2775: the picture stays (finished and tagged); the person is told which shape PowerPoint removed.
    if (lost.length > 0) throw new ShapeLostError(lost.map((s) => s.name || s.id), inserted);
    return inserted;
  });
}

/** Deletes shape `shapeId` of slide `slideId` in its own step. */
export function deleteShape(env: PowerPointEnvironment, slideId: string, shapeId: string): Promise<void> {
  return runStep(env, "Removing a picture", async (context) => {
    context.presentation.slides.getItem(slideId).shapes.getItem(shapeId).delete();
    await context.sync();
  });
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
