// The pane's strings: one i18next instance per page, all of English here, every other language loaded on demand.
// Its own chunk (`strings`, fetched by importStrings.ts once the first draw is painted): that draw uses firstPaintStrings.ts.
import i18next, { type i18n as I18n } from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import en from "./en.json";
import { shownLanguage, supportedLanguage, type TextDirection } from "./language";
import type { PaneStrings, Translate } from "./paneStrings";

export { LANGUAGES, supportedLanguage, type Language, type TextDirection } from "./language";

export type { Translate } from "./paneStrings";

/** `"rtl"` for right-to-left languages (Arabic), else `"ltr"`; from i18next's list of RTL languages. */
export function directionOf(tag: string): TextDirection {
  return i18next.dir(tag);
}

/**
 * Loads one language's resources: a dynamic `import()`, so webpack puts each language in its own chunk
 * (`strings-de-json.js`, …) fetched only when that language is shown. English is bundled and never loaded here.
 * @throws (rejects) for a language without resources
 */
export function loadResources(language: string): Promise<Record<string, unknown>> {
  const supported = supportedLanguage(language);
  if (supported !== language) return Promise.reject(new Error(`No strings for language "${language}"`));
  return import(/* webpackChunkName: "strings-[request]", webpackExclude: /en\.json$/ */ `./${language}.json`).then(
    (module: { default?: Record<string, unknown> }) => module.default ?? (module as Record<string, unknown>),
  );
}

/** A created string table and when its language is ready (resolves at once for English). */
export interface LoadingStrings {
  strings: I18n;
  /** Resolves once the shown language's resources have loaded (or failed to: then English is shown). */
  ready: Promise<I18n>;
}

/**
 * Creates an i18next instance for `language` (a BCP 47 tag such as `Office.context.displayLanguage`, e.g. `"ar-SA"`).
 * English is available synchronously; another language's strings arrive when `ready` resolves (until then, and for
 * every key a language lacks, English). Numbers in strings use `{{n, number}}` (i18next's `Intl.NumberFormat`) and
 * plurals `_zero/_one/_two/_few/_many/_other` keys (i18next's `Intl.PluralRules`). Interpolation does not
 * HTML-escape: React renders every string as text, never as HTML.
 */
export function loadStrings(language = "en"): LoadingStrings {
  const lng = shownLanguage(language);
  const instance = i18next.createInstance();
  instance.use(resourcesToBackend((lng: string) => loadResources(lng)));
  const ready = instance
    .init({
      lng,
      fallbackLng: "en",
      supportedLngs: false,
      nonExplicitSupportedLngs: true,
      load: "languageOnly",
      resources: { en: { translation: en } },
      partialBundledLanguages: true,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    })
    .then(
      () => instance,
      () => instance,
    );
  return { strings: instance, ready };
}

/** An i18next instance for `language`, English until the language's chunk has loaded (see {@link loadStrings}). */
export function createStrings(language = "en"): I18n {
  return loadStrings(language).strings;
}

/** What `useStrings` gives the components for `strings` (an instance from {@link loadStrings}, ready or not). */
export function paneStringsOf(strings: I18n): PaneStrings {
  return { t: strings.t.bind(strings) as Translate, language: strings.language, dir: directionOf(strings.language), complete: true };
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
