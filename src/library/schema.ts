// The library's IndexedDB schema with Dexie: table layouts per version and the v1 → v2 upgrade.
import Dexie, { type Table, type Transaction } from "dexie";
import type { ImageRow, PictureRow, ThumbnailRow } from "./rows";
import { foldForSearch } from "./searchText";

/**
 * Schema v1 (the first release): `pictures` held `documentId` (the last document only) and `pinned` as a boolean,
 * and no search text. Kept so that a v1 database on someone's machine upgrades (Dexie needs the old version).
 */
export const SCHEMA_V1 = { pictures: "id, created", images: "id", thumbnails: "id" } as const;

/** Schema v2: `documentIds` (every document, multi-entry index), `pinned` 0/1 (indexable), `searchText`. */
export const SCHEMA_V2 = { pictures: "id, created, *documentIds", images: "id", thumbnails: "id" } as const;

/** The version this code writes. */
export const CURRENT_VERSION = 2;

/** A `pictures` row as v1 wrote it. */
export interface PictureRowV1 extends Omit<PictureRow, "searchText" | "pinned" | "documentIds" | "insertions" | "thumbnailBytes"> {
  pinned: boolean;
  documentId?: string;
  thumbnailBytes?: number;
}

/** v1 row → v2 row (in place, as Dexie's `modify` wants). */
export function upgradeRowV1toV2(value: PictureRowV1): void {
  const row = value as unknown as Record<string, unknown> & Omit<PictureRowV1, "pinned">;
  const documentId = row.documentId;
  const prompt = typeof row.prompt === "string" ? row.prompt : "";
  row.searchText = foldForSearch(row.revisedPrompt ? `${prompt}\n${row.revisedPrompt}` : prompt);
  row.pinned = row.pinned === true || row.pinned === 1 ? 1 : 0;
  row.documentIds = documentId ? [documentId] : [];
  row.insertions = documentId ? [{ documentId, at: row.created }] : [];
  row.thumbnailBytes = row.thumbnailBytes ?? 0;
  delete row.documentId;
}

/** The database of one account's library. */
export class LibraryDatabase extends Dexie {
  pictures!: Table<PictureRow, string>;
  images!: Table<ImageRow, string>;
  thumbnails!: Table<ThumbnailRow, string>;

  /**
   * @param name From {@link libraryDatabaseName} (one database per account).
   * @param options `indexedDB`/`IDBKeyRange` to use (fake-indexeddb in tests); the browser's when absent.
   */
  constructor(name: string, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, { ...options, autoOpen: false });
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx: Transaction) => tx.table("pictures").toCollection().modify(upgradeRowV1toV2));
  }
}
