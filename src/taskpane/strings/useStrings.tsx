// React access to the pane's strings: a provider for the i18next instance and the `useStrings` hook.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { i18n as I18n } from "i18next";
import { createStrings, type Translate } from "./strings";

const StringsContext = createContext<I18n | null>(null);

let fallbackInstance: I18n | undefined;

/** Provides `strings` (from {@link createStrings}) to every component below. */
export function StringsProvider(props: { strings: I18n; children: ReactNode }) {
  return <StringsContext.Provider value={props.strings}>{props.children}</StringsContext.Provider>;
}

/** The pane's `t()` and language. Without a provider, English. */
export function useStrings(): { t: Translate; language: string } {
  const provided = useContext(StringsContext);
  const instance = provided ?? (fallbackInstance ??= createStrings("en"));
  return useMemo(() => ({ t: instance.t.bind(instance) as Translate, language: instance.language }), [instance]);
}
