// React access to the pane's strings: a provider for the page's strings and the `useStrings` hook.
import { createContext, useContext, type ReactNode } from "react";
import type { PaneStrings } from "./paneStrings";

const StringsContext = createContext<PaneStrings | null>(null);

let fallback: (() => PaneStrings) | undefined;

/** Provides `strings` (`paneStringsOf(…)` from strings.ts, or `firstPaintStrings()`) to every component below. */
export function StringsProvider(props: { strings: PaneStrings; children: ReactNode }) {
  return <StringsContext.Provider value={props.strings}>{props.children}</StringsContext.Provider>;
}

/**
 * What components see without a provider (a component test rendering one component): set once, e.g. to i18next's
 * English in the unit tests' setup. The pages (`mountPage`, the workbench) always provide.
 */
export function setFallbackStrings(make: () => PaneStrings): void {
  let made: PaneStrings | undefined;
  fallback = () => (made ??= make());
}

/**
 * The pane's `t()`, language, direction and whether every string is there.
 * @throws Error without a {@link StringsProvider} above and no {@link setFallbackStrings}
 */
export function useStrings(): PaneStrings {
  const provided = useContext(StringsContext);
  if (provided) return provided;
  if (!fallback) throw new Error("useStrings needs a StringsProvider above it (mountPage gives one)");
  return fallback();
}
