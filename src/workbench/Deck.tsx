// The PowerPoint-like deck view: the slide list beside the slide in view.
import * as React from "react";
import type { DeckState } from "./deckModel";
import { SlideView } from "./Slide";
import { SlideList } from "./SlideList";
import type { SlideState } from "./slideModel";
import type { Store } from "./store";
import { useSlideListStyles } from "./useSlideListStyles.styles";

/** Props of {@link DeckView}. */
export interface DeckViewProps {
  deckStore: Store<DeckState>;
  /** The slide in view (`deckModel` `currentSlideStore(deckStore)`). */
  slideStore: Store<SlideState>;
  slideRef: React.RefObject<HTMLDivElement | null>;
}

/** Slide list on the left, the slide in view on the right (named "Slide N of M"). */
export function DeckView({ deckStore, slideStore, slideRef }: DeckViewProps): React.JSX.Element {
  const styles = useSlideListStyles();
  const deck = React.useSyncExternalStore(deckStore.subscribe, deckStore.get);
  const number = deck.slides.findIndex((slide) => slide.slideId === deck.currentSlideId) + 1;
  return (
    <div className={styles.deck}>
      <SlideList store={deckStore} />
      <div className={styles.current}>
        <SlideView store={slideStore} slideRef={slideRef} position={{ number: Math.max(1, number), total: deck.slides.length }} />
      </div>
    </div>
  );
}
