// Localizes a plain (non-React) page such as the sign-in dialog: `lang`/`dir` on <html>, its title, and a `t()`.
import { pageLanguage } from "./language";
import { directionOf, loadStrings, type Translate } from "./strings";

/**
 * Loads the page's language (`?lang=`, Office's display language, the browser's; English bundled, others a chunk),
 * sets `lang` and `dir` on the document element and, with `titleKey`, the document title.
 * Call after `Office.onReady` on pages that load office.js, so Office's display language counts.
 * @returns the page's translate function (English for keys or languages without a translation); never rejects
 */
export async function localizePage(titleKey?: string): Promise<Translate> {
  const strings = await loadStrings(pageLanguage()).ready;
  document.documentElement.lang = strings.language;
  document.documentElement.dir = directionOf(strings.language);
  if (titleKey) document.title = strings.t(titleKey);
  return strings.t.bind(strings) as Translate;
}
