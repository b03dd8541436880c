// The pane's picture history: every generated image with its prompt, kept until discarded (pure reducer).
import type { AspectRatio, GeneratedImage } from "../core/types";
import type { StylePreset } from "../core/protocol/styles";

/** One generated picture as the pane keeps it. */
export interface HistoryItem {
  id: string;
  image: GeneratedImage;
  /** The person's prompt (without the style suffix): the default alt-text description. */
  prompt: string;
  /** The prompt sent to the API (with the style suffix). */
  sentPrompt: string;
  style: StylePreset;
  aspect: AspectRatio;
  /** Which generation (batch) it came from. */
  batchId: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** How many times it was put into the document. */
  insertedCount: number;
  /** Its id in the account's picture library; absent when saving failed (kept only in this pane's memory). */
  libraryId?: string;
}

/** Newest first. */
export type History = readonly HistoryItem[];

export type HistoryAction =
  | { type: "add"; items: readonly HistoryItem[] }
  | { type: "discard"; id: string }
  | { type: "inserted"; id: string }
  /** The library picture was deleted (here or in another pane): drop this pane's copies of it. */
  | { type: "deleted"; libraryId: string }
  /** The account changed: nothing of the previous account stays on screen. */
  | { type: "clear" };

/** Applies `action` to `history`; never drops an item except on `discard`, `deleted` or `clear`. */
export function historyReducer(history: History, action: HistoryAction): History {
  switch (action.type) {
    case "add":
      return [...action.items, ...history];
    case "discard":
      return history.filter((item) => item.id !== action.id);
    case "inserted":
      return history.map((item) => (item.id === action.id ? { ...item, insertedCount: item.insertedCount + 1 } : item));
    case "deleted":
      return history.filter((item) => item.libraryId !== action.libraryId);
    case "clear":
      return [];
  }
}
