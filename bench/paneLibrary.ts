// Benchmark (`npm run bench:pane-library`): pane ready with 1,000 stored pictures vs an empty library (same run,
// interleaved), and opening History (the library panel) to its first thumbnails; writes bench/results/pane-library.json.
//
// Settings (environment): BENCH_PANE_LIBRARY_RUNS (6, 2–30) measured runs per condition after one warm-up run each.
// It starts `npm start`'s servers itself (as bench/pane.ts does) and refuses when something listens on 3000–3002.
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
import { startServers, stopServers, type RunningServers } from "../test/support/servers";
import { PANE_URL } from "../test/support/workbenchPage";

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
  /** Click on History → the first thumbnail `<img>` of the panel has loaded. */
  panelFirstThumbnailsMs: number;
}

const runCount = () => runCountFromEnv("BENCH_PANE_LIBRARY_RUNS", 6, 2, 30);
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
async function contextWithLibrary(browser: E2EBrowser, count: number, seedScript: string, imageBase64: string): Promise<E2EBrowser> {
  const context = await browser.browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 } });
  const withLibrary: E2EBrowser = { browser: browser.browser, context, close: () => context.close() };
  const page = await openPage(withLibrary);
  try {
    // A page of the origin that does not open the library itself (a 404 of the dev server is still same-origin).
    await page.goto(`${PANE_URL}/bench-seed-page`);
    // Evaluated through the DevTools protocol: the 404 page's CSP (default-src 'none') blocks a <script> tag.
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

async function measure(browser: E2EBrowser, stored: number): Promise<Run> {
  const page = await openPage(browser);
  try {
    const pane = page.locator('[data-pane-host="workbench-word"]');
    const navigated = performance.now();
    await page.goto(`${PANE_URL}/workbench.html?doc=word`, { waitUntil: "commit" });
    await pane.getByRole("textbox", { name: "Prompt" }).waitFor({ state: "visible", timeout: TIMEOUT_MS });
    const firstPaintMs = performance.now() - navigated;
    const header = pane.getByRole("button", { name: historyHeading(stored), exact: true });
    await header.waitFor({ state: "visible", timeout: TIMEOUT_MS });
    const libraryReadyMs = performance.now() - navigated;
    let panelFirstThumbnailsMs = Number.NaN;
    if (stored > 0) {
      const clicked = performance.now();
      await header.click();
      await page.waitForFunction(
        () => {
          const img = document.querySelector('[data-pane-host="workbench-word"] ul[aria-label] li img') as HTMLImageElement | null;
          return !!img && img.complete && img.naturalWidth > 0;
        },
        undefined,
        { polling: "raf", timeout: TIMEOUT_MS },
      );
      panelFirstThumbnailsMs = performance.now() - clicked;
      const rows = await pane.locator("ul[aria-label] li").count();
      if (rows >= stored) throw new Error(`the list rendered ${rows} rows of ${stored}: not virtualized`);
    }
    return { stored, firstPaintMs, libraryReadyMs, panelFirstThumbnailsMs };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const runs = runCount();
  await assertServerPortsFree();
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
  let servers: RunningServers | undefined;
  let browser: E2EBrowser | undefined;
  try {
    console.log("[bench:pane-library] starting the servers…");
    servers = await startServers();
    browser = await launchBrowser();
    const contexts = new Map<number, E2EBrowser>([[0, browser]]);
    console.log(`[bench:pane-library] seeding ${STORED} pictures through the library's own store…`);
    contexts.set(STORED, await contextWithLibrary(browser, STORED, seedScript, image));
    const contextOf = (stored: number) => contexts.get(stored)!;
    await measure(contextOf(0), 0); // warm-up of each context (HTTP cache, webpack chunks)
    await measure(contextOf(STORED), STORED);
    const measured: Run[] = [];
    for (let i = 0; i < runs; i += 1) {
      for (const stored of i % 2 === 0 ? [0, STORED] : [STORED, 0]) {
        const run = await measure(contextOf(stored), stored);
        measured.push(run);
        console.log(
          `[bench:pane-library] ${JSON.stringify({ ...run, firstPaintMs: Math.round(run.firstPaintMs), libraryReadyMs: Math.round(run.libraryReadyMs), panelFirstThumbnailsMs: Math.round(run.panelFirstThumbnailsMs) })}`,
        );
      }
    }
    const of = (stored: number, key: keyof Omit<Run, "stored">) => measured.filter((r) => r.stored === stored).map((r) => r[key]);
    const empty = summary(of(0, "firstPaintMs"));
    const full = summary(of(STORED, "firstPaintMs"));
    const panel = summary(of(STORED, "panelFirstThumbnailsMs"));
    const result = {
      what:
        "The real pane in the workbench (webpack dev server, development build, as `npm start`), Debian Chromium headless, signed out " +
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
          means: `click History with ${STORED} stored → first thumbnail loaded (lazy panel chunk included)`,
        },
      },
      runsMs: measured.map((r) => ({
        stored: r.stored,
        firstPaintMs: Math.round(r.firstPaintMs),
        libraryReadyMs: Math.round(r.libraryReadyMs),
        panelFirstThumbnailsMs: Number.isNaN(r.panelFirstThumbnailsMs) ? null : Math.round(r.panelFirstThumbnailsMs),
      })),
    };
    fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
    fs.writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result.ms, null, 2));
    console.log(`[bench:pane-library] wrote ${path.relative(ROOT, RESULT_FILE)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    if (servers) await stopServers(servers);
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:pane-library] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
