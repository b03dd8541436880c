// Folds text for search: lower case, no diacritics, so "Café" matches "cafe" and "CAFÉ".

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** `text` decomposed (NFD), combining marks removed, lower-cased with the root locale. */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase();
}
