// Entry of the workbench page: a page that needs no Office host; renders the shell and mounts the real task pane.
import { createRoot } from "react-dom/client";
import { FluentProvider, teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createPaneServices } from "../taskpane/createPaneServices";
import { mountTaskPane, type PaneTheme } from "../taskpane/mountTaskPane";
import { pageLanguage } from "../taskpane/strings/language";
import { directionOf, loadStrings, paneStringsOf } from "../taskpane/strings/strings";
import { StringsProvider } from "../taskpane/strings/useStrings";
import { Workbench, type DocumentTab, type MountPane } from "./Workbench";

/**
 * This page runs without an Office host (style.md #4, like Script Lab's pages that need none): it waits for
 * `Office.onReady` only briefly and renders whatever it says. Outside Office the local office.js resolves with
 * `host: null` (shared/docs/office-hosts.md, "Start-up").
 */
export const NEEDS_OFFICE_HOST = false;

/** How long to wait for office.js before rendering anyway (it may have failed to load), in ms. */
const OFFICE_READY_WAIT_MS = 3000;

/** The Office host the page is in, or null: outside Office, when office.js is missing, or when it is slow. */
async function officeHost(): Promise<Office.HostType | null> {
  if (typeof Office === "undefined") return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_WAIT_MS));
  const info = await Promise.race([Office.onReady(), timeout]);
  return info?.host ?? null;
}

/** The document shown first: `?doc=slide` opens the slide. */
function tabFromUrl(): DocumentTab {
  return new URLSearchParams(window.location.search).get("doc") === "slide" ? "slide" : "word";
}

/** The pane's theme: `?theme=dark` or `?theme=highContrast` (to test them), else light, as Office's default. */
function themeFromUrl(): PaneTheme {
  const asked = new URLSearchParams(window.location.search).get("theme");
  return asked === "dark" || asked === "highContrast" ? asked : "light";
}

/** The workbench's own theme beside a pane in `theme`. */
const WORKBENCH_THEMES = { light: webLightTheme, dark: webDarkTheme, highContrast: teamsHighContrastTheme } as const;

/**
 * `?fresh` starts the Word page from the seed (the E2E tests open every test this way); the flag is then dropped
 * from the URL so a reload keeps the page.
 */
function takeFreshFlag(): boolean {
  const url = new URL(window.location.href);
  if (!url.searchParams.has("fresh")) return false;
  url.searchParams.delete("fresh");
  window.history.replaceState(null, "", url);
  return true;
}

/** sessionStorage where the browser allows it (a reload keeps it; a new tab starts from the seed). */
function sessionStorageOrNone(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function keepTabInUrl(tab: DocumentTab): void {
  const url = new URL(window.location.href);
  url.searchParams.set("doc", tab);
  window.history.replaceState(null, "", url);
}

async function start(): Promise<void> {
  const host = await officeHost();
  // `?lang=ar` for testing, else Office's display language (inside Office), else the browser's.
  const language = pageLanguage();
  const theme = themeFromUrl();
  const { strings, ready } = loadStrings(language);
  // One sign-in for both panes (the same MSAL cache); MSAL loads in its own chunk after first paint.
  const services = createPaneServices({ office: host === null ? undefined : Office });
  const mountPane: MountPane = (element, documentHost) => {
    const pane = mountTaskPane(element, { host: documentHost, ...services }, { theme, language });
    // Unmounting a root while the workbench's own root commits is not allowed: do it right after.
    return () => setTimeout(() => pane.unmount(), 0);
  };
  await ready; // the shown language's strings chunk (English is bundled)
  const dir = directionOf(strings.language);
  document.documentElement.lang = strings.language;
  document.documentElement.dir = dir;
  document.title = strings.t("workbench.pageTitle");
  const root = createRoot(document.getElementById("workbench-root")!);
  root.render(
    <FluentProvider theme={WORKBENCH_THEMES[theme]} dir={dir}>
      <StringsProvider strings={paneStringsOf(strings)}>
        <Workbench
          mountPane={mountPane}
          initialTab={tabFromUrl()}
          onTabChange={keepTabInUrl}
          insideOffice={host !== null}
          storage={sessionStorageOrNone()}
          fresh={takeFreshFlag()}
        />
      </StringsProvider>
    </FluentProvider>,
  );
}

void start();
