// The pane's strings: one i18next instance per pane, English resources bundled, language from Office.
import i18next, { type i18n as I18n, type TFunction } from "i18next";
import en from "./en.json";

/** The translate function the pane's components use. */
export type Translate = TFunction;

/**
 * Creates an initialized i18next instance for `language` (a BCP 47 tag such as Office's
 * `Office.context.displayLanguage`, e.g. `"en-US"`). Synchronous: resources are bundled (`initAsync: false`).
 * Interpolation does not HTML-escape: React renders every string as text, never as HTML.
 */
export function createStrings(language = "en"): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: "en",
    supportedLngs: false,
    nonExplicitSupportedLngs: true,
    load: "languageOnly",
    resources: { en: { translation: en } },
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

/** True when `key` exists in the English resources (plural keys count with their `_one`/`_other` forms). */
export function hasString(key: string): boolean {
  let node: unknown = en;
  const parts = key.split(".");
  for (const [i, part] of parts.entries()) {
    if (typeof node !== "object" || node === null) return false;
    const record = node as Record<string, unknown>;
    const last = i === parts.length - 1;
    if (last && !(part in record) && `${part}_other` in record) return true;
    node = record[part];
  }
  return typeof node === "string";
}
