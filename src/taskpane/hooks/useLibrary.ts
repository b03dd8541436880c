// Opens the account's picture library after first paint (its own lazy chunk) and re-opens it when the account changes.
import { useEffect, useRef, useState } from "react";
import { useLatest } from "./useLatest";
import type { LibraryAccount } from "../../library/accountPartition";
import type { PictureLibrary } from "../../library/types";
import type { PaneMessage } from "../errorMessages";

/** Events the library reports while open (see `OpenLibraryOptions.onBlocked` / `onVersionChange`). */
export interface LibraryEvents {
  onBlocked?: () => void;
  onVersionChange?: () => void;
}

/**
 * Opens the picture library of `account` (`null`: the "not signed in" partition). Never throws for a missing or
 * failing IndexedDB: the memory store comes back with `persistent: false`.
 */
export type OpenLibrary = (account: LibraryAccount, events: LibraryEvents) => Promise<PictureLibrary>;

/**
 * The default {@link OpenLibrary}: `src/library` and Dexie load in their own chunk (`library`), so the pane's
 * first paint never waits for them (checked by `scripts/bundle-size.mjs`).
 */
export const openLibraryLazily: OpenLibrary = async (account, events) => {
  const { openAccountLibrary } = await import(/* webpackChunkName: "library" */ "../library/openAccountLibrary");
  return openAccountLibrary(account, events);
};

/** What the pane knows about its library. */
export interface LibraryHandle {
  /** The open library; undefined while opening, or when it could not be loaded at all. */
  library?: PictureLibrary;
  status: "waiting" | "opening" | "ready" | "failed";
  /** Resolves with the library once open (undefined when it could not be loaded): saving waits for it. */
  ready(): Promise<PictureLibrary | undefined>;
  /** Said in the pane while it applies: not persistent, blocked by another pane, closed by a newer pane. */
  notice?: PaneMessage;
}

interface Opening {
  key: string;
  promise: Promise<PictureLibrary | undefined>;
}

/** Key of an account for comparing (undefined: not known yet). */
function keyOf(account: LibraryAccount | undefined): string | undefined {
  if (account === undefined) return undefined;
  if (account === null) return "signed-out";
  return "homeAccountId" in account ? `h:${account.homeAccountId}` : `t:${account.objectId}.${account.tenantId}`;
}

/**
 * The library of `account`, opened in an effect (after the first paint) and closed on unmount or account switch,
 * so account B's pane never holds account A's store. `account === undefined` waits (sign-in state still loading).
 */
export function useLibrary(account: LibraryAccount | undefined, open: OpenLibrary): LibraryHandle {
  const key = keyOf(account);
  const [state, setState] = useState<{ key?: string; library?: PictureLibrary; failed?: boolean; notice?: PaneMessage }>({});
  const opening = useRef<Opening | undefined>(undefined);
  const waiters = useRef<((library: PictureLibrary | undefined) => void)[]>([]);
  const accountRef = useLatest(account);

  useEffect(() => {
    if (key === undefined) return undefined;
    let live = true;
    const events: LibraryEvents = {
      // `blocked` fires while the open waits: keyed to this account so the notice shows now (the open clears it).
      onBlocked: () => live && setState((s) => ({ ...s, key, notice: { intent: "warning", key: "library.blocked" } })),
      onVersionChange: () =>
        live && setState((s) => ({ ...s, library: undefined, failed: true, notice: { intent: "warning", key: "library.closedByNewer" } })),
    };
    const promise = open(accountRef.current ?? null, events).then(
      (library) => {
        if (!live) {
          library.close();
          return undefined;
        }
        setState({
          key,
          library,
          ...(library.persistent ? {} : { notice: { intent: "warning", key: "library.notPersistent" } }),
        });
        return library;
      },
      () => {
        if (live) setState({ key, failed: true, notice: { intent: "warning", key: "library.notPersistent" } });
        return undefined;
      },
    );
    opening.current = { key, promise };
    void promise.then((library) => {
      if (opening.current?.promise !== promise) return;
      for (const resolve of waiters.current.splice(0)) resolve(library);
    });
    return () => {
      live = false;
      setState({});
      // Close the store of the account we leave (or the unmounting pane's).
      void promise.then((library) => library?.close());
    };
  }, [key, open, accountRef]);

  const current = state.key === key ? state : {};
  const status: LibraryHandle["status"] = key === undefined ? "waiting" : current.library ? "ready" : current.failed ? "failed" : "opening";

  const handle: LibraryHandle = {
    status,
    ready: () => {
      const now = opening.current;
      if (now && now.key === key) return now.promise;
      return new Promise((resolve) => waiters.current.push(resolve));
    },
    ...(current.library ? { library: current.library } : {}),
    ...(current.notice ? { notice: current.notice } : {}),
  };
  return handle;
}
