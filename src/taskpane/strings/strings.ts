// The pane's strings: one i18next instance per page, English bundled, every other language loaded on demand.
import i18next, { type i18n as I18n, type TFunction } from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import en from "./en.json";

/** The translate function the pane's components use. */
export type Translate = TFunction;

/**
 * Languages with resources (`<language>.json` beside this file). Office display languages outside this list (and
 * regional variants of it, e.g. `de-AT` → `de`) fall back to English.
 */
export const LANGUAGES = ["en", "de", "fr", "es", "ja", "ar"] as const;

/** A language the pane has resources for. */
export type Language = (typeof LANGUAGES)[number];

/** Writing direction of a page or element (`dir` attribute). */
export type TextDirection = "ltr" | "rtl";

/**
 * The language part of a BCP 47 tag (`"ar-SA"` → `"ar"`) when the pane speaks it, else `"en"`.
 * @param tag e.g. `Office.context.displayLanguage` or `navigator.language`
 */
export function supportedLanguage(tag: string | undefined | null): Language {
  const base = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : "en";
}

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
  // A language without resources is shown (and tagged) as English: `lang` must say what is on screen.
  const lng = supportedLanguage(language) === "en" && !/^en(?:$|[-_])/i.test(language) ? "en" : language;
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
