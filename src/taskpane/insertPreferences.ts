// Where and how a picture is inserted (Word placement and caption, slide placement): values, defaults, validation.
import type { HostKind, SlidePlacement, WordPlacement } from "../hosts/DocumentHost";

/** The person's insert preferences; persisted. Passed to `DocumentHost.insertPicture` as `InsertOptions`. */
export interface InsertPreferences {
  wordPlacement: WordPlacement;
  /** Add a "Caption" paragraph with the prompt under the picture (Word). */
  caption: boolean;
  slidePlacement: SlidePlacement;
}

export const WORD_PLACEMENTS: readonly WordPlacement[] = ["after-selection", "replace-selection"];
export const SLIDE_PLACEMENTS: readonly SlidePlacement[] = ["auto", "fit-free-area", "full-slide", "beside-text"];

/** localStorage key of the insert preferences. */
export const INSERT_PREFERENCES_STORAGE_KEY = "illustrate.insert.v1";

/** The hosts' documented defaults: after the selection, no caption, automatic slide placement. */
export const DEFAULT_INSERT_PREFERENCES: InsertPreferences = { wordPlacement: "after-selection", caption: false, slidePlacement: "auto" };

/** True if `value` is a complete, valid preferences object (for values read back from storage). */
export function isInsertPreferences(value: unknown): value is InsertPreferences {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<InsertPreferences>;
  return (
    WORD_PLACEMENTS.includes(v.wordPlacement as WordPlacement) &&
    SLIDE_PLACEMENTS.includes(v.slidePlacement as SlidePlacement) &&
    typeof v.caption === "boolean"
  );
}

/** Which document a host kind is: Word pages and slides take different options. */
export function documentKind(kind: HostKind): "word" | "slide" {
  return kind === "powerpoint" || kind === "workbench-slide" ? "slide" : "word";
}

/** The `InsertOptions` fields for `kind` (only the ones that host reads). */
export function placementOptions(kind: HostKind, prefs: InsertPreferences) {
  return documentKind(kind) === "slide" ? { slidePlacement: prefs.slidePlacement } : { wordPlacement: prefs.wordPlacement, caption: prefs.caption };
}
