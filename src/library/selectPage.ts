// Pure selection of one page of rows: skip damaged ones, filter by document and prompt text, newest first, slice.
import { pictureRowProblem, type PictureRow } from "./rows";
import { foldForSearch } from "./searchText";
import type { ListQuery, SkippedRecord } from "./types";

/** Default page size of {@link ListQuery.limit}. */
export const DEFAULT_PAGE_SIZE = 50;

/** The rows of one page, the total that match and the damaged rows left out. */
export interface SelectedRows {
  rows: PictureRow[];
  total: number;
  skipped: SkippedRecord[];
}

/**
 * Selects one page of `rows` (any order; sorted newest first here).
 * @param rows Every stored row, as read (may hold damaged values).
 * @param corrupt Ids found damaged by the byte checks (id → reason): left out as well.
 */
export function selectPage(rows: readonly unknown[], query: ListQuery, corrupt: ReadonlyMap<string, string>): SelectedRows {
  const skipped: SkippedRecord[] = [];
  const needle = query.search ? foldForSearch(query.search.trim()) : "";
  const matching: PictureRow[] = [];
  for (const value of rows) {
    const problem = pictureRowProblem(value);
    const id = (value as { id?: unknown } | null)?.id;
    if (problem) {
      skipped.push({ id: typeof id === "string" ? id : "(no id)", reason: problem });
      continue;
    }
    const row = value as PictureRow;
    const damaged = corrupt.get(row.id);
    if (damaged) {
      skipped.push({ id: row.id, reason: damaged });
      continue;
    }
    if (query.documentId !== undefined && !row.documentIds.includes(query.documentId)) continue;
    if (needle && !row.searchText.includes(needle)) continue;
    matching.push(row);
  }
  matching.sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.max(0, query.limit ?? DEFAULT_PAGE_SIZE);
  return { rows: matching.slice(offset, offset + limit), total: matching.length, skipped };
}
