// The library's behaviour once (list, search, get with checks, add, pin, inserts, delete + undo, eviction), over
// a handful of storage primitives that the IndexedDB store and the in-memory store each implement.
import type { PictureData } from "../core/types";
import { LibraryCorruptRecordError, LibraryInvalidPictureError } from "./errors";
import { budgetBytes, chooseVictims } from "./eviction";
import { pictureRowProblem, storedBytes, thumbnailRowProblem, toSummary, type ImageRow, type PictureRow, type ThumbnailRow } from "./rows";
import { foldForSearch } from "./searchText";
import { selectPage } from "./selectPage";
import {
  MAX_INSERTIONS_KEPT,
  type DeletedPicture,
  type EvictionPlan,
  type ImageBytesCodec,
  type InsertionPlace,
  type ListQuery,
  type MakeThumbnail,
  type NewPicture,
  type NotPersistentReason,
  type PicturePage,
  type PictureLibrary,
  type PictureSummary,
  type SkippedRecord,
  type StoredPicture,
} from "./types";

/** How long a deleted picture can be put back, by default (milliseconds). */
export const DEFAULT_UNDO_WINDOW_MS = 8_000;

/** What every store needs, injected. */
export interface LibraryDependencies {
  codec: ImageBytesCodec;
  makeThumbnail: MakeThumbnail;
  /** Milliseconds since the epoch. @default Date.now */
  now?: () => number;
  /** @default crypto.randomUUID */
  newId?: () => string;
  /** @default {@link DEFAULT_UNDO_WINDOW_MS} */
  undoWindowMs?: number;
  /** A cap below the origin quota, in bytes (eviction plans against the smaller). */
  maxBytes?: number;
}

/** All rows of one picture, as written and deleted together. */
export interface PictureRows {
  row: PictureRow;
  image: ImageRow;
  thumbnail?: ThumbnailRow;
}

/** Storage usage as the store sees it. */
export interface Usage {
  usageBytes: number;
  quotaBytes?: number;
}

/** The behaviour of {@link PictureLibrary} over storage primitives. */
export abstract class LibraryBase implements PictureLibrary {
  abstract readonly persistent: boolean;
  readonly notPersistentReason?: NotPersistentReason;
  storagePersisted?: boolean;
  protected readonly now: () => number;
  private readonly newId: () => string;
  private readonly undoWindowMs: number;
  /** Ids whose image bytes failed the checks (id → reason), found by {@link get} or {@link verify}. */
  private readonly corrupt = new Map<string, string>();
  /** Thumbnails being made after their picture was saved. */
  private readonly pendingThumbnails = new Set<Promise<void>>();
  /** Ids whose thumbnail is being made. */
  private readonly pendingIds = new Set<string>();
  /** Re-runs of every {@link watch}'s query, for changes IndexedDB does not see (a record found damaged). */
  private readonly watchers = new Set<() => void>();

  constructor(protected readonly deps: LibraryDependencies) {
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
    this.undoWindowMs = deps.undoWindowMs ?? DEFAULT_UNDO_WINDOW_MS;
  }

