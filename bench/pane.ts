// Benchmark of the pane in the workbench (`npm run bench:pane`): first paint, Generate → results and Generate → picture
// in the Word page, in Debian's Chromium against `npm start`'s servers; writes bench/results/pane.json.
//
// Settings (environment): BENCH_PANE_RUNS (10, 1–50) measured runs after one unmeasured warm-up run.
// It starts the servers itself (scripts/start.mjs --no-open, as the E2E tests do) and stops them again; it refuses to
// start when something already listens on 3000–3002, so it never measures someone else's servers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchBrowser, openPage, type E2EBrowser } from "../test/support/browser";
import { assertServerPortsFree } from "./freePorts";
import { percentile, runCountFromEnv } from "./stats";
import { startServers, stopServers, type RunningServers } from "../test/support/servers";
import { ensureSignedIn } from "../test/support/signIn";
import { PANE_URL } from "../test/support/workbenchPage";
import { pictureAfter, readyLandscapeGenerate } from "./workbenchPicture";

const ROOT = path.resolve(__dirname, "..");
const RESULT_FILE = path.join(ROOT, "bench/results/pane.json");
const BUNDLE_SIZE_FILE = path.join(ROOT, "bench/results/bundle-size.json");
const MAX_RUNS = 50;
/** Limits of one measured step; a run that exceeds one fails the benchmark (no number is made up). */
const FIRST_PAINT_TIMEOUT_MS = 60_000;
const GENERATE_TIMEOUT_MS = 120_000;

/** `run` with whole milliseconds, for the log and the runs list. */
function rounded(run: Run): Run {
  const page = Object.fromEntries(Object.entries(run.page).map(([key, value]) => [key, Math.round(value)])) as Run["page"];
  return {
    firstPaintMs: Math.round(run.firstPaintMs),
    page,
    generateToResultsMs: Math.round(run.generateToResultsMs),
    generateToPictureMs: Math.round(run.generateToPictureMs),
  };
}

/** One measured run, milliseconds (wall clock in this process, `performance.now()`). */
interface Run {
  /** `page.goto` of the workbench → the pane's "Prompt" textbox is visible. */
  firstPaintMs: number;
  /** Where that time went, from the page's own Navigation Timing (ms since its navigation started). */
  page: { responseEnd: number; domContentLoaded: number; promptSeen: number };
  /** Just before the Generate click → the new "Option 1" result is visible. */
  generateToResultsMs: number;
  /** Just before the Generate click → the inserted picture after the paragraph is loaded (choose + Insert included). */
  generateToPictureMs: number;
}

/** The number of measured runs from BENCH_PANE_RUNS. @throws on anything but an integer 1–50. */
const runCount = () => runCountFromEnv("BENCH_PANE_RUNS", 10, 1, MAX_RUNS);

function stats(values: number[]): { p50: number; p90: number; max: number; min: number } {
  const round = (value: number) => Math.round(value);
  return { p50: round(percentile(values, 50)), p90: round(percentile(values, 90)), max: round(Math.max(...values)), min: round(Math.min(...values)) };
}

/** The initial JS+CSS gzip bytes per page from bench/results/bundle-size.json (scripts/bundle-size.mjs), if it exists. */
function bundleSizes(): Record<string, unknown> | undefined {
  if (!fs.existsSync(BUNDLE_SIZE_FILE)) return undefined;
  const report = JSON.parse(fs.readFileSync(BUNDLE_SIZE_FILE, "utf8")) as {
    measuredAt?: string;
    pages?: Record<string, { initial?: { gzipBytes?: number }; officeJs?: { gzipBytes?: number } }>;
  };
  const initialGzipBytes = Object.fromEntries(Object.entries(report.pages ?? {}).map(([name, page]) => [name, page.initial?.gzipBytes]));
  const officeJsGzipBytes = Object.values(report.pages ?? {}).find((page) => page.officeJs)?.officeJs?.gzipBytes;
  return { from: path.relative(ROOT, BUNDLE_SIZE_FILE), measuredAt: report.measuredAt, initialGzipBytes, officeJsGzipBytes };
}

