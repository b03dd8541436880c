// Which language a page shows: a `?lang=` override (testing), else Office's display language, else the browser's.

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
