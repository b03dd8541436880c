// The picture library in IndexedDB, through Dexie: one database per account, changes seen by every pane.
//
// Why Dexie (4.4.7) rather than raw IndexedDB or `idb`: versioned schemas with upgrade functions (our v1 → v2
// migration), `blocked` / `versionchange` events for an upgrade while another pane holds the old version open, and
// `liveQuery`, which re-runs a query after any change to the tables it read — in this pane and in other tabs or
// panes of the same origin (BroadcastChannel) — so "changes show in both panes" needs no code of ours.
import Dexie, { liveQuery, type ObservabilitySet } from "dexie";
import { toLibraryError } from "./errors";
import type { StorageManagerLike } from "./eviction";
import { LibraryBase, sumStoredBytes, type LibraryDependencies, type PictureRows, type Usage } from "./LibraryBase";
import type { ImageRow, PictureRow, ThumbnailRow } from "./rows";
import type { LibraryDatabase } from "./schema";

/** Images read per batch by `verify` (each may be several MB). */
const VERIFY_BATCH = 20;

/**
 * Resolves when the page is next idle (`requestIdleCallback`, at the latest after 1 s; at once where it is missing,
 * as in Node), so the background check of every picture gives way to what the person does (opening History).
 */
const idleMoment = () =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(() => resolve(), { timeout: 1000 });
    else resolve();
  });

/** A {@link PictureLibrary} over one open {@link LibraryDatabase}. Open it with {@link openPictureLibrary}. */
export class DexieLibrary extends LibraryBase {
  readonly persistent = true;
  /**
   * Every `pictures` row, read once and kept until a change: a search filters these in memory rather than read
   * 1,000 rows from IndexedDB each time (bench/results/library.json). Dropped on every write of ours and on Dexie's
   * `storagemutated` event, which also carries the writes of other panes of the origin (BroadcastChannel).
   */
  private rowsCache?: Promise<unknown[]>;
  private readonly onStorageMutated = (parts: ObservabilitySet) => {
    const prefix = `idb://${this.db.name}/pictures/`;
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) this.rowsCache = undefined;
  };

  constructor(
    private readonly db: LibraryDatabase,
    deps: LibraryDependencies,
    private readonly storage: StorageManagerLike | undefined,
  ) {
    super(deps);
    Dexie.on("storagemutated", this.onStorageMutated);
  }

  /** The IndexedDB database name (derived from the account, never the raw email). */
  get databaseName(): string {
    return this.db.name;
  }

  close(): void {
    Dexie.on.storagemutated.unsubscribe(this.onStorageMutated);
    this.rowsCache = undefined;
    this.db.close();
  }

  protected readRows(): Promise<unknown[]> {
    const rows = (this.rowsCache ??= guard("read the pictures", () => this.db.pictures.toArray()));
    rows.catch(() => {
      if (this.rowsCache === rows) this.rowsCache = undefined; // do not keep a failure
    });
    return rows;
  }

  protected readRow(id: string): Promise<unknown | undefined> {
    return guard("read a picture", () => this.db.pictures.get(id));
  }

  protected readThumbnails(ids: string[]): Promise<(ThumbnailRow | undefined)[]> {
    return guard("read the thumbnails", () => this.db.thumbnails.bulkGet(ids));
  }

  protected readImage(id: string): Promise<ImageRow | undefined> {
    return guard("read a picture", () => this.db.images.get(id));
  }

  protected eachImage(visit: (image: ImageRow) => void): Promise<void> {
    return guard("check the pictures", async () => {
      const ids = await this.db.images.toCollection().primaryKeys();
      for (let start = 0; start < ids.length; start += VERIFY_BATCH) {
        await idleMoment();
        for (const image of await this.db.images.bulkGet(ids.slice(start, start + VERIFY_BATCH))) if (image) visit(image);
      }
    });
  }

  protected write(rows: PictureRows): Promise<void> {
    const { db } = this;
    return this.mutate("save the picture", () =>
      db.transaction("rw", db.pictures, db.images, db.thumbnails, async () => {
        await db.images.put(rows.image);
        if (rows.thumbnail) await db.thumbnails.put(rows.thumbnail);
        await db.pictures.put(rows.row);
      }),
    );
  }

  protected writeThumbnail(row: ThumbnailRow): Promise<boolean> {
    const { db } = this;
    return this.mutate("save the thumbnail", () =>
      db.transaction("rw", db.pictures, db.thumbnails, async () => {
        const picture = await db.pictures.get(row.id);
        if (!picture) return false;
        await db.thumbnails.put(row);
        await db.pictures.update(row.id, { thumbnailBytes: row.thumbnail.bytes.length });
        return true;
      }),
    );
  }

  protected update(id: string, change: (row: PictureRow) => void): Promise<boolean> {
    const { db } = this;
    return this.mutate("update the picture", () =>
      db.transaction("rw", db.pictures, async () => {
        const row = await db.pictures.get(id);
        if (!row) return false;
        change(row);
        await db.pictures.put(row);
        return true;
      }),
    );
  }

  protected remove(ids: string[], keepCopies: boolean): Promise<PictureRows[]> {
    const { db } = this;
    return this.mutate("delete the picture", () =>
      db.transaction("rw", db.pictures, db.images, db.thumbnails, async () => {
        const rows = await db.pictures.bulkGet(ids);
        const images = keepCopies ? await db.images.bulkGet(ids) : [];
        const thumbnails = keepCopies ? await db.thumbnails.bulkGet(ids) : [];
        await Promise.all([db.pictures.bulkDelete(ids), db.images.bulkDelete(ids), db.thumbnails.bulkDelete(ids)]);
        const removed: PictureRows[] = [];
        rows.forEach((row, index) => {
          if (!row) return; // already gone: another pane deleted it
          const image = images[index] ?? { id: row.id, bytes: new Uint8Array() };
          const thumbnail = thumbnails[index];
          removed.push({ row, image, ...(thumbnail ? { thumbnail } : {}) });
        });
        return removed;
      }),
    );
  }

  protected clear(): Promise<number> {
    const { db } = this;
    return this.mutate("delete the pictures", () =>
      db.transaction("rw", db.pictures, db.images, db.thumbnails, async () => {
        const count = await db.pictures.count();
        await Promise.all([db.pictures.clear(), db.images.clear(), db.thumbnails.clear()]);
        return count;
      }),
    );
  }

  /** {@link guard} for a write: the row cache is dropped whatever the outcome. */
  private async mutate<T>(doing: string, operation: () => PromiseLike<T>): Promise<T> {
    try {
      return await guard(doing, operation);
    } finally {
      this.rowsCache = undefined;
    }
  }

  protected async usage(): Promise<Usage> {
    const estimate = await this.storage?.estimate?.().catch(() => undefined);
    if (estimate && typeof estimate.usage === "number") return { usageBytes: estimate.usage, quotaBytes: estimate.quota };
    return { usageBytes: sumStoredBytes(await this.readRows()) };
  }

  protected observe<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (error: unknown) => void): () => void {
    // liveQuery re-runs only for what its querier read through Dexie: read the rows here (not from the cache).
    const observed = async () => {
      const rows = this.db.pictures.toArray();
      this.rowsCache = rows;
      await rows;
      return query();
    };
    const subscription = liveQuery(observed).subscribe({ next: onValue, error: onError });
    return () => subscription.unsubscribe();
  }
}

/** Runs an IndexedDB operation, turning its failures into the library's typed errors. */
async function guard<T>(doing: string, operation: () => PromiseLike<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toLibraryError(error, doing);
  }
}
