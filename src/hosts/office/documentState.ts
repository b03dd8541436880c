// Office.context.document helpers shared by the Word and PowerPoint adapters: read-only check, selection events.
import { HostError } from "../errors";

/** The part of `Office.Document` the adapters use (injectable for tests). */
export type OfficeDocumentLike = Pick<
  Office.Document,
  "mode" | "addHandlerAsync" | "removeHandlerAsync" | "getSelectedDataAsync" | "setSelectedDataAsync" | "goToByIdAsync"
>;

/**
 * Throws `read_only` when Office says the document is read-only. A `readWrite` answer proves nothing (office-js
 * #6209, #3831: Viewing mode and "Always open read-only" still report `readWrite`), so writes also map Office's
 * errors (see ./officeErrors).
 */
export function assertWritable(document: Pick<Office.Document, "mode">): void {
  // Office.DocumentMode.ReadOnly is the string "readOnly" at run time.
  if (String(document.mode) === "readOnly") {
    throw new HostError("read_only", "the document is open read-only");
  }
}

/**
 * Subscribes to `DocumentSelectionChanged`. The event misses changes (office-js #2964 Word, #5390 PowerPoint Mac):
 * use it to refresh the pane, and re-read the selection when the person clicks Generate.
 * @returns an unsubscribe function.
 */
export function subscribeSelectionChanged(document: OfficeDocumentLike, listener: () => void): () => void {
  const eventType = "documentSelectionChanged" as unknown as Office.EventType; // Office.EventType.DocumentSelectionChanged
  const handler = () => listener();
  let active = true;
  document.addHandlerAsync(eventType, handler, (result) => {
    // Registration failed (e.g. an old host): the pane still re-reads on Generate, so nothing is lost.
    if (String(result.status) === "failed") active = false;
  });
  return () => {
    if (!active) return;
    active = false;
    document.removeHandlerAsync(eventType, { handler });
  };
}
