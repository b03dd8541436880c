// Shapes of the picture library: stored records, what callers pass in and get back, the store interface.
import type { AspectRatio, BackendInfo, ImageMimeType, PictureData, PixelSize } from "../core/types";

/** Where one insert put the picture. All fields optional: the host says what it knows. */
export interface InsertionPlace {
  /** Stable id of the document (e.g. Office document URL or a per-document settings id). */
  documentId?: string;
  /** PowerPoint slide id (`Slide.id`), when inserted on a slide. */
  slideId?: string;
  /** Word section index (0-based), when known. */
  sectionIndex?: number;
}

/** One insert, as recorded. */
export interface Insertion extends InsertionPlace {
  /** Milliseconds since the epoch. */
  at: number;
}

/** A small preview of the picture, made in the pane (see {@link MakeThumbnail}). */
export interface Thumbnail {
  bytes: Uint8Array;
  mimeType: "image/jpeg" | "image/webp" | "image/png";
  size: PixelSize;
}

/**
 * Makes the thumbnail of a picture. Injected: in the browser {@link createCanvasThumbnailer} (createImageBitmap +
 * OffscreenCanvas); in tests a fake.
 * @throws anything: the picture is then saved without a thumbnail (never lost for want of a preview).
 */
export type MakeThumbnail = (image: { bytes: Uint8Array; mimeType: ImageMimeType; size: PixelSize }) => Promise<Thumbnail>;

/**
 * The image byte checks and base64 conversions, injected so this room imports nothing but `src/core`. The pane
 * passes the ImageClient's own checks (`validateImageBase64`, `base64ToBytes`, `bytesToBase64`), so there is one
 * home for the rule of what a valid picture is.
 */
export interface ImageBytesCodec {
  /** Checks raw base64 as a whole PNG/JPEG and reads its pixel size. @throws when the bytes are not a valid picture. */
  check(base64: string): PictureData;
  /**
   * The same checks on bytes (no base64 round trip): what `verify` runs over every stored picture.
   * @returns type and pixel size. @throws when the bytes are not a valid picture. @default check(encode(bytes))
   */
  checkBytes?(bytes: Uint8Array): Omit<PictureData, "base64">;
  /** Raw base64 → bytes. @throws on anything but raw base64. */
  decode(base64: string): Uint8Array;
  /**
   * The bytes of a checked picture without decoding again when the checks kept them (the pane passes
   * `pictureBytes` of `src/imaging/decodedBytes.ts`): saving a 4 MB picture then skips a base64 decode
   * (bench/results/library.json). The store does not change them. @default decode(picture.base64)
   */
  bytesOf?(picture: PictureData): Uint8Array;
  /** Bytes → raw base64 (no `data:` prefix). */
  encode(bytes: Uint8Array): string;
}

/** A picture to save: the validated image and how it was made. */
export interface NewPicture {
  /** Library id; a random UUID when absent. */
  id?: string;
  /** The validated image as received from the ImageClient. */
  image: PictureData;
  /** The person's prompt (without the style suffix). */
  prompt: string;
  /** Style preset id (`src/core/styles`). */
  style: string;
  /** The aspect ratio asked for. */
  aspect?: AspectRatio;
  /** Which backend and model made it. */
  backend: BackendInfo;
  /** `revised_prompt`, when the backend returned one. */
  revisedPrompt?: string;
  /** Milliseconds since the epoch; the store's clock when absent. */
  created?: number;
}

/** What a list shows of one picture: everything but the full image bytes. */
export interface PictureSummary {
  id: string;
  created: number;
  prompt: string;
  revisedPrompt?: string;
  style: string;
  aspect?: AspectRatio;
  backend: BackendInfo;
  mimeType: ImageMimeType;
  /** Pixel size of the stored image (as checked when saved). */
  size: PixelSize;
  /** Byte length of the stored image. */
  byteLength: number;
  /** Absent when the thumbnail maker failed: show a placeholder or load the full picture. */
  thumbnail?: Thumbnail;
  pinned: boolean;
  insertedCount: number;
  /** Most recent last, at most {@link MAX_INSERTIONS_KEPT}. */
  insertions: Insertion[];
}

/** A picture with its full bytes, checked again as it left the store. */
export interface StoredPicture extends PictureSummary {
  image: PictureData;
}

/** How many insert places a record keeps (the count keeps counting). */
export const MAX_INSERTIONS_KEPT = 20;

/** A page request: newest first; `search` and `documentId` narrow it. */
export interface ListQuery {
  /** Index of the first item of the page in the whole (filtered) list. @default 0 */
  offset?: number;
  /** Page size. @default 50 */
  limit?: number;
  /** Substring of the prompt (or revised prompt), case- and diacritics-insensitive. */
  search?: string;
  /** Only pictures inserted into this document. */
  documentId?: string;
}

/** A record that was skipped because it is damaged. */
export interface SkippedRecord {
  id: string;
  reason: string;
}

