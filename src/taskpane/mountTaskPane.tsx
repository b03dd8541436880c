// Renders the task pane (or another pane page) into an element, inside FluentProvider and the strings provider.
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import { StrictMode, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { firstPaintStrings } from "./strings/firstPaintStrings";
import { shownLanguage, supportedLanguage } from "./strings/language";
import { importStrings } from "./strings/importStrings";
import type { PaneStrings } from "./strings/paneStrings";
import { StringsProvider } from "./strings/useStrings";
import { TaskPane } from "./TaskPane";
import type { TaskPaneProps } from "./TaskPane.types";

/** The pane's themes: Office's light and dark, and high contrast (forced colours). */
export type PaneTheme = "light" | "dark" | "highContrast";

export interface MountOptions {
  /** @default "light" */
  theme?: PaneTheme;
  /** BCP 47 display language, e.g. `Office.context.displayLanguage`. @default "en" */
  language?: string;
}

/** A mounted pane: re-render with new props (e.g. once the sign-in session has loaded), or unmount. */
export interface MountedPane<P> {
  update(props: P): void;
  unmount(): void;
}

/** Light at once (first paint); dark and high contrast from their own chunk (`paneThemes.ts`). */
function loadTheme(theme: PaneTheme): Theme | Promise<Theme> {
  if (theme === "light") return webLightTheme;
  // A chunk that cannot load must not leave the pane blank: light then (still readable), and say why in the console.
  return import(/* webpackChunkName: "pane-themes" */ "./paneThemes").then(
    (m) => m.OTHER_THEMES[theme],
    (error: unknown) => {
      console.error(`Illustrate: the ${theme} theme could not load; using light`, error);
      return webLightTheme;
    },
  );
}

/**
 * The page's strings: with `firstPaint` (the task pane) English draws at once from the first-paint table (no i18next
 * in the first bundle) and again with i18next's once the `strings` chunk is in; other pages, and another language,
 * draw once that chunk (and the language's own) have loaded (no English flash). Every string of a lazy panel is there before the panel (lazyPanels.ts waits for the same chunk).
 * If the chunk cannot load, the page keeps (or falls back to) the first-paint English and says why in the console.
 */
function loadPageStrings(language: string, firstPaint: boolean): { first: PaneStrings | undefined; load: () => Promise<PaneStrings> } {
  const shown = shownLanguage(language);
  const load = () =>
    importStrings()
      .then(({ loadStrings, paneStringsOf }) => loadStrings(shown).ready.then(paneStringsOf))
      .catch((error: unknown) => {
        console.error("Illustrate: the strings chunk could not load; showing the first-paint English", error);
        return firstPaintStrings();
      });
  return { first: firstPaint && supportedLanguage(shown) === "en" ? firstPaintStrings({ language: shown }) : undefined, load };
}

/** `run` once the frame now being prepared has been painted (the next task after the next animation frame). */
function afterPaint(run: () => void): void {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}

/**
 * Mounts any pane page (`render` receives nothing but what it closes over) with theme and strings, drawn once the
 * `strings` chunk, and the theme's and language's chunks if any, have loaded (no English or light flash); right to
 * left for Arabic: `dir` on the FluentProvider (Fluent mirrors its layout and directional icons) and on the document
 * element. The task pane ({@link mountTaskPane}) draws sooner.
 */
export function mountPage<P>(element: HTMLElement, render: (props: P) => ReactNode, props: P, options: MountOptions = {}): MountedPane<P> {
  return mount(element, render, props, options, false);
}

function mount<P>(element: HTMLElement, render: (props: P) => ReactNode, props: P, options: MountOptions, firstPaint: boolean): MountedPane<P> {
  const root = createRoot(element);
  const { first, load } = loadPageStrings(options.language ?? "en", firstPaint);
  let strings = first;
  let latest = props;
  const themeOrPending = loadTheme(options.theme ?? "light");
  let theme = themeOrPending instanceof Promise ? undefined : themeOrPending;
  let unmounted = false;
  const draw = (next: P) => {
    latest = next;
    if (!strings || !theme || unmounted) return;
    element.lang = strings.language;
    element.dir = strings.dir;
    document.documentElement.lang = strings.language;
    document.documentElement.dir = strings.dir;
    root.render(
      <StrictMode>
        <FluentProvider theme={theme} dir={strings.dir}>
          <StringsProvider strings={strings}>{render(next)}</StringsProvider>
        </FluentProvider>
      </StrictMode>,
    );
  };
  draw(props);
  const loadAll = () =>
    void load().then((loaded) => {
      if (loaded.complete || !strings) strings = loaded;
      draw(latest);
    });
  // With a first draw, the strings chunk is fetched once it is on screen, so it never delays it; else at once.
  if (first) afterPaint(loadAll);
  else loadAll();
  if (!theme)
    void Promise.resolve(themeOrPending).then((loadedTheme) => {
      theme = loadedTheme;
      draw(latest);
    });
  return {
    update: draw,
    unmount: () => {
      unmounted = true;
      root.unmount();
    },
  };
}

/**
 * Renders {@link TaskPane} with `props` into `element` (used by the Office entry and the workbench), as
 * {@link mountPage} does, except that in English and the light theme its first draw is at once, from the first-paint
 * table (`firstPaintStrings.ts`), and again with every string once the `strings` chunk has loaded.
 * @returns a handle to re-render with new props or unmount.
 */
export function mountTaskPane(element: HTMLElement, props: TaskPaneProps, options: MountOptions = {}): MountedPane<TaskPaneProps> {
  return mount(element, (p: TaskPaneProps) => <TaskPane {...p} />, props, options, true);
}
