// The whole-deck operations of the PowerPoint adapter (issue 8): list slides, read one, thumbnail, palette, insert into one.
import { planSlidePlacement, fitInto } from "../../core/placement";
import type { DeckHostAdditions, DeckInsertOptions, DeckItem, DeckItemText, InsertedLocation } from "../../core/deck/types";
import type { PictureData } from "../../core/types";
import { HostError } from "../errors";
import { assertWritable } from "../office/documentState";
import { pictureDataFromBase64 } from "../office/pictureBytes";
import { assertFeature } from "../office/requirementSets";
import { finishInsert, insertImage } from "./insertImage";
import { deckItemOf, itemTextOf, readDeckColours, readDeckSlides } from "./deckReader";
import { runStep, type PowerPointEnvironment } from "./powerPointEnvironment";
import { libraryIdOf, withIllustrateTags } from "./shapeTags";
import { readSlide, toPlacementShape } from "./slideReader";

/**
 * {@link DeckHostAdditions} for PowerPoint, present on `PowerPointHost.deck` only when `capabilities.features.deck`
 * (ImageCoercion 1.1 + PowerPointApi 1.5: `presentation.slides` 1.2, shapes 1.3/1.4, `setSelectedSlides` 1.5).
 * Optional parts by requirement set: placeholder types and thumbnails (`Slide.getImageAsBase64`) need 1.8, theme
 * colours 1.10 (below: shape fills and text colours, 1.4). Source: shared/docs/office-hosts.md "Whole deck".
 * Every step runs in its own `PowerPoint.run` behind a timeout (office-js #5022). Slide ids are stable when slides
 * are reordered (`slides.getItem(id)` finds it where it is now); a deleted slide gives `item_gone`.
 */
export class PowerPointDeck implements DeckHostAdditions {
  constructor(private readonly env: PowerPointEnvironment) {}

  private get capabilities() {
    return this.env.capabilities;
  }

  /** Every slide in deck order, read in four syncs whatever the deck's size. An empty deck gives `[]`. */
  listItems(): Promise<DeckItem[]> {
    assertFeature(this.capabilities, "deck", "PowerPoint");
    return runStep(this.env, "Reading the slides", async (context) => {
      const slides = context.presentation.slides;
      slides.load("items/id");
      await context.sync();
      const read = await readDeckSlides(context, slides.items, this.capabilities);
      return read.map((slide, index) => deckItemOf(slide, index, this.capabilities));
    });
  }

  /** The slide's title and body now. @throws HostError `item_gone` */
  readItemText(itemId: string): Promise<DeckItemText> {
    assertFeature(this.capabilities, "deck", "PowerPoint");
    return runStep(this.env, "Reading the slide", async (context) => {
      const slide = await slideOrGone(context, itemId);
      const [read] = await readDeckSlides(context, [slide], this.capabilities);
      return itemTextOf(read);
    });
  }

  /**
   * A PNG of the slide `heightPx` high (`Slide.getImageAsBase64({ height })`, PowerPointApi 1.8); `undefined` below 1.8.
   * @throws HostError `item_gone`
   */
  async renderThumbnail(itemId: string, heightPx: number): Promise<PictureData | undefined> {
    if (!this.capabilities.sets.powerPointApi18) return undefined;
    const base64 = await runStep(this.env, "Rendering the slide", async (context) => {
      const slide = await slideOrGone(context, itemId);
      const image = slide.getImageAsBase64({ height: Math.max(1, Math.round(heightPx)) });
      await context.sync();
      return image.value;
    });
    return pictureDataFromBase64(base64);
  }

  /** Up to 6 `#RRGGBB` colours: theme accents at 1.10, else the fills and text colours the slides use (1.4). */
  readPalette(): Promise<string[]> {
    assertFeature(this.capabilities, "deck", "PowerPoint");
    return runStep(this.env, "Reading the deck's colours", (context) => readDeckColours(context, this.capabilities));
  }

  /**
   * Puts `picture` on slide `itemId`: if a shape there is already tagged with `options.pictureId`, returns where it is
   * and inserts nothing (an image insert cannot be undone on the web, #3308). Else the slide is selected alone
   * (`setSelectedSlides([id])`, 1.5: the insert lands on the slide in view, and office-js #2775 deletes a selected
   * shape) and checked to be in view, the picture goes where `planSlidePlacement` says (empty picture placeholder,
   * else fitted into the largest free area), with alt text (1.10), the prompt and provenance in its tags, and every
   * shape the slide had is checked to be still there.
   * @throws HostError `item_gone`, `read_only`, `insert_refused`, `insert_not_verified`, `shape_lost` (the picture is
   *   in and tagged: inserting again finds it), `timeout`
   */
  async insertIntoItem(itemId: string, picture: PictureData, options: DeckInsertOptions): Promise<InsertedLocation> {
    assertFeature(this.capabilities, "deck", "PowerPoint");
    assertWritable(this.env.document);
    const { before, existing } = await runStep(this.env, "Reading the slide", async (context) => {
      const slide = await slideOrGone(context, itemId);
      const snapshot = await readSlide(context, slide, this.capabilities);
      const shapes = slide.shapes.items;
      shapes.forEach((s) => s.tags.load("items/key,items/value"));
      await context.sync();
      const tagged = shapes.find((s) => libraryIdOf(s.tags.items) === options.pictureId);
      return { before: snapshot, existing: tagged && snapshot.shapes.find((s) => s.id === tagged.id) };
    });
    if (existing) {
      return { itemId, shapeId: existing.id, rectPt: existing.rect, sizePt: { widthPt: existing.rect.widthPt, heightPt: existing.rect.heightPt } };
    }
    const plan = planSlidePlacement({ slide: before.slideSize, shapes: before.shapes.map(toPlacementShape), image: picture.size, placement: "auto" });
    await insertImage(this.env, itemId, picture.base64, plan.kind === "box" ? plan.rect : undefined);
    const provenance = { libraryId: options.pictureId, prompt: options.prompt, style: options.provenance?.style ?? "", model: options.provenance?.model, size: options.provenance?.size };
    const { result, shapeId } = await finishInsert(this.env, before, {
      wanted: plan.kind === "box" ? plan.rect : undefined,
      placeholderBox: plan.kind === "placeholder" ? fitInto(picture.size, plan.rect) : undefined,
      sendToBack: false,
      name: options.altText.title,
      tags: withIllustrateTags([], options.prompt, provenance),
      altText: options.altText,
    }); // a ShapeLostError passes through: the picture is in and tagged, so the run must not insert it again
    return {
      itemId,
      shapeId,
      rectPt: { leftPt: result.positionPt!.leftPt, topPt: result.positionPt!.topPt, ...result.sizePt },
      sizePt: result.sizePt,
    };
  }
}

/** Slide `id` (`slides.getItemOrNullObject`, 1.2). @throws HostError `item_gone` when it was deleted. */
async function slideOrGone(context: PowerPoint.RequestContext, id: string): Promise<PowerPoint.Slide> {
  const slide = context.presentation.slides.getItemOrNullObject(id);
  slide.load("id");
  await context.sync();
  if (slide.isNullObject) throw new HostError("item_gone", "the slide is no longer in the presentation");
  return slide;
}