/** One page of the list. */
export interface PicturePage {
  items: PictureSummary[];
  /** How many pictures match the query in all (for a virtualized list's height). */
  total: number;
  /** Damaged records left out of the list (all of them, not only this page's). */
  skipped: SkippedRecord[];
}

/** What {@link PictureLibrary.planEviction} found: whether saving fits, and what would go to make it fit. */
export interface EvictionPlan {
  /** Bytes the origin uses now (`navigator.storage.estimate().usage`, or the library's own sum). */
  usageBytes: number;
  /** The budget: the smaller of the origin quota (minus headroom) and the configured `maxBytes`. */
  budgetBytes: number;
  /** Bytes that must be freed before `incomingBytes` fit (0 when they fit). */
  neededBytes: number;
  /** Oldest unpinned pictures first; empty when nothing needs to go. */
  victims: PictureSummary[];
  /** Bytes the victims hold. */
  freedBytes: number;
  /** False when even deleting every unpinned picture does not free enough (pinned ones are never planned). */
  enough: boolean;
}

/** A deleted picture that can still be put back. */
export interface DeletedPicture {
  id: string;
  /** Milliseconds since the epoch (the store's clock). */
  deletedAt: number;
  /**
   * Puts the picture back with the same id, if called within the undo window.
   * @returns false when the window has passed (the picture is gone for good).
   * @throws LibraryQuotaError / LibraryUnavailableError when writing fails.
   */
  undo(): Promise<boolean>;
}

/** Why a store is not persistent (the pane says pictures will not survive a reload). */
export type NotPersistentReason = "indexeddb-missing" | "open-failed" | "quota-zero";

/**
 * The picture library of one account (or of "not signed in"). Two implementations: {@link DexieLibrary}
 * (IndexedDB, `persistent: true`) and {@link MemoryLibrary} (`persistent: false`). Every method may throw
 * {@link LibraryUnavailableError}; writes may throw {@link LibraryQuotaError}.
 */
export interface PictureLibrary {
  /** True when pictures survive a reload (IndexedDB); false for the in-memory fallback. */
  readonly persistent: boolean;
  /** Why not persistent, when `persistent` is false. */
  readonly notPersistentReason?: NotPersistentReason;
  /** Whether the browser granted persistent storage (`navigator.storage.persist()`); undefined if not asked. */
  readonly storagePersisted?: boolean;
  /**
   * Saves a picture (metadata and bytes in one transaction) and then makes its thumbnail in the background
   * (watchers see it arrive; {@link settled} waits for it).
   * @param picture `image` must be a validated ImageClient result (type and pixel size are taken as checked).
   * @returns the saved record (without full bytes; no thumbnail yet).
   * @throws LibraryInvalidPictureError (not base64, no size), LibraryQuotaError, LibraryUnavailableError.
   */
  add(picture: NewPicture): Promise<PictureSummary>;
  /** Resolves when the thumbnails started by `add` are stored (or given up). */
  settled(): Promise<void>;
  /** Newest first, filtered and paged. Damaged records are left out and listed in `skipped`. */
  list(query?: ListQuery): Promise<PicturePage>;
  /**
   * The picture with its bytes, checked again with the image checks.
   * @returns undefined when no such picture (e.g. deleted in another pane).
   * @throws LibraryCorruptRecordError when the stored bytes fail the checks (the record is then skipped by list).
   */
  get(id: string): Promise<StoredPicture | undefined>;
  /** @returns false when no such picture. */
  setPinned(id: string, pinned: boolean): Promise<boolean>;
  /** Counts one insert and remembers where. @returns false when no such picture. */
  markInserted(id: string, place?: InsertionPlace): Promise<boolean>;
  /**
   * Deletes a picture, keeping a copy in memory for the undo window.
   * @returns undefined when it was already gone (another pane deleted it: not an error).
   */
  delete(id: string): Promise<DeletedPicture | undefined>;
  /** Deletes every picture of this account's library. No undo: confirm first. @returns how many were deleted. */
  deleteAll(): Promise<number>;
  /** What would have to go so that `incomingBytes` more fit. Deletes nothing: show it, then {@link evict}. */
  planEviction(incomingBytes: number): Promise<EvictionPlan>;
  /** Deletes the victims of a plan (skipping any pinned since). @returns how many were deleted. */
  evict(plan: EvictionPlan): Promise<number>;
  /**
   * Checks the bytes of every stored picture; damaged ones are reported here and skipped by list from then on.
   * Also makes the thumbnails missing because a pane closed before storing one (see {@link settled}).
   * Run it after first paint: it reads every image.
   */
  verify(): Promise<SkippedRecord[]>;
  /**
   * Calls `onPage` with the page now and after every change — in this pane or any other pane of the same origin
   * on the same account (Dexie `liveQuery`). @returns unsubscribe.
   */
  watch(query: ListQuery, onPage: (page: PicturePage) => void, onError?: (error: unknown) => void): () => void;
  /** Closes the database (a no-op for memory). */
  close(): void;
}
