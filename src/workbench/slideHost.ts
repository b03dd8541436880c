// DocumentHost over the workbench's PowerPoint-like slide: what the PowerPoint adapter does, against the slide model.
import type {
  DocumentHost,
  InsertOptions,
  InsertResult,
  InsertTarget,
  PictureProvenance,
  ReplaceOptions,
  SelectedPicture,
  SelectionSnapshot,
} from "../hosts/DocumentHost";
import { HostError } from "../hosts/errors";
import type { PictureData } from "../core/types";
import { altTextOnReplace, isGeneratedAltText } from "../core/altText";
import { checkPicture } from "./pictureRules";
import { planSlidePlacement, replacementRect } from "../core/placement";
import {
  addPicture,
  findShape,
  frameOf,
  replacePictureShape,
  selectedShape,
  selectedSlideText,
  SLIDE_SIZE_PT,
  type PictureShape,
  type SlideState,
} from "./slideModel";
import { PROMPT_TAG, provenanceOf, tagsFromRecord, tagsToRecord, withIllustrateTags } from "../hosts/powerpoint/shapeTags";
import type { DeckHostAdditions } from "../core/deck/types";
import { findSlide, selectSlide, type DeckState } from "./deckModel";
import { placementShapeOf, SlideDeck } from "./slideDeck";
import { StandInHost, type StandInHostOptions } from "./StandInHost";
import type { Store } from "./store";

/** What {@link SlideHost.captureTarget} records: the slide (PowerPoint: slide id + geometry, issue #5). */
interface SlideTargetData {
  slideId: string;
}

/** Options of {@link SlideHost}. */
export interface SlideHostOptions extends StandInHostOptions {
  /** The deck `store` is the slide in view of (`deckModel` `currentSlideStore`): enables `deck` and captured-slide inserts. */
  deck?: Store<DeckState>;
}

/** The PowerPoint-like slide as a {@link DocumentHost}. Geometry in points inside a 960 × 540 pt slide. */
export class SlideHost extends StandInHost<SlideState, SlideTargetData, PictureShape> implements DocumentHost {
  readonly kind = "workbench-slide" as const;
  protected readonly documentName = "the slide";
  /** Whole-deck operations, when the slide belongs to a deck. */
  readonly deck?: DeckHostAdditions;
  private readonly deckStore?: Store<DeckState>;

  constructor(store: Store<SlideState>, options: SlideHostOptions = {}) {
    super(store, selectionKey, options);
    if (options.deck) {
      this.deckStore = options.deck;
      this.deck = new SlideDeck(options.deck);
    }
  }

  async readSelection(): Promise<SelectionSnapshot> {
    const state = this.current();
    const shape = selectedShape(state);
    if (shape?.kind === "picture") return { text: "", picture: selectedPictureOf(shape) };
    return { text: selectedSlideText(state) };
  }

  async captureTarget(): Promise<InsertTarget> {
    return this.target({ slideId: this.current().slideId });
  }

  /**
   * Puts `picture` on the slide at an explicit left/top/width/height in points, inside the slide, where the
   * PowerPoint adapter would (`planSlidePlacement`: the largest free area by default), named by its alt-text title,
   * with alt text and the prompt in its tags ({@link PROMPT_TAG}).
   * @throws HostError `insert_refused` for invalid bytes; the slide is not touched.
   */
  async insertPicture(picture: PictureData, options: InsertOptions): Promise<InsertResult> {
    checkPicture(picture);
    const captured = this.capturedData(options.target);
    // As PowerPoint: back to the captured slide when it is still in the deck (setSelectedSlides), else the one in view.
    if (captured && this.deckStore && findSlide(this.deckStore.get(), captured.slideId)) {
      this.deckStore.update((deck) => (deck.currentSlideId === captured.slideId ? deck : selectSlide(deck, captured.slideId)));
    }
    const state = this.current();
    const usedFallbackLocation = captured !== undefined && captured.slideId !== state.slideId;
    const plan = planSlidePlacement({ slide: SLIDE_SIZE_PT, shapes: state.shapes.map(placementShapeOf), image: picture.size, placement: options.slidePlacement ?? "auto" });
    // The stand-in has no picture placeholders, so the plan is always an explicit box.
    const frame = plan.rect;
    const content = { picture, altText: options.altText, name: options.altText.title, tags: tagsToRecord(withIllustrateTags([], options.prompt, options.provenance)) };
    const added = addPicture(state, frame, content, plan.kind === "box" && plan.sendToBack);
    this.store.update(() => added.state);
    return {
      sizePt: { widthPt: frame.widthPt, heightPt: frame.heightPt },
      positionPt: { leftPt: frame.leftPt, topPt: frame.topPt },
      ...(usedFallbackLocation ? { usedFallbackLocation } : {}),
    };
  }

  /**
   * Replaces picture `target` as the PowerPoint adapter does (delete, insert with the same geometry, restore name
   * and tags): same width, height from the new aspect ratio centred on the old box (unless `keepBox`), kept inside
   * the slide; the prompt tag is updated; alt text a person wrote is kept unless `overwriteAltText` (Illustrate's own, from the prompt tag, is
   * replaced). One store
   * update: never half-changed.
   * @throws HostError `picture_gone` when the picture was deleted; `insert_refused` for invalid bytes.
   */
  async replacePicture(target: SelectedPicture, data: PictureData, options: ReplaceOptions): Promise<InsertResult> {
    checkPicture(data);
    const state = this.current();
    const old = this.pictureOrGone(state, target);
    // As the PowerPoint adapter: same width, height from the new aspect ratio centred on the old box (or the old
    // box with keepBox), kept inside the slide.
    const frame = replacementRect(frameOf(old), data.size, SLIDE_SIZE_PT, options.keepBox);
    const content = {
      picture: data,
      altText: altTextOnReplace(old.altText, old.tags[PROMPT_TAG], options.altText, options.overwriteAltText),
      // Other tags kept; Illustrate's rewritten for the new picture (as the PowerPoint adapter: `withIllustrateTags`).
      tags: tagsToRecord(withIllustrateTags(tagsFromRecord(old.tags), options.prompt, options.provenance)),
    };
    const replaced = replacePictureShape(state, old.id, frame, content);
    if (!replaced) throw new HostError("picture_gone", "The selected picture is no longer on the slide");
    this.store.update(() => replaced.state);
    return { sizePt: { widthPt: frame.widthPt, heightPt: frame.heightPt }, positionPt: { leftPt: frame.leftPt, topPt: frame.topPt } };
  }

  protected findPicture(state: SlideState, id: string): PictureShape | undefined {
    const shape = findShape(state, id);
    return shape?.kind === "picture" ? shape : undefined;
  }
}


function selectionKey(state: SlideState): string {
  const range = state.textRange;
  return `${state.selectedShapeId ?? ""}:${range ? `${range.start}-${range.end}` : ""}`;
}

function selectedPictureOf(shape: PictureShape): SelectedPicture {
  return {
    id: shape.id,
    sizePt: { widthPt: shape.widthPt, heightPt: shape.heightPt },
    altText: shape.altText,
    altTextIsGenerated: isGeneratedAltText(shape.altText, shape.tags[PROMPT_TAG]),
    ...provenanceField(provenanceOf(tagsFromRecord(shape.tags))),
  };
}

/** `{ provenance }` only when the tags are Illustrate's: a picture Illustrate did not make is never claimed. */
function provenanceField(provenance: PictureProvenance | undefined): { provenance?: PictureProvenance } {
  return provenance ? { provenance } : {};
}
