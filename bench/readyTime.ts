// Time to a usable Generate button, pane vs ../shared/perf-floor, built and measured in one run (`npm run bench:ready`).
//
// Both are built here (the pane's production build and the floor with the project's webpack, scripts/lib/firstPaint.cjs),
// served by a static server on a free port (port 0: no fixed ports, no lock needed), and loaded in Debian's Chromium
// with office.js (Microsoft's CDN URL) routed to a stand-in that says "Word". One measure per load: the page's own
// `performance.now()` (ms since its navigation started) when the button named exactly "Generate" is visible and
// enabled. Loads alternate pane / floor, BENCH_READY_RUNS (10, 1–50) each after one unmeasured warm-up of both,
// without throttling and again at 4× CPU throttling (CDP `Emulation.setCPUThrottlingRate`).
// Writes bench/results/ready-time.json; exits 1 when a median of the pane exceeds the floor's (target ≤ 1.0×).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser, type E2EBrowser } from "../test/support/browser";
import { serveFolder } from "./staticServer";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS helper shared with the first-paint bench
const { ROOT, buildFloor, buildPane } = require("../scripts/lib/firstPaint.cjs") as {
  ROOT: string;
  buildFloor(): Promise<string>;
  buildPane(out: string, mode: string): Promise<void>;
};

const RESULT_FILE = path.join(ROOT, "bench/results/ready-time.json");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const READY_TIMEOUT_MS = 60_000;
const RATES = [1, 4] as const;

/**
 * office.js stand-in: `Office.onReady` resolves with Word; requirement sets all supported; document events accepted
 * and never fired; `Word.run` rejects (no document), which the pane reports only when it is used.
 */
const OFFICE_STAND_IN = `
window.Office = {
  HostType: { Word: "Word", PowerPoint: "PowerPoint" },
  EventType: { DocumentSelectionChanged: "documentSelectionChanged" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  context: {
    displayLanguage: "en-US",
    requirements: { isSetSupported: function () { return true; } },
    document: {
      mode: "readWrite", url: "https://example.com/bench.docx",
      addHandlerAsync: function (type, handler, callback) { if (callback) callback({ status: "succeeded" }); },
      removeHandlerAsync: function (type, options, callback) { if (callback) callback({ status: "succeeded" }); },
    },
    ui: {},
  },
  onReady: function (callback) { var info = { host: "Word", platform: "OfficeOnline" }; if (callback) callback(info); return Promise.resolve(info); },
};
window.Word = { run: function () { return Promise.reject(new Error("bench: no document")); } };
`;

function runCount(): number {
  const raw = process.env.BENCH_READY_RUNS ?? "10";
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error(`BENCH_READY_RUNS must be an integer 1–50, got "${raw}"`);
  return runs;
}

/** One load of `url` at `rate`× CPU throttling: ms from navigation start to an enabled, visible "Generate". */
async function readyTime(browser: E2EBrowser, url: string, rate: number): Promise<number> {
  const page: Page = await browser.context.newPage();
  try {
    await page.route(OFFICE_CDN, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STAND_IN }));
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await page.goto(url, { waitUntil: "commit" });
    const handle = await page.waitForFunction(
      () => {
        const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Generate");
        if (!button || button.disabled || button.getAttribute("aria-disabled") === "true") return undefined;
        const box = button.getBoundingClientRect();
        return box.width > 0 && box.height > 0 ? performance.now() : undefined;
      },
      undefined,
      { polling: "raf", timeout: READY_TIMEOUT_MS },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main(): Promise<void> {
  const runs = runCount();
  const paneDir = fs.mkdtempSync(path.join(os.tmpdir(), "illustrate-ready-"));
  let floorDir: string | undefined;
  const servers: { close(): Promise<void> }[] = [];
  let browser: E2EBrowser | undefined;
  try {
    console.log("Building the pane (production) and the perf floor…");
    await buildPane(paneDir, "production");
    floorDir = await buildFloor();
    const pane = await serveFolder(paneDir);
    const floor = await serveFolder(path.join(floorDir, "dist"));
    servers.push(pane, floor);
    browser = await launchBrowser();
    const results: Record<string, unknown> = {};
    let met = true;
    for (const rate of RATES) {
      const times = { pane: [] as number[], floor: [] as number[] };
      await readyTime(browser, `${pane.origin}/taskpane.html`, rate); // warm-up (disk cache of the OS, Chromium's code cache)
      await readyTime(browser, `${floor.origin}/taskpane.html`, rate);
      for (let run = 0; run < runs; run++) {
        // Alternate which goes first, so drift on the shared machine falls on both alike.
        const order = run % 2 === 0 ? (["pane", "floor"] as const) : (["floor", "pane"] as const);
        for (const which of order) times[which].push(await readyTime(browser, `${(which === "pane" ? pane : floor).origin}/taskpane.html`, rate));
      }
      const ratio = Number((median(times.pane) / median(times.floor)).toFixed(3));
      met &&= ratio <= 1;
      results[`cpu${rate}x`] = {
        paneMedianMs: Math.round(median(times.pane)),
        floorMedianMs: Math.round(median(times.floor)),
        ratio,
        paneMs: times.pane.map(Math.round),
        floorMs: times.floor.map(Math.round),
      };
      console.log(`CPU ${rate}×: pane ${Math.round(median(times.pane))} ms, floor ${Math.round(median(times.floor))} ms → ${ratio}×`);
    }
    const result = {
      measuredAt: new Date().toISOString(),
      what: 'Navigation start → the button named "Generate" visible and enabled (page performance.now()), production pane vs ../shared/perf-floor, same run, alternating loads, office.js stand-in (host Word)',
      target: "pane ≤ 1.0 × floor at 1× and 4× CPU throttling (issue 11)",
      runsEach: runs,
      met,
      ...results,
    };
    fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
    fs.writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`${met ? "met" : "NOT met"}; written to ${path.relative(ROOT, RESULT_FILE)}`);
    if (!met) process.exitCode = 1;
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    fs.rmSync(paneDir, { recursive: true, force: true });
    if (floorDir) fs.rmSync(floorDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
