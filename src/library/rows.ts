// The stored rows of the library (schema v2) and the checks that tell a sound row from a damaged one.
import type { AspectRatio, BackendInfo, ImageMimeType, PixelSize } from "../core/types";
import type { Insertion, PictureSummary, Thumbnail } from "./types";

/** A row of the `pictures` table: everything but the bytes (small, so a search can read all of them). */
export interface PictureRow {
  id: string;
  created: number;
  prompt: string;
  revisedPrompt?: string;
  /** {@link foldForSearch} of prompt + revised prompt, computed on write (v2). */
  searchText: string;
  style: string;
  aspect?: AspectRatio;
  backend: BackendInfo;
  mimeType: ImageMimeType;
  widthPx: number;
  heightPx: number;
  byteLength: number;
  thumbnailBytes: number;
  /** 0 | 1: IndexedDB cannot index booleans. */
  pinned: 0 | 1;
  insertedCount: number;
  insertions: Insertion[];
  /** Distinct `documentId`s of `insertions` (multi-entry index). */
  documentIds: string[];
}

/** A row of the `images` table: the bytes as received (after the checks). */
export interface ImageRow {
  id: string;
  bytes: Uint8Array;
}

/** A row of the `thumbnails` table. */
export interface ThumbnailRow {
  id: string;
  thumbnail: Thumbnail;
}

const MIME_TYPES: readonly string[] = ["image/png", "image/jpeg"];

/** Why `value` is not a sound {@link PictureRow}, or undefined when it is. */
export function pictureRowProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return "not an object";
  const row = value as Partial<PictureRow>;
  if (typeof row.id !== "string" || !row.id) return "no id";
  if (typeof row.created !== "number" || !Number.isFinite(row.created)) return "no creation time";
  if (typeof row.prompt !== "string") return "no prompt";
  if (typeof row.searchText !== "string") return "no search text";
  if (!MIME_TYPES.includes(row.mimeType as string)) return `unknown image type ${String(row.mimeType)}`;
  if (!(Number(row.widthPx) > 0 && Number(row.heightPx) > 0)) return "no pixel size";
  if (typeof row.backend !== "object" || row.backend === null || typeof row.backend.model !== "string") return "no backend";
  if (!Array.isArray(row.insertions) || !Array.isArray(row.documentIds)) return "no insert list";
  return undefined;
}

/** Why `value` is not a usable thumbnail row, or undefined. */
export function thumbnailRowProblem(value: ThumbnailRow | undefined): string | undefined {
  if (value === undefined) return undefined;
  const bytes = value.thumbnail?.bytes;
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return "thumbnail has no bytes";
  return undefined;
}

/** The summary the API returns for a row and its thumbnail. */
export function toSummary(row: PictureRow, thumbnail: Thumbnail | undefined): PictureSummary {
  return {
    id: row.id,
    created: row.created,
    prompt: row.prompt,
    ...(row.revisedPrompt !== undefined ? { revisedPrompt: row.revisedPrompt } : {}),
    style: row.style,
    ...(row.aspect !== undefined ? { aspect: row.aspect } : {}),
    backend: { ...row.backend },
    mimeType: row.mimeType,
    size: { widthPx: row.widthPx, heightPx: row.heightPx } satisfies PixelSize,
    byteLength: row.byteLength,
    ...(thumbnail ? { thumbnail } : {}),
    pinned: row.pinned === 1,
    insertedCount: row.insertedCount,
    insertions: row.insertions.map((insertion) => ({ ...insertion })),
  };
}

/** Bytes one picture holds in storage (image + thumbnail; the metadata row is counted as 1 KiB). */
export function storedBytes(row: Pick<PictureRow, "byteLength" | "thumbnailBytes">): number {
  return row.byteLength + row.thumbnailBytes + 1024;
}
