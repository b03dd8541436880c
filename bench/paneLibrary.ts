// Benchmark (`npm run bench:pane-library`): pane ready with 1,000 stored pictures vs an empty library (same run,
// interleaved), and opening History (the library panel) to its first thumbnails; writes bench/results/pane-library.json.
//
// Settings (environment): BENCH_PANE_LIBRARY_RUNS (6, 2–30) measured runs per condition after one warm-up run each;
// BENCH_PANE_LIBRARY_BUILD "production" (default: what a user gets, built here and served on 127.0.0.1, port 0, no
// lock needed) or "development" (`npm start`'s servers, started here as bench/pane.ts does; refuses when something
// listens on 3000–3002, so run it under `flock /tmp/illustrate-e2e.lock`); BENCH_PANE_LIBRARY_DIST, a folder already
// built with `webpack --mode production --output-path <dir>`, is served instead of building (production only).
// The library is seeded signed out (the "not signed in" partition) through the library's own code
// (bench/library/paneSeed.ts: openPictureLibrary + add), once, in a second browser context of the same Chromium.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { launchBrowser, openPage, type E2EBrowser } from "../test/support/browser";
import { bundlePage } from "./bundlePage";
import { assertServerPortsFree } from "./freePorts";
import { median, runCountFromEnv } from "./stats";
import { startServers, stopServers } from "../test/support/servers";
import { PANE_URL } from "../test/support/workbenchPage";
import { serveFolder } from "./staticServer";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS helper shared with the first-paint bench
const { buildPane } = require("../scripts/lib/firstPaint.cjs") as { buildPane(out: string, mode: string): Promise<void> };

const ROOT = path.resolve(__dirname, "..");
const RESULT_FILE = path.join(ROOT, "bench/results/pane-library.json");
const STORED = 1000;
const TIMEOUT_MS = 60_000;
const BUDGET = { panelFirstThumbnailsMs: 300 };

interface Run {
  stored: number;
  /** page.goto → the Prompt textbox visible (first paint). */
  firstPaintMs: number;
  /** page.goto → "History (n)" shows the library's count (the library opened after first paint). */
  libraryReadyMs: number;
  /**
   * Click on History → the first thumbnail `<img>` of the panel has loaded, in the page's clock: from the click
   * event's `timeStamp` (the browser's input time) to the animation frame that finds the image complete.
   */
  panelFirstThumbnailsMs: number;
  /** The same from the click event to the frame with the first row `<li>` in the DOM (before its thumbnail loaded). */
  panelFirstRowMs: number;
  /**
   * The same as seen from the bench: before Playwright's `click()` (its actionability checks and DevTools round trips
   * included) until the page has reported the thumbnail.
   */
  panelFirstThumbnailsOutsideMs: number;
  /** Whether the library panel's chunk was still fetched after the click (false: it was preloaded before). */
  panelChunkAfterClick: boolean;
}

const runCount = () => runCountFromEnv("BENCH_PANE_LIBRARY_RUNS", 6, 2, 30);

type Build = "production" | "development";

/** BENCH_PANE_LIBRARY_BUILD. @throws for a value other than production / development. */
function buildFromEnv(): Build {
  const raw = process.env.BENCH_PANE_LIBRARY_BUILD ?? "production";
  if (raw !== "production" && raw !== "development") throw new Error(`BENCH_PANE_LIBRARY_BUILD must be production or development, got "${raw}"`);
  return raw;
}

/** The served pane: its origin and how to stop what serves it. */
interface ServedPane {
  origin: string;
  stop(): Promise<void>;
}

/**
 * Production: builds the pane (`webpack --mode production`, scripts/lib/firstPaint.cjs) into a temporary folder and
 * serves it on 127.0.0.1:0. Development: `npm start`'s servers (webpack dev server on 3000).
 */
