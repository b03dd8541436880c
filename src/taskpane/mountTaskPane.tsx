// Renders the task pane (or another pane page) into an element, inside FluentProvider and the strings provider.
import { FluentProvider, teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { StrictMode, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { directionOf, loadStrings } from "./strings/strings";
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

const THEMES: Record<PaneTheme, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

/**
 * Mounts any pane page (`render` receives nothing but what it closes over) with theme and strings. English draws
 * at once; another language draws once its strings chunk has loaded (no English flash), right to left for Arabic:
 * `dir` on the FluentProvider (Fluent mirrors its layout and directional icons) and on the document element.
 */
export function mountPage<P>(element: HTMLElement, render: (props: P) => ReactNode, props: P, options: MountOptions = {}): MountedPane<P> {
  const root = createRoot(element);
  const { strings, ready } = loadStrings(options.language ?? "en");
  const dir = directionOf(strings.language);
  element.lang = strings.language;
  element.dir = dir;
  document.documentElement.lang = strings.language;
  document.documentElement.dir = dir;
  let latest = props;
  let loaded = strings.isInitialized;
  let unmounted = false;
  const draw = (next: P) => {
    latest = next;
    if (!loaded || unmounted) return;
    root.render(
      <StrictMode>
        <FluentProvider theme={THEMES[options.theme ?? "light"]} dir={dir}>
          <StringsProvider strings={strings}>{render(next)}</StringsProvider>
        </FluentProvider>
      </StrictMode>,
    );
  };
  if (loaded) draw(props);
  else
    void ready.then(() => {
      loaded = true;
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
 * Renders {@link TaskPane} with `props` into `element` (used by the Office entry and the workbench).
 * @returns a handle to re-render with new props or unmount.
 */
export function mountTaskPane(element: HTMLElement, props: TaskPaneProps, options: MountOptions = {}): MountedPane<TaskPaneProps> {
  return mountPage(element, (p: TaskPaneProps) => <TaskPane {...p} />, props, options);
}
