// Opens the library of one account: IndexedDB through Dexie when it works, else the in-memory store (said plainly).
import { libraryDatabaseName, type LibraryAccount } from "./accountPartition";
import { DexieLibrary } from "./DexieLibrary";
import type { StorageManagerLike } from "./eviction";
import type { LibraryDependencies } from "./LibraryBase";
import { MemoryLibrary } from "./MemoryLibrary";
import { LibraryDatabase } from "./schema";
import type { NotPersistentReason, PictureLibrary } from "./types";

/** Options of {@link openPictureLibrary}. */
export interface OpenLibraryOptions extends LibraryDependencies {
  account: LibraryAccount;
  /** @default globalThis.indexedDB (fake-indexeddb in tests). `null` forces the memory store. */
  indexedDB?: IDBFactory | null;
  /** @default globalThis.IDBKeyRange */
  IDBKeyRange?: typeof IDBKeyRange;
  /** @default navigator.storage */
  storage?: StorageManagerLike;
  /**
   * Another pane holds an older version of this database open, so the upgrade waits (IndexedDB `blocked`).
   * The pane should ask the person to close or reload the other Illustrate panes; the open finishes once they do.
   */
  onBlocked?: () => void;
  /**
   * A newer pane upgraded (or deleted) the database (`versionchange`): this store has been closed and every call
   * now throws LibraryUnavailableError. The pane should reload itself.
   */
  onVersionChange?: () => void;
}

/** The library as opened, whether persistent, and why not. */
export type OpenedLibrary = (DexieLibrary | MemoryLibrary) & PictureLibrary;

/**
 * Opens `account`'s picture library.
 *
 * Asks `navigator.storage.persist()` once (when not yet persisted) so the browser does not evict the data under
 * storage pressure; the answer is in `storagePersisted`. Falls back to a {@link MemoryLibrary} (`persistent:
 * false`, `notPersistentReason`) when IndexedDB is missing, cannot be opened (private modes), or the origin quota
 * is 0. Never throws for those: the pane keeps working and says pictures will not survive a reload.
 */
export async function openPictureLibrary(options: OpenLibraryOptions): Promise<OpenedLibrary> {
  const storage = options.storage ?? (globalThis.navigator as Navigator | undefined)?.storage;
  const factory = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
  const memory = (reason: NotPersistentReason) => new MemoryLibrary(options, reason);
  if (!factory) return memory("indexeddb-missing");

  const estimate = await storage?.estimate?.().catch(() => undefined);
  if (estimate?.quota === 0) return memory("quota-zero");

  const name = await libraryDatabaseName(options.account);
  const keyRange = options.IDBKeyRange ?? globalThis.IDBKeyRange;
  const db = new LibraryDatabase(name, { indexedDB: factory, ...(keyRange ? { IDBKeyRange: keyRange } : {}) });
  db.on("blocked", () => options.onBlocked?.());
  db.on("versionchange", () => {
    db.close(); // let the newer pane upgrade; Dexie would close too, we say so
    options.onVersionChange?.();
    return false;
  });
  try {
    await db.open();
  } catch {
    db.close();
    return memory("open-failed");
  }
  const library = new DexieLibrary(db, options, storage);
  library.storagePersisted = await requestPersistence(storage);
  return library;
}

/** `persisted()` first; `persist()` only if not yet granted. Undefined when the browser has neither. */
async function requestPersistence(storage: StorageManagerLike | undefined): Promise<boolean | undefined> {
  try {
    if (await storage?.persisted?.()) return true;
    return storage?.persist ? await storage.persist() : undefined;
  } catch {
    return undefined;
  }
}
