// Pure eviction planning: which oldest unpinned pictures must go so that a new one fits the storage budget.
import { pictureRowProblem, storedBytes, type PictureRow } from "./rows";

/** Share of the origin quota the library leaves free (other data of the origin, the browser's rounding). */
export const QUOTA_HEADROOM = 0.1;

/** `navigator.storage.estimate()` and `persist()`/`persisted()`, injectable (all optional, as browsers differ). */
export interface StorageManagerLike {
  estimate?(): Promise<{ usage?: number; quota?: number }>;
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
}

/** The budget in bytes: quota minus headroom, capped at `maxBytes`; Infinity when neither is known. */
export function budgetBytes(quota: number | undefined, maxBytes: number | undefined): number {
  const fromQuota = quota === undefined ? Infinity : Math.floor(quota * (1 - QUOTA_HEADROOM));
  return Math.min(fromQuota, maxBytes ?? Infinity);
}

/** The rows to delete, oldest unpinned first, until `neededBytes` are freed (or none are left). */
export function chooseVictims(rows: readonly unknown[], neededBytes: number): { victims: PictureRow[]; freedBytes: number } {
  const victims: PictureRow[] = [];
  let freedBytes = 0;
  if (neededBytes <= 0) return { victims, freedBytes };
  const candidates = rows.filter((row): row is PictureRow => !pictureRowProblem(row) && (row as PictureRow).pinned !== 1);
  candidates.sort((a, b) => a.created - b.created);
  for (const row of candidates) {
    if (freedBytes >= neededBytes) break;
    victims.push(row);
    freedBytes += storedBytes(row);
  }
  return { victims, freedBytes };
}