/** One run on a fresh page: open the workbench, select the paragraph, Landscape, 1 picture, Generate, Insert. */
async function measureRun(browser: E2EBrowser): Promise<Run> {
  const page = await openPage(browser);
  try {
    const pane = page.locator('[data-pane-host="workbench-word"]');
    const prompt = pane.getByRole("textbox", { name: "Prompt" });
    const navigated = performance.now();
    await page.goto(`${PANE_URL}/workbench.html?doc=word`, { waitUntil: "commit" });
    await prompt.waitFor({ state: "visible", timeout: FIRST_PAINT_TIMEOUT_MS });
    const firstPaintMs = performance.now() - navigated;
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return { responseEnd: nav?.responseEnd ?? NaN, domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN, promptSeen: performance.now() };
    });

    await ensureSignedIn(page, pane); // the first run signs in at the issuer; later ones find MSAL's cached account
    const { paragraph, fresh, previousSrc } = await readyLandscapeGenerate(page, pane);

    const clicked = performance.now();
    await pane.getByRole("button", { name: "Generate" }).click();
    await fresh.waitFor({ state: "visible", timeout: GENERATE_TIMEOUT_MS });
    const generateToResultsMs = performance.now() - clicked;
    await fresh.check();
    await pane.getByRole("button", { name: /^Insert after selection/ }).click();
    await pictureAfter(page, paragraph, previousSrc);
    const generateToPictureMs = performance.now() - clicked;

    // What was measured really is one landscape picture.
    if ((await pane.getByRole("radio", { name: "Option 2" }).count()) !== 0) throw new Error("Expected 1 result, the pane shows more");
    const natural = await paragraph.evaluate((element) => {
      const next = element.nextElementSibling!;
      const img = (next.matches("img") ? next : next.querySelector("img")) as HTMLImageElement;
      return [img.naturalWidth, img.naturalHeight];
    });
    if (!(natural[0] > natural[1])) throw new Error(`Expected a landscape picture, got ${natural.join(" × ")} px`);
    return { firstPaintMs, page: timing, generateToResultsMs, generateToPictureMs };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const runs = runCount();
  await assertServerPortsFree();
  const loadAverageAtStart = os.loadavg().map((value) => Number(value.toFixed(2)));
  const started = new Date();

  let servers: RunningServers | undefined;
  let browser: E2EBrowser | undefined;
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    browser = undefined;
    if (servers) await stopServers(servers);
    servers = undefined;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`[bench:pane] ${signal}: stopping the servers`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    console.log("[bench:pane] starting the servers (the first webpack compile takes a minute or two)…");
    servers = await startServers();
    browser = await launchBrowser();
    console.log("[bench:pane] warm-up run (signs in, fills the browser cache; not measured)…");
    await measureRun(browser);
    const measured: Run[] = [];
    for (let i = 0; i < runs; i += 1) {
      const run = await measureRun(browser);
      measured.push(run);
      console.log(`[bench:pane] run ${i + 1}/${runs}: ${JSON.stringify(rounded(run))}`);
    }
    const summary = {
      what:
        "The real task pane in the workbench (https://localhost:3000/workbench.html?doc=word, webpack dev server in development mode, as `npm start`), " +
        "Debian Chromium headless via playwright-core, signed in at the local issuer, gateway with the local (offline) provider; " +
        "landscape, 1 picture, the paragraph 'A misty mountain lake at dawn'. Each run opens a fresh page in the same browser context (warm HTTP and MSAL cache).",
      date: started.toISOString(),
      machine: {
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
        loadAverageAtStart,
        loadAverageAtEnd: os.loadavg().map((value) => Number(value.toFixed(2))),
        chromium: browser.browser.version(),
      },
      settings: { runs, warmupRuns: 1, aspect: "landscape", count: 1, style: "none", provider: "local", paneBuild: "development (webpack serve)" },
      ms: {
        firstPaint: { ...stats(measured.map((r) => r.firstPaintMs)), means: "page.goto → the pane's Prompt textbox visible" },
        firstPaintInPageP50: {
          responseEnd: Math.round(
            percentile(
              measured.map((r) => r.page.responseEnd),
              50,
            ),
          ),
          domContentLoaded: Math.round(
            percentile(
              measured.map((r) => r.page.domContentLoaded),
              50,
            ),
          ),
          promptSeen: Math.round(
            percentile(
              measured.map((r) => r.page.promptSeen),
              50,
            ),
          ),
          means:
            "Navigation Timing in the page (ms from its navigation start): HTML received, DOMContentLoaded (office.js and the deferred bundle run), the test saw the Prompt",
        },
        generateToResults: { ...stats(measured.map((r) => r.generateToResultsMs)), means: "Generate click → the new Option 1 result visible" },
        generateToPicture: {
          ...stats(measured.map((r) => r.generateToPictureMs)),
          means: "Generate click → the picture loaded in the Word page (choose Option 1 and Insert included)",
        },
      },
      runsMs: measured.map(rounded),
      bundleSize: bundleSizes() ?? "bench/results/bundle-size.json not found (node scripts/bundle-size.mjs writes it)",
    };
    fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
    fs.writeFileSync(RESULT_FILE, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(JSON.stringify(summary, null, 2));
    console.log(`[bench:pane] wrote ${path.relative(ROOT, RESULT_FILE)}`);
  } finally {
    await stopAll();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:pane] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