async function servePane(build: Build): Promise<ServedPane> {
  if (build === "development") {
    await assertServerPortsFree();
    console.log("[bench:pane-library] starting the servers…");
    const servers = await startServers();
    return { origin: PANE_URL, stop: () => stopServers(servers) };
  }
  const prebuilt = process.env.BENCH_PANE_LIBRARY_DIST;
  if (prebuilt) {
    const server = await serveFolder(path.resolve(prebuilt));
    return { origin: server.origin, stop: () => server.close() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "illustrate-bench-pane-library-"));
  try {
    console.log("[bench:pane-library] building the pane (production)…");
    await buildPane(dir, "production");
    const server = await serveFolder(dir);
    return {
      origin: server.origin,
      stop: async () => {
        await server.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
const summary = (values: number[]) => ({
  median: Math.round(median(values)),
  min: Math.round(Math.min(...values)),
  max: Math.round(Math.max(...values)),
});

/**
 * A second browser context of `browser` (its own IndexedDB and HTTP cache, same Chromium process), with `count`
 * pictures stored in the signed-out library of the pane's origin through the library's own code
 * (bench/library/paneSeed.ts, bundled here): seeded once, left as the pane finds it for every run of the condition.
 */
async function contextWithLibrary(browser: E2EBrowser, origin: string, count: number, seedScript: string, imageBase64: string): Promise<E2EBrowser> {
  const context = await browser.browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 } });
  const withLibrary: E2EBrowser = { browser: browser.browser, context, close: () => context.close() };
  const page = await openPage(withLibrary);
  try {
    // A page of the origin that does not open the library itself (a 404 of the server is still same-origin).
    await page.goto(`${origin}/bench-seed-page`);
    // Evaluated through the DevTools protocol: the dev server's 404 page has a CSP (default-src 'none') that blocks a <script> tag.
    await page.evaluate(seedScript);
    const seeded = await page.evaluate(
      ([n, image]) =>
        (
          globalThis as unknown as { illustrateBenchSeed(count: number, image: string): Promise<{ total: number; persistent: boolean }> }
        ).illustrateBenchSeed(n, image),
      [count, imageBase64] as const,
    );
    if (!seeded.persistent) throw new Error("IndexedDB was not available in Chromium; the pane would show the memory store");
    if (seeded.total !== count) throw new Error(`seeded ${seeded.total} pictures, wanted ${count}`);
  } finally {
    await page.close();
  }
  return withLibrary;
}

/** "History (n)" as the pane formats the count (en.json `{{count, number}}`, en-US: "History (1,000)"). */
const historyHeading = (count: number) => `History (${new Intl.NumberFormat("en-US").format(count)})`;

/**
 * The in-page timer (a string: tsx's `__name` helpers do not exist in the page): resolves with the click event's
 * `timeStamp` and, checked each animation frame, when the first row was in the DOM and the first thumbnail had loaded.
 */
const IN_PAGE_TIMING = `(timeoutMs) => new Promise((resolve, reject) => {
  const list = '[data-pane-host="workbench-word"] ul[aria-label]';
  let clickAt = NaN;
  let rowAt = NaN;
  document.addEventListener("click", (event) => (clickAt = event.timeStamp), { capture: true, once: true });
  const deadline = performance.now() + timeoutMs;
  const frame = () => {
    const now = performance.now();
    if (Number.isNaN(rowAt) && document.querySelector(list + " li")) rowAt = now;
    const img = document.querySelector(list + " li img");
    if (img && img.complete && img.naturalWidth > 0) resolve({ clickAt, rowAt, thumbnailAt: now });
    else if (now > deadline) reject(new Error("no thumbnail loaded"));
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})`;

/** A run as written: milliseconds rounded, null where not measured (the empty library has no panel to open). */
function rounded(run: Run) {
  const ms = (value: number) => (Number.isNaN(value) ? null : Math.round(value));
  return {
    stored: run.stored,
    firstPaintMs: ms(run.firstPaintMs),
    libraryReadyMs: ms(run.libraryReadyMs),
    panelFirstRowMs: ms(run.panelFirstRowMs),
    panelFirstThumbnailsMs: ms(run.panelFirstThumbnailsMs),
    panelFirstThumbnailsOutsideMs: ms(run.panelFirstThumbnailsOutsideMs),
    ...(run.stored > 0 ? { panelChunkAfterClick: run.panelChunkAfterClick } : {}),
  };
}

async function measure(browser: E2EBrowser, origin: string, stored: number): Promise<Run> {
  const page = await openPage(browser);
  try {
    const pane = page.locator('[data-pane-host="workbench-word"]');
    const navigated = performance.now();
    await page.goto(`${origin}/workbench.html?doc=word`, { waitUntil: "commit" });
    await pane.getByRole("textbox", { name: "Prompt" }).waitFor({ state: "visible", timeout: TIMEOUT_MS });
    const firstPaintMs = performance.now() - navigated;
    const header = pane.getByRole("button", { name: historyHeading(stored), exact: true });
    await header.waitFor({ state: "visible", timeout: TIMEOUT_MS });
    const libraryReadyMs = performance.now() - navigated;
    let panelFirstThumbnailsMs = Number.NaN;
    let panelFirstRowMs = Number.NaN;
    let panelFirstThumbnailsOutsideMs = Number.NaN;
    let panelChunkAfterClick = false;
    if (stored > 0) {
      page.on("request", (request) => {
        if (/\/library-panel[.\w-]*\.js$/.test(new URL(request.url()).pathname)) panelChunkAfterClick = true;
      });
      // Timed in the page: from the click event's own time stamp (when the browser took the input, so input delay is
      // in) to the frame where the first row is in the DOM, then the first thumbnail has loaded.
      const inPage = page.evaluate(`(${IN_PAGE_TIMING})(${TIMEOUT_MS})`) as Promise<{ clickAt: number; rowAt: number; thumbnailAt: number }>;
      const clicked = performance.now();
      await header.click();
      const times = await inPage;
      panelFirstThumbnailsOutsideMs = performance.now() - clicked;
      panelFirstRowMs = times.rowAt - times.clickAt;
      panelFirstThumbnailsMs = times.thumbnailAt - times.clickAt;
      const rows = await pane.locator("ul[aria-label] li").count();
      if (rows >= stored) throw new Error(`the list rendered ${rows} rows of ${stored}: not virtualized`);
    }
    return { stored, firstPaintMs, libraryReadyMs, panelFirstThumbnailsMs, panelFirstRowMs, panelFirstThumbnailsOutsideMs, panelChunkAfterClick };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const runs = runCount();
  const build = buildFromEnv();
  const loadAverageAtStart = os.loadavg().map((v) => Number(v.toFixed(2)));
  const image = (
    await sharp({ create: { width: 1536, height: 1024, channels: 3, background: "#336699" } })
      .png()
      .toBuffer()
  ).toString("base64");
  const seedDir = fs.mkdtempSync(path.join(os.tmpdir(), "illustrate-bench-pane-seed-"));
  await bundlePage("./bench/library/paneSeed.ts", seedDir, "paneSeed");
  const seedScript = fs.readFileSync(path.join(seedDir, "paneSeed.js"), "utf8");
  fs.rmSync(seedDir, { recursive: true, force: true });
  let served: ServedPane | undefined;
  let browser: E2EBrowser | undefined;
  try {
    served = await servePane(build);
    const { origin } = served;
    browser = await launchBrowser();
    const contexts = new Map<number, E2EBrowser>([[0, browser]]);
    console.log(`[bench:pane-library] seeding ${STORED} pictures through the library's own store…`);
    contexts.set(STORED, await contextWithLibrary(browser, origin, STORED, seedScript, image));
    const contextOf = (stored: number) => contexts.get(stored)!;
    await measure(contextOf(0), origin, 0); // warm-up of each context (webpack chunks compiled / code cache)
    await measure(contextOf(STORED), origin, STORED);
    const measured: Run[] = [];
    for (let i = 0; i < runs; i += 1) {
      for (const stored of i % 2 === 0 ? [0, STORED] : [STORED, 0]) {
        const run = await measure(contextOf(stored), origin, stored);
        measured.push(run);
        console.log(`[bench:pane-library] ${JSON.stringify(rounded(run))}`);
      }
    }
    const of = (stored: number, key: Exclude<keyof Run, "stored" | "panelChunkAfterClick">): number[] =>
      measured.filter((r) => r.stored === stored).map((r) => r[key]);
    const empty = summary(of(0, "firstPaintMs"));
    const full = summary(of(STORED, "firstPaintMs"));
    const panel = summary(of(STORED, "panelFirstThumbnailsMs"));
    const result = {
      build,
      what:
        `The real pane in the workbench (${build === "production" ? "production build (webpack --mode production, as a user gets it), served from 127.0.0.1 with cache-control: no-store" : "webpack dev server, development build, as `npm start`"}), Debian Chromium headless, signed out ` +
        `(the "not signed in" library partition), interleaved runs with an empty library and with ${STORED} stored pictures (seeded once through the library's own store, src/library openPictureLibrary + add, in a second browser context; the empty condition's context never stored any).`,
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        loadAverageAtStart,
        loadAverageAtEnd: os.loadavg().map((v) => Number(v.toFixed(2))),
        chromium: browser.browser.version(),
      },
      settings: { runsPerCondition: runs, stored: STORED },
      ms: {
        firstPaint: {
          empty,
          [`stored${STORED}`]: full,
          ratioOfMedians: Number((full.median / empty.median).toFixed(3)),
          means: "page.goto → Prompt textbox visible",
        },
        libraryReady: {
          empty: summary(of(0, "libraryReadyMs")),
          [`stored${STORED}`]: summary(of(STORED, "libraryReadyMs")),
          means: "page.goto → History (n) shows the stored count (after first paint)",
        },
        panelFirstThumbnails: {
          ...panel,
          budget: BUDGET.panelFirstThumbnailsMs,
          withinBudget: panel.median <= BUDGET.panelFirstThumbnailsMs,
          means: `History's click event (its timeStamp) with ${STORED} stored → the frame in which the first thumbnail has loaded, page clock (a panel chunk not yet preloaded would be included)`,
        },
        panelFirstThumbnailsOutside: {
          ...summary(of(STORED, "panelFirstThumbnailsOutsideMs")),
          means:
            "the same from the bench's side: Playwright click() called → the page reported the thumbnail (Playwright's actionability checks and DevTools round trips included)",
        },
        panelFirstRow: {
          ...summary(of(STORED, "panelFirstRowMs")),
          means: `History's click event with ${STORED} stored → the frame with the first row of the list in the DOM (before its thumbnail has loaded)`,
        },
        panelChunkAfterClick: {
          runs: measured.filter((r) => r.stored === STORED && r.panelChunkAfterClick).length,
          of: runs,
          means: "runs in which the library panel's chunk was still requested after the click (0: preloaded before)",
        },
      },
      runsMs: measured.map(rounded),
    };
    fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
    fs.writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result.ms, null, 2));
    console.log(`[bench:pane-library] wrote ${path.relative(ROOT, RESULT_FILE)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await served?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:pane-library] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
