// The workbench's two stand-in documents: their stores, their DocumentHosts and the DOM selection sync between them.
import type * as React from "react";
import { createSelectionSync } from "./domText";
import { SEED_PARAGRAPHS, SEED_TEXT_BOXES } from "./seed";
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

/** Creates the seeded Word page and slide with their hosts. */
export function createWorkbenchDocuments(): WorkbenchDocuments {
  const wordStore = createStore(createWordPage(SEED_PARAGRAPHS));
  const slideStore = createStore(createSlide(SEED_TEXT_BOXES));
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
    slideStore,
    wordHost: new WordPageHost(wordStore, { syncSelection: syncWord }),
    slideHost: new SlideHost(slideStore, { syncSelection: syncSlide }),
    pageColumnRef,
    slideRef,
    syncSelection() {
      syncWord();
      syncSlide();
    },
  };
}
