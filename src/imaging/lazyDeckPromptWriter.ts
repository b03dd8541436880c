// The deck flow's prompt writer with core/deck and the gateway writer in a chunk of their own, fetched after first paint.
import type { DeckPromptWriter } from "./deckPromptWriter";
import type { PaneDeckPromptWriterOptions } from "./paneDeckPromptWriter";

/** A {@link DeckPromptWriter} that loads its implementation on `preload()` or on the first `write`. */
export interface LazyDeckPromptWriter extends DeckPromptWriter {
  /** Fetches the implementation's chunk now (after first paint, so the deck flow's first run does not wait on it). */
  preload(): Promise<void>;
}

/**
 * Same contract as `createPaneDeckPromptWriter(options)` (paneDeckPromptWriter.ts), loaded lazily. A chunk that
 * fails to load rejects that `write` and is retried by the next one.
 */
export function createLazyDeckPromptWriter(options: PaneDeckPromptWriterOptions): LazyDeckPromptWriter {
  let writer: Promise<DeckPromptWriter> | undefined;
  const load = () => {
    writer ??= import(/* webpackChunkName: "deck-prompt-writer" */ "./paneDeckPromptWriter").then(
      (m) => m.createPaneDeckPromptWriter(options),
      (error: unknown) => {
        writer = undefined;
        throw error;
      },
    );
    return writer;
  };
  return {
    preload: () => load().then(() => undefined),
    write: (items, deckStyle, writeOptions) => load().then((w) => w.write(items, deckStyle, writeOptions)),
  };
}