  /** Every row of the `pictures` table, as stored (may hold damaged values). */
  protected abstract readRows(): Promise<unknown[]>;
  protected abstract readRow(id: string): Promise<unknown | undefined>;
  protected abstract readThumbnails(ids: string[]): Promise<(ThumbnailRow | undefined)[]>;
  protected abstract readImage(id: string): Promise<ImageRow | undefined>;
  /** Every image row, in batches (for {@link verify}). */
  protected abstract eachImage(visit: (image: ImageRow) => void): Promise<void>;
  protected abstract write(rows: PictureRows): Promise<void>;
  /** Stores the thumbnail of a saved picture. @returns false when the picture is gone (deleted meanwhile). */
  protected abstract writeThumbnail(row: ThumbnailRow): Promise<boolean>;
  /** Changes one row atomically. @returns false when the row is missing. */
  protected abstract update(id: string, change: (row: PictureRow) => void): Promise<boolean>;
  /** Deletes the pictures and returns the rows that were there (missing ids are skipped, not errors). */
  protected abstract remove(ids: string[], keepCopies: boolean): Promise<PictureRows[]>;
  protected abstract clear(): Promise<number>;
  protected abstract usage(): Promise<Usage>;
  /** Runs `query` now and after each change, calling back with its result. @returns unsubscribe. */
  protected abstract observe<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (error: unknown) => void): () => void;
  abstract close(): void;

  async add(picture: NewPicture): Promise<PictureSummary> {
    const rows = this.makeRows(picture);
    await this.write(rows);
    this.thumbnailLater(rows.row, rows.image.bytes);
    return toSummary(rows.row, undefined);
  }

  /** Resolves when every thumbnail started by {@link add} is written (or given up). */
  async settled(): Promise<void> {
    while (this.pendingThumbnails.size) await Promise.all([...this.pendingThumbnails]);
  }

  async list(query: ListQuery = {}): Promise<PicturePage> {
    const selected = selectPage(await this.readRows(), query, this.corrupt);
    const thumbnails = await this.readThumbnails(selected.rows.map((row) => row.id));
    const items = selected.rows.map((row, index) => {
      const thumbnail = thumbnails[index];
      return toSummary(row, thumbnailRowProblem(thumbnail) ? undefined : thumbnail?.thumbnail);
    });
    return { items, total: selected.total, skipped: selected.skipped };
  }

  async get(id: string): Promise<StoredPicture | undefined> {
    const value = await this.readRow(id);
    if (value === undefined) return undefined;
    const problem = pictureRowProblem(value);
    if (problem) throw new LibraryCorruptRecordError(id, problem);
    const row = value as PictureRow;
    const [imageRow, [thumbnail]] = await Promise.all([this.readImage(id), this.readThumbnails([id])]);
    if (!imageRow) return undefined; // deleted between the two reads (another pane)
    const image = this.checkStored(row, imageRow, true);
    return { ...toSummary(row, thumbnailRowProblem(thumbnail) ? undefined : thumbnail?.thumbnail), image };
  }

  setPinned(id: string, pinned: boolean): Promise<boolean> {
    return this.update(id, (row) => {
      row.pinned = pinned ? 1 : 0;
    });
  }

  markInserted(id: string, place: InsertionPlace = {}): Promise<boolean> {
    const at = this.now();
    return this.update(id, (row) => {
      row.insertedCount += 1;
      row.insertions = [...row.insertions, { ...place, at }].slice(-MAX_INSERTIONS_KEPT);
      if (place.documentId !== undefined && !row.documentIds.includes(place.documentId)) row.documentIds = [...row.documentIds, place.documentId];
    });
  }

  async delete(id: string): Promise<DeletedPicture | undefined> {
    const [copy] = await this.remove([id], true);
    this.corrupt.delete(id);
    if (!copy) return undefined;
    const deletedAt = this.now();
    return {
      id,
      deletedAt,
      undo: async () => {
        if (this.now() - deletedAt > this.undoWindowMs) return false;
        await this.write(copy);
        return true;
      },
    };
  }

  async deleteAll(): Promise<number> {
    this.corrupt.clear();
    return this.clear();
  }

  async planEviction(incomingBytes: number): Promise<EvictionPlan> {
    const [rows, usage] = await Promise.all([this.readRows(), this.usage()]);
    const budget = budgetBytes(usage.quotaBytes, this.deps.maxBytes);
    const neededBytes = Math.max(0, usage.usageBytes + incomingBytes - budget);
    const { victims, freedBytes } = chooseVictims(rows, neededBytes);
    return {
      usageBytes: usage.usageBytes,
      budgetBytes: budget,
      neededBytes,
      victims: victims.map((row) => toSummary(row, undefined)),
      freedBytes,
      enough: freedBytes >= neededBytes,
    };
  }

  async evict(plan: EvictionPlan): Promise<number> {
    const pinnedNow = new Set((await this.readRows()).filter((row) => (row as PictureRow).pinned === 1).map((row) => (row as PictureRow).id));
    const ids = plan.victims.map((victim) => victim.id).filter((id) => !pinnedNow.has(id));
    return (await this.remove(ids, false)).length;
  }

  async verify(): Promise<SkippedRecord[]> {
    const rows = new Map((await this.readRows()).map((row) => [(row as PictureRow | null)?.id, row as PictureRow]));
    const found: SkippedRecord[] = [];
    await this.eachImage((image) => {
      const row = rows.get(image.id);
      if (!row) return;
      try {
        this.checkStored(row, image, false);
      } catch (error) {
        if (error instanceof LibraryCorruptRecordError) found.push({ id: error.id, reason: error.reason });
        else throw error;
        return;
      }
      // A pane closed before the thumbnail of its last picture was stored: make it now.
      if (!row.thumbnailBytes && !this.pendingIds.has(row.id)) this.thumbnailLater(row, image.bytes);
    });
    return found;
  }

  watch(query: ListQuery, onPage: (page: PicturePage) => void, onError: (error: unknown) => void = () => undefined): () => void {
    let live = true;
    // Each read is numbered when it starts; a page is shown only if no later-started read was shown already, so a
    // slow read from before a record was found damaged cannot overwrite the re-read that leaves it out.
    let started = 0;
    let shown = 0;
    const read = () => {
      const seq = ++started;
      return this.list(query).then((page) => ({ seq, page }));
    };
    const show = ({ seq, page }: { seq: number; page: PicturePage }) => {
      if (!live || seq < shown) return;
      shown = seq;
      onPage(page);
    };
    const rerun = () => {
      void read().then(show, (error: unknown) => live && onError(error));
    };
    const stop = this.observe(read, show, onError);
    this.watchers.add(rerun);
    return () => {
      live = false;
      this.watchers.delete(rerun);
      stop();
    };
  }

  /**
   * Checks the stored bytes against the image checks and the row; a failure is remembered (list skips the record
   * from then on, watchers are told) and thrown. With `asPicture`, also returns them as {@link PictureData}.
   */
  private checkStored(row: PictureRow, imageRow: ImageRow, asPicture: true): PictureData;
  private checkStored(row: PictureRow, imageRow: ImageRow, asPicture: false): void;
  private checkStored(row: PictureRow, imageRow: ImageRow, asPicture: boolean): PictureData | void {
    const fail = (reason: string) => {
      const known = this.corrupt.has(row.id);
      this.corrupt.set(row.id, reason);
      if (!known) this.corruptFound();
      return new LibraryCorruptRecordError(row.id, reason);
    };
    if (!(imageRow.bytes instanceof Uint8Array) || imageRow.bytes.length === 0) throw fail("the image has no bytes");
    const { codec } = this.deps;
    let checked: Omit<PictureData, "base64">;
    let base64: string | undefined;
    try {
      if (codec.checkBytes) checked = codec.checkBytes(imageRow.bytes);
      else checked = codec.check((base64 = codec.encode(imageRow.bytes)));
    } catch (error) {
      throw fail(error instanceof Error ? error.message : String(error));
    }
    if (checked.mimeType !== row.mimeType || checked.size.widthPx !== row.widthPx || checked.size.heightPx !== row.heightPx) {
      throw fail(
        `the image is ${checked.mimeType} ${checked.size.widthPx}×${checked.size.heightPx} px, the record says ${row.mimeType} ${row.widthPx}×${row.heightPx} px`,
      );
    }
    if (asPicture) return { base64: base64 ?? codec.encode(imageRow.bytes), mimeType: checked.mimeType, size: checked.size };
  }

  /** Re-runs the lists of this store's watchers: a record found damaged leaves them (no IndexedDB change says so). */
  private corruptFound(): void {
    queueMicrotask(() => {
      for (const rerun of this.watchers) rerun();
    });
  }

  /**
   * The rows of a new picture. Its bytes are the ones the checks decoded (`codec.bytesOf`), else decoded here once
   * (strict base64); type and pixel size are the ones the
   * ImageClient's checks found (`PictureData` is validated by contract). The full checks run again on every
   * {@link get} and {@link verify}, where damage on disk would show.
   */
  private makeRows(picture: NewPicture): PictureRows {
    if (typeof picture.prompt !== "string") throw new LibraryInvalidPictureError("A picture needs its prompt");
    const { image } = picture;
    let bytes: Uint8Array;
    try {
      if (!(image.size.widthPx > 0 && image.size.heightPx > 0)) throw new Error("no pixel size");
      if (image.mimeType !== "image/png" && image.mimeType !== "image/jpeg") throw new Error(`unsupported type ${String(image.mimeType)}`);
      bytes = this.deps.codec.bytesOf ? this.deps.codec.bytesOf(image) : this.deps.codec.decode(image.base64);
      if (bytes.length === 0) throw new Error("no bytes");
    } catch (error) {
      throw new LibraryInvalidPictureError(`Not saved: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const id = picture.id ?? this.newId();
    const row: PictureRow = {
      id,
      created: picture.created ?? this.now(),
      prompt: picture.prompt,
      ...(picture.revisedPrompt !== undefined ? { revisedPrompt: picture.revisedPrompt } : {}),
      searchText: searchTextOf(picture.prompt, picture.revisedPrompt),
      style: picture.style,
      ...(picture.aspect !== undefined ? { aspect: picture.aspect } : {}),
      backend: picture.backend,
      mimeType: image.mimeType,
      widthPx: image.size.widthPx,
      heightPx: image.size.heightPx,
      byteLength: bytes.length,
      thumbnailBytes: 0,
      pinned: 0,
      insertedCount: 0,
      insertions: [],
      documentIds: [],
    };
    return { row, image: { id, bytes } };
  }

  /**
   * Makes and stores the thumbnail after the picture is safe, so saving does not wait for the canvas. A failure
   * (no canvas, storage full) leaves the picture without a thumbnail: never an error, never a lost picture.
   */
  private thumbnailLater(row: PictureRow, bytes: Uint8Array): void {
    const work = (async () => {
      try {
        const thumbnail = await this.deps.makeThumbnail({ bytes, mimeType: row.mimeType, size: { widthPx: row.widthPx, heightPx: row.heightPx } });
        await this.writeThumbnail({ id: row.id, thumbnail });
      } catch {
        // no preview: the list shows a placeholder; the picture itself is saved
      }
    })();
    this.pendingThumbnails.add(work);
    this.pendingIds.add(row.id);
    void work.finally(() => {
      this.pendingThumbnails.delete(work);
      this.pendingIds.delete(row.id);
    });
  }
}

/** The folded text a search looks in: the prompt and the revised prompt. */
export function searchTextOf(prompt: string, revisedPrompt?: string): string {
  return foldForSearch(revisedPrompt ? `${prompt}\n${revisedPrompt}` : prompt);
}

/** Sum of what the rows hold (for stores that cannot ask the browser). */
export function sumStoredBytes(rows: readonly unknown[]): number {
  return rows.reduce<number>((sum, row) => sum + (typeof (row as PictureRow).byteLength === "number" ? storedBytes(row as PictureRow) : 0), 0);
}
