// Whole-deck operations over the workbench's deck, with the PowerPoint adapter's semantics (issue 8).
import type { DeckHostAdditions, DeckInsertOptions, DeckItem, DeckItemText, InsertedLocation } from "../core/deck/types";
import { freeAreaOf, planSlidePlacement, type SlideShapeInfo } from "../core/placement";
import type { PictureData } from "../core/types";
import { HostError } from "../hosts/errors";
import { titleAndBody } from "../hosts/powerpoint/deckText";
import { libraryIdOf, tagsFromRecord, tagsToRecord, withIllustrateTags } from "../hosts/powerpoint/shapeTags";
import { findSlide, selectSlide, updateSlide, type DeckState } from "./deckModel";
import { checkPicture } from "./pictureRules";
import { addPicture, frameOf, SLIDE_SIZE_PT, type SlideShape, type SlideState } from "./slideModel";
import type { Store } from "./store";

/** A stand-in shape as placement sees it: the stand-in has no placeholders, so every shape is an obstacle. */
export function placementShapeOf(shape: SlideShape): SlideShapeInfo {
  return { id: shape.id, role: "obstacle", rect: frameOf(shape) };
}

/** The slide's title and body by the PowerPoint adapter's rules (`deckText` `titleAndBody`). */
function textOf(slide: SlideState): DeckItemText {
  const texts = slide.shapes.flatMap((s) => (s.kind === "textbox" ? [{ id: s.id, name: s.name, text: s.text }] : []));
  return { id: slide.slideId, kind: "slide", ...titleAndBody(texts) };
}

/**
 * {@link DeckHostAdditions} over a {@link DeckState} store. Same semantics as `PowerPointDeck`: `item_gone` for a
 * deleted slide, inserts go to that slide with the shape selection cleared (`setSelectedSlides`), placement by
 * `planSlidePlacement` (largest free area), alt text and provenance in the shape's tags, idempotent by `pictureId`.
 * No thumbnails (`renderThumbnail` is absent: the pane shows its own preview), theme colours as at PowerPointApi 1.10.
 */
export class SlideDeck implements DeckHostAdditions {
  constructor(private readonly store: Store<DeckState>) {}

  async listItems(): Promise<DeckItem[]> {
    return this.store.get().slides.map((slide, index) => {
      const freeAreaPt = freeAreaOf(SLIDE_SIZE_PT, slide.shapes.map(placementShapeOf));
      return {
        ...textOf(slide),
        index,
        hasPicture: slide.shapes.some((s) => s.kind === "picture"),
        ...(slide.layoutName ? { layout: { name: slide.layoutName } } : {}),
        ...(freeAreaPt ? { freeAreaPt } : {}),
      };
    });
  }

  /** @throws HostError `item_gone` */
  async readItemText(itemId: string): Promise<DeckItemText> {
    return textOf(this.slideOrGone(itemId));
  }

  async readPalette(): Promise<string[]> {
    return [...this.store.get().themeColors];
  }

  /**
   * @throws HostError `item_gone` when the slide was deleted; `insert_refused` for invalid bytes. One store update:
   *   the deck is never half-changed.
   */
  async insertIntoItem(itemId: string, picture: PictureData, options: DeckInsertOptions): Promise<InsertedLocation> {
    const slide = this.slideOrGone(itemId);
    const existing = slide.shapes.find((s) => s.kind === "picture" && libraryIdOf(tagsFromRecord(s.tags)) === options.pictureId);
    if (existing) return locationOf(itemId, existing.id, frameOf(existing));
    checkPicture(picture);
    const plan = planSlidePlacement({ slide: SLIDE_SIZE_PT, shapes: slide.shapes.map(placementShapeOf), image: picture.size, placement: "auto" });
    const provenance = { libraryId: options.pictureId, prompt: options.prompt, style: options.provenance?.style ?? "", model: options.provenance?.model, size: options.provenance?.size };
    const tags = tagsToRecord(withIllustrateTags([], options.prompt, provenance));
    let shapeId = "";
    this.store.update((deck) =>
      updateSlide(selectSlide(deck, itemId), itemId, (s) => {
        const added = addPicture(s, plan.rect, { picture, altText: options.altText, name: options.altText.title, tags });
        shapeId = added.shapeId;
        return added.state;
      }),
    );
    return locationOf(itemId, shapeId, plan.rect);
  }

  private slideOrGone(itemId: string): SlideState {
    const slide = findSlide(this.store.get(), itemId);
    if (!slide) throw new HostError("item_gone", "The slide is no longer in the deck");
    return slide;
  }
}

function locationOf(itemId: string, shapeId: string, rectPt: InsertedLocation["rectPt"] & object): InsertedLocation {
  return { itemId, shapeId, rectPt, sizePt: { widthPt: rectPt.widthPt, heightPt: rectPt.heightPt } };
}
