// Which language a page shows: a `?lang=` override (testing), else Office's display language, else the browser's;
// the languages the pane has resources for. No i18next here: first paint imports this module.

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

/**
 * The tag a page shows and puts in `lang` for `tag`: the tag itself when the pane has its language (`"de-AT"`,
 * `"en-GB"`), else `"en"` (a language without resources is shown, and tagged, as English: `lang` must say what is on
 * screen).
 */
export function shownLanguage(tag: string): string {
  return supportedLanguage(tag) === "en" && !/^en(?:$|[-_])/i.test(tag) ? "en" : tag;
}

/** Where the display language can come from, most specific first. */
export interface LanguageSources {
  /** The page's query string (`location.search`); `?lang=ar` overrides everything (for testing). */
  search?: string;
  /** `Office.context.displayLanguage` (BCP 47, e.g. `"de-DE"`), when the page runs in Office. */
  officeLanguage?: string;
  /** `navigator.languages` (or `[navigator.language]`), the browser's order of preference. */
  browserLanguages?: readonly string[];
}

/**
 * The display language tag: `?lang=` if present, else Office's, else the browser's first, else `"en"`.
 * The tag is returned as given (e.g. `"ar-SA"`); `loadStrings` maps it to the resources it has.
 */
export function pickLanguage({ search = "", officeLanguage, browserLanguages = [] }: LanguageSources): string {
  const override = new URLSearchParams(search).get("lang")?.trim();
  return override || officeLanguage?.trim() || browserLanguages.find((tag) => tag.trim() !== "") || "en";
}

/** {@link pickLanguage} for the running page (call after `Office.onReady` to include Office's language). */
export function pageLanguage(): string {
  const context = typeof Office === "undefined" ? undefined : (Office.context as Office.Context | undefined);
  const nav = typeof navigator === "undefined" ? undefined : navigator;
  return pickLanguage({
    search: typeof location === "undefined" ? "" : location.search,
    ...(context?.displayLanguage ? { officeLanguage: context.displayLanguage } : {}),
    browserLanguages: nav ? (nav.languages?.length ? nav.languages : [nav.language]) : [],
  });
}
