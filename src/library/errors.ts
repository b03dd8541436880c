// Typed errors of the picture library: quota, unavailable storage, corrupt records, missing pictures.

/** Base of every error the picture library throws; `instanceof LibraryError` catches them all. */
export class LibraryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Saving did not fit: IndexedDB answered `QuotaExceededError` (origin quota reached, or quota 0 in private mode).
 * Nothing was written; the caller still holds the picture and must say it was not saved.
 */
export class LibraryQuotaError extends LibraryError {}

/**
 * The store cannot be used: IndexedDB is missing or refused to open, the database was closed because a newer
 * pane upgraded it (`versionchange`), or a transaction failed for another reason. Nothing was written.
 */
export class LibraryUnavailableError extends LibraryError {}

/** A stored record whose bytes fail the image checks (or whose fields are malformed). */
export class LibraryCorruptRecordError extends LibraryError {
  constructor(
    readonly id: string,
    readonly reason: string,
  ) {
    super(`Stored picture ${id} is damaged: ${reason}`);
  }
}

/** True if `error` (or its `inner`/`cause`, as Dexie wraps them) is the DOM `QuotaExceededError`. */
export function isQuotaExceeded(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth += 1) {
    const { name, inner, cause } = e as { name?: string; inner?: unknown; cause?: unknown };
    if (name === "QuotaExceededError") return true;
    e = inner ?? cause;
  }
  return false;
}

/** Wraps a failure of IndexedDB into {@link LibraryQuotaError} or {@link LibraryUnavailableError}. */
export function toLibraryError(error: unknown, doing: string): LibraryError {
  if (error instanceof LibraryError) return error;
  if (isQuotaExceeded(error)) return new LibraryQuotaError(`Not enough storage to ${doing}`, { cause: error });
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new LibraryUnavailableError(`The picture library could not ${doing} (${detail})`, { cause: error });
}

/** The picture handed to `add` fails the image checks (or has no prompt): nothing was written. */
export class LibraryInvalidPictureError extends LibraryError {}
