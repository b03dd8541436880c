// Launches Debian's Chromium through playwright-core for the E2E tests and the pane benchmark, and the browser/page
// lifecycle every E2E test file shares (never downloads a browser, never skips).
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Where the E2E tests put screenshots, timings and the servers' log (git-ignored). */
export const E2E_ARTIFACTS = path.resolve(__dirname, "../e2e/artifacts");

/** Where Chromium is looked for when `CHROMIUM_PATH` is unset (Debian, Ubuntu, snap, macOS). */
export const CHROMIUM_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/**
 * Flags for a quiet headless Chromium on a closed network: without the networking flags it floods the network
 * with refused connections (shared/docs/toolchain.md).
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The Chromium executable: `CHROMIUM_PATH`, else the first existing candidate.
 * @throws Error saying how to install one when there is none (the E2E fails, it does not skip).
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`CHROMIUM_PATH is set to ${configured}, but no file is there.`);
    return configured;
  }
  const found = CHROMIUM_CANDIDATES.find((file) => fs.existsSync(file));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${CHROMIUM_CANDIDATES.join(", ")}). Install it (Debian: apt-get install chromium) ` +
        "or set CHROMIUM_PATH to a Chromium or Chrome executable. The end-to-end tests need a browser and do not skip.",
    );
  }
  return found;
}

/** A launched browser with one context that accepts the local development certificate. */
export interface E2EBrowser {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium (headless, flags above) and opens a context with `ignoreHTTPSErrors` (the dev CA is not
 * trusted system-wide on Linux) and a 1400 × 900 viewport (the page, plus the 360 px pane beside it).
 */
export async function launchBrowser(): Promise<E2EBrowser> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 } });
  return { browser, context, close: () => browser.close() };
}

/** The last console errors and failed requests of each page opened by {@link openPage}, for a failing test to show. */
const recentTrouble = new WeakMap<Page, string[]>();

/**
 * The page's last 20 console errors/warnings and failed requests, oldest first (empty for a page not opened by
 * {@link openPage}). A test that times out says them, so a failure on a loaded CI machine can be read afterwards.
 */
export function pageTrouble(page: Page): string[] {
  return [...(recentTrouble.get(page) ?? [])];
}

/** A new page in `browser`'s context that reports the page's uncaught errors on the console (a test then shows why). */
export async function openPage(browser: E2EBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  const trouble: string[] = [];
  recentTrouble.set(page, trouble);
  const note = (line: string) => {
    trouble.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (trouble.length > 20) trouble.shift();
  };
  page.on("pageerror", (error) => {
    console.error(`page error: ${error.message}`);
    note(`page error: ${error.message}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") note(`console.${message.type()}: ${message.text().slice(0, 300)}`);
  });
  page.on("requestfailed", (request) => note(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? "?"})`));
  return page;
}

/** How {@link useBrowserPage} hands out pages. */
export interface BrowserPageOptions {
  /**
   * "profile" (default): each test its own browser and profile (IndexedDB, cookies, MSAL's cache), so no test sees
   * what another one stored; "each": a fresh page per test in the file's one profile; "file": one page for every
   * test of the file (its tests then follow one session on purpose).
   */
  pagePer?: "each" | "file" | "profile";
  /** Called with each new page before its test uses it: keep it, add listeners. */
  onPage?: (page: Page) => void;
}

/** What {@link useBrowserPage} set up; read its fields inside hooks and tests (they are set by `beforeAll`). */
export interface BrowserPage {
  readonly browser: E2EBrowser;
  readonly page: Page;
}

/**
 * The browser and page lifecycle of an E2E test file, as Jest hooks: creates the artifacts folder; launches Chromium
 * per test (`profile`, the default) or once for the file (`each`, `file`); opens the page (`onPage` sees it first);
 * closes page and browser again (`afterEach` / `afterAll`). Call at the top level of the test file.
 */
export function useBrowserPage({ pagePer = "profile", onPage }: BrowserPageOptions = {}): BrowserPage {
  let browser: E2EBrowser | undefined;
  let page: Page | undefined;
  const open = async (): Promise<void> => {
    page = await openPage(browser!);
    onPage?.(page);
  };
  beforeAll(async () => {
    fs.mkdirSync(E2E_ARTIFACTS, { recursive: true });
    if (pagePer === "profile") return;
    browser = await launchBrowser();
    if (pagePer === "file") await open();
  });
  afterAll(async () => {
    await browser?.close();
  });
  if (pagePer === "profile") {
    beforeEach(async () => {
      browser = await launchBrowser();
      await open();
    });
    afterEach(async () => {
      await browser?.close();
      browser = undefined;
      page = undefined;
    });
  }
  if (pagePer === "each") {
    beforeEach(open);
    afterEach(async () => {
      await page?.close();
    });
  }
  return {
    get browser() {
      if (!browser) throw new Error("useBrowserPage: the browser is launched in beforeAll; read it in a hook or test");
      return browser;
    },
    get page() {
      if (!page) throw new Error("useBrowserPage: the page is opened in beforeAll/beforeEach; read it in a hook or test");
      return page;
    },
  };
}
