// Typed errors the document host adapters throw.

/** Why a host operation failed; the pane maps each to a message that says what to do. */
export type HostErrorCode =
  | "read_only" // document is read-only or protected
  | "no_slide" // PowerPoint: no slide is selected
  | "unsupported" // the host lacks the requirement set
  | "insert_refused" // the host refused the insert
  | "insert_not_verified" // the host said yes, but no picture appeared
  | "picture_gone" // the picture to replace is no longer there
  | "item_gone" // the slide or section of a whole-deck run is no longer there (deleted, or its heading renamed)
  | "shape_lost" // PowerPoint on the web deleted another shape while the picture went in (office-js #2775); the picture is in
  | "timeout" // the host did not answer in time (office-js #5022)
  | "unknown";

/** An error from a document host. `cause` keeps the Office error (its `code` and `debugInfo`). */
export class HostError extends Error {
  override readonly name = "HostError";
  constructor(
    readonly code: HostErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
