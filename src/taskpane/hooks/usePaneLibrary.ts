// The pane's side of the picture library: save before showing, count, insert from it, mark inserts, delete all.
import { useCallback, useEffect, useState } from "react";
import { useLatest } from "./useLatest";
import type { AccountSession } from "../../core/TokenProvider";
import { nearestAspect } from "../../core/sizes";
import { isStylePreset, styledPrompt } from "../../core/protocol/styles";
import type { GeneratedImage } from "../../core/types";
import type { LibraryAccount } from "../../library/accountPartition";
import type { EvictionPlan, PictureLibrary, StoredPicture } from "../../library/types";
import type { PaneMessage } from "../errorMessages";
import type { HistoryItem } from "../history";
import type { Batch } from "../TaskPane.types";
import { openLibraryLazily, useLibrary, type OpenLibrary } from "./useLibrary";

/** How many prompts an eviction notice names (the rest are counted). */
const EVICTION_PROMPTS_NAMED = 3;

/** Byte length of raw base64 (no `data:` prefix). */
export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/** The first prompts of an eviction plan's victims, quoted, for a message. */
function victimPrompts(plan: EvictionPlan): string {
  return plan.victims
    .slice(0, EVICTION_PROMPTS_NAMED)
    .map((victim) => `“${victim.prompt}”`)
    .join(", ");
}

/**
 * Says, before it happens, that the next picture like these will not fit without removing the oldest unpinned
 * pictures (and which): the person can pin or download them first. Nothing is deleted here.
 */
async function warnBeforeEviction(
  store: PictureLibrary,
  images: readonly GeneratedImage[],
  setMessage: (message: PaneMessage) => void,
): Promise<void> {
  const largest = Math.max(0, ...images.map((image) => base64ByteLength(image.base64)));
  if (largest === 0) return;
  const next = await store.planEviction(largest).catch(() => undefined);
  if (next && next.victims.length > 0) {
    setMessage({ intent: "warning", key: "library.evictSoon", values: { count: next.victims.length, prompts: victimPrompts(next) } });
  }
}

/** A stored picture as a history item the insert flow takes. */
export function historyItemFromStored(stored: StoredPicture): HistoryItem {
  const style = isStylePreset(stored.style) ? stored.style : "none";
  return {
    id: `library-${stored.id}`,
    libraryId: stored.id,
    image: { ...stored.image, backend: stored.backend, ...(stored.revisedPrompt ? { revisedPrompt: stored.revisedPrompt } : {}) },
    prompt: stored.prompt,
    sentPrompt: styledPrompt(stored.prompt, style),
    style,
    aspect: stored.aspect ?? nearestAspect(stored.size.widthPx, stored.size.heightPx),
    batchId: "library",
    createdAt: stored.created,
    insertedCount: stored.insertedCount,
  };
}

/**
 * Waits for a lazily loaded session (`LazyAccountSession.preload`) before the library opens, so a pane never opens
 * the "not signed in" partition for a moment while MSAL's cached account is still loading.
 */
function useAccountSettled(session: AccountSession | undefined): boolean {
  const preload = (session as { preload?: () => Promise<unknown> } | undefined)?.preload;
  const [settled, setSettled] = useState(!preload);
  useEffect(() => {
    if (!preload) return undefined;
    let live = true;
    preload.call(session).then(
      () => live && setSettled(true),
      () => live && setSettled(true),
    );
    return () => {
      live = false;
    };
  }, [session, preload]);
  return settled;
}

export interface UsePaneLibraryArgs {
  session: AccountSession | undefined;
  /** The signed-in account (from `useAccount`). */
  homeAccountId: string | undefined;
  openLibrary?: OpenLibrary;
  documentId: string;
  setMessage(message: PaneMessage | undefined): void;
}

