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
import { createWordPage, parseStoredWordPage, selectPicture, selectText, type WordPageState } from "./wordPageModel";

/** Where the Word page is kept between reloads (the session's storage: a reload keeps it, a new tab starts fresh). */
const WORD_PAGE_KEY = "illustrate.workbench.wordPage.v1";

/** Storage for the stand-in documents: the browser's sessionStorage, or none (tests, or storage switched off). */
export type DocumentStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/**
 * Keeps the Word page in `storage` so the page (its pictures and their provenance) survives a reload of the
 * workbench, as a Word document outlives its pane. Written when the page goes away or out of sight (`pagehide`,
 * `visibilitychange` to hidden, on `lifecycle`), never while someone works in it: the whole page is JSON of several
 * MB with pictures, and a synchronous `sessionStorage.setItem` of it took ~120 ms on this machine, inside the time
 * from Insert to the picture on the page (issue #11). A full storage (a few MB: large pictures) keeps the page in
 * memory only and says so in the console. `fresh` starts from the seed.
 */
function persistedWordStore(storage: DocumentStorage | undefined, fresh: boolean, lifecycle: EventTarget | undefined): Store<WordPageState> {
  if (fresh) storage?.removeItem(WORD_PAGE_KEY);
  const stored = storage ? parseStoredWordPage(storage.getItem(WORD_PAGE_KEY)) : undefined;
  const store = createStore(stored ?? createWordPage(SEED_PARAGRAPHS));
  if (!storage || !lifecycle) return store;
  let written = store.get().blocks;
  const write = () => {
    const { blocks, nextId } = store.get();
    if (blocks === written) return; // nothing but the selection changed since the last write
    written = blocks;
    try {
      storage.setItem(WORD_PAGE_KEY, JSON.stringify({ blocks, nextId }));
    } catch (error) {
      console.warn("The workbench could not keep the Word page for a reload (storage full):", error);
    }
  };
  lifecycle.addEventListener("pagehide", write);
  lifecycle.addEventListener("visibilitychange", () => {
    if (typeof document === "undefined" || document.visibilityState === "hidden") write();
  });
  return store;
}

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

/**
 * Creates the Word page (kept in `storage` across reloads, written on `lifecycle`'s `pagehide` and hidden
 * `visibilitychange`; from the seed when `fresh` or nothing is stored) and the seeded deck with their hosts.
 * @param lifecycle where the page's lifecycle events arrive; the window by default (tests pass their own)
 */
export function createWorkbenchDocuments(
  storage?: DocumentStorage,
  fresh = false,
  lifecycle: EventTarget | undefined = typeof window === "undefined" ? undefined : window,
): WorkbenchDocuments {
  const wordStore = persistedWordStore(storage, fresh, lifecycle);
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
