// The one place the `strings` chunk (i18next, all of English, the loader of other languages) is fetched from.
type StringsModule = typeof import("./strings");
let pending: Promise<StringsModule> | undefined;

/**
 * The `strings` chunk: i18next, all of English and the loader of the other languages (`strings.ts`). Fetched once per
 * page; a failed fetch rejects and the next call tries again.
 */
export function importStrings(): Promise<StringsModule> {
  pending ??= import(/* webpackChunkName: "strings" */ "./strings").catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

/**
 * `load` (a lazy panel's `import()`) once the `strings` chunk is in too, both fetched side by side: a panel never
 * draws with the first-paint table, which has only the first draw's strings.
 */
export function withStrings<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([importStrings(), load()]).then(([, loaded]) => loaded);
}
