// Maps Office errors (Office.js `OfficeExtension.Error` codes and Common API `Office.Error` numbers) to HostError.
import { HostError, type HostErrorCode } from "../errors";

/** Error codes of the application-specific APIs (`OfficeExtension.ErrorCodes`, `Word.ErrorCodes`). */
const BY_NAME: Record<string, HostErrorCode> = {
  // Protected documents and permission: office-js #6907, Word.ErrorCodes.accessDenied / notAllowed.
  AccessDenied: "read_only",
  NotAllowed: "read_only",
  ApiNotFound: "unsupported",
  NotImplemented: "unsupported",
  ItemNotFound: "picture_gone",
  InvalidObjectPath: "picture_gone",
};

/**
 * Common API error numbers (learn.microsoft.com "Office Common API error codes").
 * 2001: "Cannot write to the current selection", e.g. PowerPoint on the web while a picture is selected
 * (office-js #3698, #4225). 5002: the document mode does not allow changes ("Restrict Editing").
 */
const BY_NUMBER: Record<number, HostErrorCode> = {
  2001: "insert_refused",
  2009: "insert_refused",
  5002: "read_only",
  5009: "read_only",
};

function officeCode(error: unknown): string | number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" || typeof code === "number" ? code : undefined;
}

/** True for the errors Office gives when an object (picture, tracked range) no longer exists. */
export function isGoneError(error: unknown): boolean {
  const code = officeCode(error);
  return code === "ItemNotFound" || code === "InvalidObjectPath" || code === "InvalidRequestContext";
}

/**
 * Wraps any error from Office in a {@link HostError}; a HostError passes through unchanged.
 * Read-only detection: Word reports a protected document or missing permission as `AccessDenied` (office-js #6907)
 * but a document in "Viewing" mode as a plain `GeneralException` (#5484), and `Office.context.document.mode` can
 * stay `readWrite` for read-only files (#6209, #3831). So `GeneralException` maps to `fallback` with a message
 * that names both causes; the adapters check `document.mode` before any change as well.
 * @param action what was being done, for the message (English, for logs; the pane shows its own strings).
 * @param fallback the code for errors that say nothing more specific.
 */
export function toHostError(error: unknown, action: string, fallback: HostErrorCode = "unknown"): HostError {
  if (error instanceof HostError) return error;
  const code = officeCode(error);
  const mapped = (typeof code === "string" ? BY_NAME[code] : typeof code === "number" ? BY_NUMBER[code] : undefined) ?? fallback;
  const detail =
    error instanceof Error
      ? error.message
      : typeof error === "object" && error
        ? String((error as { message?: unknown }).message ?? "")
        : String(error);
  const hint = code === "GeneralException" ? " (the document may be in Viewing mode or read-only)" : "";
  return new HostError(mapped, `${action} failed${code === undefined ? "" : ` [${code}]`}: ${detail}${hint}`, { cause: error });
}
