// The picture library in memory: the fallback when IndexedDB is missing, refuses to open or has no quota.
// Same interface and behaviour as the IndexedDB store, but `persistent: false`: pictures go with the pane.
import { LibraryBase, sumStoredBytes, type LibraryDependencies, type PictureRows, type Usage } from "./LibraryBase";
import type { ImageRow, PictureRow, ThumbnailRow } from "./rows";
import type { NotPersistentReason } from "./types";

/** The memory store's own cap when none is given (bytes): memory is not a disk. */
export const DEFAULT_MEMORY_MAX_BYTES = 256 * 1024 * 1024;

/** A {@link PictureLibrary} held in this pane's memory. */
export class MemoryLibrary extends LibraryBase {
  readonly persistent = false;
  override readonly notPersistentReason?: NotPersistentReason;
  private readonly pictures = new Map<string, PictureRows>();
  private readonly listeners = new Set<() => void>();

  constructor(deps: LibraryDependencies, reason?: NotPersistentReason) {
    super({ ...deps, maxBytes: deps.maxBytes ?? DEFAULT_MEMORY_MAX_BYTES });
    this.notPersistentReason = reason;
  }

  close(): void {
    this.listeners.clear();
  }

  protected async readRows(): Promise<unknown[]> {
    return [...this.pictures.values()].map((rows) => structuredClone(rows.row));
  }

  protected async readRow(id: string): Promise<unknown | undefined> {
    const rows = this.pictures.get(id);
    return rows && structuredClone(rows.row);
  }

  protected async readThumbnails(ids: string[]): Promise<(ThumbnailRow | undefined)[]> {
    return ids.map((id) => this.pictures.get(id)?.thumbnail);
  }

  protected async readImage(id: string): Promise<ImageRow | undefined> {
    return this.pictures.get(id)?.image;
  }

  protected async eachImage(visit: (image: ImageRow) => void): Promise<void> {
    for (const rows of [...this.pictures.values()]) visit(rows.image);
  }

  protected async write(rows: PictureRows): Promise<void> {
    this.pictures.set(rows.row.id, structuredClone(rows));
    this.changed();
  }

  protected async writeThumbnail(row: ThumbnailRow): Promise<boolean> {
    const rows = this.pictures.get(row.id);
    if (!rows) return false;
    rows.thumbnail = row;
    rows.row.thumbnailBytes = row.thumbnail.bytes.length;
    this.changed();
    return true;
  }

  protected async update(id: string, change: (row: PictureRow) => void): Promise<boolean> {
    const rows = this.pictures.get(id);
    if (!rows) return false;
    change(rows.row);
    this.changed();
    return true;
  }

  protected async remove(ids: string[]): Promise<PictureRows[]> {
    const removed = ids.flatMap((id) => {
      const rows = this.pictures.get(id);
      this.pictures.delete(id);
      return rows ? [rows] : [];
    });
    if (removed.length) this.changed();
    return removed;
  }

  protected async clear(): Promise<number> {
    const count = this.pictures.size;
    this.pictures.clear();
    this.changed();
    return count;
  }

  protected async usage(): Promise<Usage> {
    return { usageBytes: sumStoredBytes(await this.readRows()) };
  }

  protected observe<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (error: unknown) => void): () => void {
    let active = true;
    const run = () =>
      void query().then(
        (value) => active && onValue(value),
        (error: unknown) => active && onError(error),
      );
    this.listeners.add(run);
    run();
    return () => {
      active = false;
      this.listeners.delete(run);
    };
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