/** The library of the signed-in account and what the pane does with it. */
export function usePaneLibrary({ session, homeAccountId, openLibrary, documentId, setMessage }: UsePaneLibraryArgs) {
  const settled = useAccountSettled(session);
  const account: LibraryAccount | undefined = !settled ? undefined : homeAccountId ? { homeAccountId } : null;
  const handle = useLibrary(account, openLibrary ?? openLibraryLazily);
  const { library } = handle;
  // The count belongs to the library it was read from: 0 until the open library reports one.
  const [count, setCount] = useState<{ library: PictureLibrary; total: number }>();
  const total = library && count?.library === library ? count.total : 0;
  const handleRef = useLatest(handle);

  // After the library opens (itself after first paint): check the bytes of every stored picture. Damaged ones
  // leave the list (the rest loads) and the pane says how many.
  useEffect(() => {
    if (!library) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      library.verify().then(
        (found) => {
          if (live && found.length > 0) setMessage({ intent: "warning", key: "library.skipped", values: { count: found.length } });
        },
        () => undefined, // unreadable now (closed by a newer pane…): the list and get() still check each picture
      );
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [library, setMessage]);

  // The count in the History heading, kept current by liveQuery (also for changes made in another pane).
  useEffect(() => {
    if (!library) return undefined;
    return library.watch(
      { limit: 0 },
      (page) => setCount({ library, total: page.total }),
      () => undefined,
    );
  }, [library]);

  /**
   * Saves a run's pictures before they are shown. First asks what would have to go to make room and says which
   * pictures that is, then evicts them. Returns the library id of each picture (undefined: not saved; the picture
   * stays in this pane's memory and the pane says so).
   */
  const save = useCallback(
    async (batch: Batch, images: readonly GeneratedImage[]): Promise<(string | undefined)[]> => {
      const store = await handleRef.current.ready();
      if (!store) return images.map(() => undefined);
      const ids: (string | undefined)[] = [];
      let failed = 0;
      let evicted = false;
      for (const image of images) {
        try {
          const plan = await store.planEviction(base64ByteLength(image.base64));
          if (plan.victims.length > 0) {
            setMessage({
              intent: "warning",
              key: "library.evicting",
              values: { count: plan.victims.length, prompts: victimPrompts(plan) },
            });
            await store.evict(plan);
            evicted = true;
          }
          const saved = await store.add({
            image,
            prompt: batch.prompt,
            style: batch.style,
            aspect: batch.aspect,
            backend: image.backend,
            ...(image.revisedPrompt ? { revisedPrompt: image.revisedPrompt } : {}),
          });
          ids.push(saved.id);
        } catch {
          failed += 1;
          ids.push(undefined);
        }
      }
      if (failed > 0) setMessage({ intent: "warning", key: "library.notSaved", values: { count: failed } });
      else if (!evicted) await warnBeforeEviction(store, images, setMessage); // else the eviction message stays
      return ids;
    },
    [setMessage, handleRef],
  );

  /** The library picture as an insertable item; undefined (and a message) when gone or damaged. */
  const load = useCallback(
    async (libraryId: string): Promise<HistoryItem | undefined> => {
      try {
        const stored = await library?.get(libraryId);
        if (stored) return historyItemFromStored(stored);
        setMessage({ intent: "warning", key: "library.gone" });
      } catch {
        setMessage({ intent: "warning", key: "library.damaged" });
      }
      return undefined;
    },
    [library, setMessage],
  );

  /** Counts an insert and remembers this document; a failure to record it loses nothing. */
  const markInserted = useCallback(
    (libraryId: string) => {
      void library?.markInserted(libraryId, { documentId }).catch(() => undefined);
    },
    [library, documentId],
  );

  /** "Delete my pictures on this computer" (after the person confirmed). */
  const deleteAll = useCallback(async (): Promise<boolean> => {
    if (!library) return false;
    try {
      const count = await library.deleteAll();
      setMessage({ intent: "success", key: "library.deletedAll", values: { count } });
      return true;
    } catch {
      setMessage({ intent: "error", key: "library.deleteFailed" });
      return false;
    }
  }, [library, setMessage]);

  const key = account === undefined ? undefined : account === null ? "" : account.homeAccountId;
  return { ...handle, library: library as PictureLibrary | undefined, total, save, load, markInserted, deleteAll, accountKey: key, documentId };
}
