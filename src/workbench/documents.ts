// The workbench's two stand-in documents (a Word page, a slide deck): stores, DocumentHosts and the DOM selection sync.
import type * as React from "react";
import { createSelectionSync } from "./domText";
import { createDeck, currentSlideStore, type DeckState } from "./deckModel";
import { SEED_DECK, SEED_PARAGRAPHS, SEED_THEME_COLOURS, type SlideSeed } from "./seed";
import { slideStateWithDomSelection } from "./slideDom";
import { SlideHost } from "./slideHost";
import { createSlide, type SlideState } from "./slideModel";
import { createStore, type Store } from "./store";
import { pageSelectionFromDom } from "./wordPageDom";
import { WordPageHost } from "./wordPageHost";
import { createWordPage, selectPicture, selectText, type WordPageState } from "./wordPageModel";

/** Both stand-ins, ready for the views (stores, element refs) and the pane (hosts). */
export interface WorkbenchDocuments {
  wordStore: Store<WordPageState>;
  /** The whole deck. */
  deckStore: Store<DeckState>;
  /** The slide in view, as a store of its own (a lens on `deckStore`). */
  slideStore: Store<SlideState>;
  wordHost: WordPageHost;
  slideHost: SlideHost;
  /** The Word page's column element (set by the view). */
  pageColumnRef: React.RefObject<HTMLDivElement | null>;
  /** The slide element (set by the view). */
  slideRef: React.RefObject<HTMLDivElement | null>;
  /** Copies the browser selection into whichever model it lies in (call on `selectionchange`). */
  syncSelection(): void;
}

/** The seeded deck: slide ids "slide-1"…, the first slide in view. */
export function createSeedDeck(seeds: readonly SlideSeed[] = SEED_DECK): DeckState {
  const slides = seeds.map((seed, i) => createSlide(seed.textBoxes, `slide-${i + 1}`, { layoutName: seed.layoutName, pictures: seed.pictures }));
  return createDeck(slides, SEED_THEME_COLOURS);
}

/** Creates the seeded Word page and deck with their hosts. */
export function createWorkbenchDocuments(): WorkbenchDocuments {
  const wordStore = createStore(createWordPage(SEED_PARAGRAPHS));
  const deckStore = createStore(createSeedDeck());
  const slideStore = currentSlideStore(deckStore);
  const pageColumnRef: React.RefObject<HTMLDivElement | null> = { current: null };
  const slideRef: React.RefObject<HTMLDivElement | null> = { current: null };

  const syncWord = createSelectionSync(
    () => pageColumnRef.current,
    (selection, root) => {
      const next = pageSelectionFromDom(selection, root);
      if (next?.kind === "text") wordStore.update((s) => selectText(s, next.anchor, next.focus));
      else if (next?.kind === "picture") wordStore.update((s) => selectPicture(s, next.blockId));
    },
  );
  const syncSlide = createSelectionSync(
    () => slideRef.current,
    (selection, root) => slideStore.update((s) => slideStateWithDomSelection(s, selection, root)),
  );

  return {
    wordStore,
    deckStore,
    slideStore,
    wordHost: new WordPageHost(wordStore, { syncSelection: syncWord }),
    slideHost: new SlideHost(slideStore, { syncSelection: syncSlide, deck: deckStore }),
    pageColumnRef,
    slideRef,
    syncSelection() {
      syncWord();
      syncSlide();
    },
  };
}
