// Launches Debian's Chromium through playwright-core for the E2E tests (never downloads a browser, never skips).
import fs from "node:fs";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

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
