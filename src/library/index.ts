// The picture library's public API: open a store per account, its types and errors, the browser thumbnailer.
export { openPictureLibrary, type OpenLibraryOptions, type OpenedLibrary } from "./openPictureLibrary";
export { libraryDatabaseName, SIGNED_OUT_DATABASE, DATABASE_PREFIX, type LibraryAccount } from "./accountPartition";
export { DexieLibrary } from "./DexieLibrary";
export { MemoryLibrary, DEFAULT_MEMORY_MAX_BYTES } from "./MemoryLibrary";
export { DEFAULT_UNDO_WINDOW_MS, type LibraryDependencies } from "./LibraryBase";
export { createCanvasThumbnailer, type CanvasThumbnailOptions } from "./canvasThumbnail";
export { QUOTA_HEADROOM, type StorageManagerLike } from "./eviction";
export { foldForSearch } from "./searchText";
export { CURRENT_VERSION } from "./schema";
export { LibraryError, LibraryQuotaError, LibraryUnavailableError, LibraryCorruptRecordError, LibraryInvalidPictureError } from "./errors";
export * from "./types";
