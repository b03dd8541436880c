// Document state of the workbench's PowerPoint-like deck: slides in order, the slide in view (pure, plus a store lens).
import type { SlideState } from "./slideModel";
import type { Store } from "./store";

export interface DeckState {
  /** Slides in deck order. */
  readonly slides: readonly SlideState[];
  /** The slide in view (PowerPoint's `getSelectedSlides().getItemAt(0)`). */
  readonly currentSlideId: string;
  /** Theme accents as `#RRGGBB` (what PowerPointApi 1.10 `themeColorScheme.getThemeColor` would give). */
  readonly themeColors: readonly string[];
}

/** A deck of `slides` (at least one), the first in view. */
export function createDeck(slides: readonly SlideState[], themeColors: readonly string[] = []): DeckState {
  if (slides.length === 0) throw new Error("a deck needs at least one slide");
  return { slides, currentSlideId: slides[0].slideId, themeColors };
}

/** Slide `id`, or undefined when it is not in the deck. */
export function findSlide(deck: DeckState, id: string): SlideState | undefined {
  return deck.slides.find((slide) => slide.slideId === id);
}

/** The slide in view. */
export function currentSlideOf(deck: DeckState): SlideState {
  return findSlide(deck, deck.currentSlideId) ?? deck.slides[0];
}

/**
 * Puts slide `id` in view with no shape selected on it (as `presentation.setSelectedSlides([id])` does). Unknown ids
 * leave the deck as is.
 */
export function selectSlide(deck: DeckState, id: string): DeckState {
  const slide = findSlide(deck, id);
  if (!slide) return deck;
  if (deck.currentSlideId === id && slide.selectedShapeId === null) return deck;
  return updateSlide({ ...deck, currentSlideId: id }, id, (s) => (s.selectedShapeId === null ? s : { ...s, selectedShapeId: null, textRange: null }));
}

/** The deck with slide `id` replaced by `update(slide)` (same deck object when nothing changed). */
export function updateSlide(deck: DeckState, id: string, update: (slide: SlideState) => SlideState): DeckState {
  const index = deck.slides.findIndex((slide) => slide.slideId === id);
  if (index < 0) return deck;
  const next = update(deck.slides[index]);
  if (next === deck.slides[index]) return deck;
  return { ...deck, slides: deck.slides.map((slide, i) => (i === index ? next : slide)) };
}

/** Removes slide `id` (a person deleting it); the next one (or the previous) comes into view. The last slide stays. */
export function removeSlide(deck: DeckState, id: string): DeckState {
  const index = deck.slides.findIndex((slide) => slide.slideId === id);
  if (index < 0 || deck.slides.length === 1) return deck;
  const slides = deck.slides.filter((slide) => slide.slideId !== id);
  const currentSlideId = deck.currentSlideId === id ? slides[Math.min(index, slides.length - 1)].slideId : deck.currentSlideId;
  return { ...deck, slides, currentSlideId };
}

/** Moves slide `id` to position `to` (0-based; a person reordering). Slide ids stay the same, as in PowerPoint. */
export function moveSlide(deck: DeckState, id: string, to: number): DeckState {
  const slide = findSlide(deck, id);
  if (!slide) return deck;
  const rest = deck.slides.filter((s) => s !== slide);
  const at = Math.max(0, Math.min(to, rest.length));
  return { ...deck, slides: [...rest.slice(0, at), slide, ...rest.slice(at)] };
}

/**
 * The slide in view as a store of its own: what the single-slide view and the slide host read and change. `get()`
 * returns the same object until that slide (or which slide is in view) changes.
 */
export function currentSlideStore(deck: Store<DeckState>): Store<SlideState> {
  return {
    get: () => currentSlideOf(deck.get()),
    update: (update) => deck.update((d) => updateSlide(d, currentSlideOf(d).slideId, update)),
    subscribe: (listener) => {
      let last = currentSlideOf(deck.get());
      return deck.subscribe(() => {
        const now = currentSlideOf(deck.get());
        if (now === last) return;
        last = now;
        listener();
      });
    },
  };
}
