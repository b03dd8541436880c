// What the deck panel needs besides the host and image client: the picture library, the run store, a clock, the budget.
import { readConfig } from "../../core/config";
import type { AccountSession } from "../../core/TokenProvider";
import type { LibraryAccount, PictureLibrary } from "../../library";
import type { DeckPromptWriter } from "../../imaging/deckPromptWriter";
import { openAccountLibrary } from "../library/openAccountLibrary";
import { openRunStore, type RunStore } from "./runStore";

/** The part of the picture library a run uses: save a finished picture first, read it back at Insert. */
export type DeckPictureStore = Pick<PictureLibrary, "add" | "get" | "markInserted"> & { readonly persistent?: boolean };

/** Timers the run driver waits with (429 pauses); tests pass fake timers. */
export interface DeckClock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Requests of one run in flight at once when the build does not set `deckConcurrency` (issue 8: "the backend's budget"). */
export const DEFAULT_DECK_CONCURRENCY = 2;

/** Injected into the deck panel (defaults: {@link defaultDeckServices}). */
export interface DeckServices {
  /** Opens the account's picture library (the same one the single-picture flow uses). */
  openLibrary(): Promise<DeckPictureStore>;
  /** Opens the account's run store. */
  openRunStore(): Promise<RunStore>;
  clock: DeckClock;
  /** Requests out at once: the build's `deckConcurrency` (`ILLUSTRATE_DECK_CONCURRENCY`), else {@link DEFAULT_DECK_CONCURRENCY}. */
  concurrency: number;
  /** Run ids. @default crypto.randomUUID */
  newId(): string;
  /**
   * The remote prompt writer (the gateway's `POST /v1/prompts/visual` client) tried first; absent or failing, the
   * local writer writes the briefs and the panel says why (`writeBriefs`). Comes from the pane's services
   * (`PaneServices.promptWriter`), the one place it is wired. @default undefined: the local writer only
   */
  promptWriter?: DeckPromptWriter;
}

/** The real clock and timers of the page. */
export const systemClock: DeckClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The account of the session as the library partitions by it: MSAL's `homeAccountId` when the session's account
 * carries one, else the signed-out partition.
 */
export function libraryAccountOf(session: AccountSession | undefined): LibraryAccount {
  const account = session?.getAccount() as { homeAccountId?: unknown } | null | undefined;
  return typeof account?.homeAccountId === "string" && account.homeAccountId ? { homeAccountId: account.homeAccountId } : null;
}

/** Services of the real pane: the account's IndexedDB library and run store, the page clock, the build's budget. */
export function defaultDeckServices(
  session: AccountSession | undefined,
  promptWriter?: DeckPromptWriter,
  concurrency = readConfig().deckConcurrency ?? DEFAULT_DECK_CONCURRENCY,
): DeckServices {
  return {
    ...(promptWriter ? { promptWriter } : {}),
    openLibrary: () => openAccountLibrary(libraryAccountOf(session)),
    openRunStore: () => openRunStore({ account: libraryAccountOf(session) }),
    clock: systemClock,
    concurrency,
    newId: () => globalThis.crypto.randomUUID(),
  };
}
