// Benchmark (`npm run bench:pane-library`): pane ready with 1,000 stored pictures vs an empty library (same run,
// interleaved), and opening History (the library panel) to its first thumbnails; writes bench/results/pane-library.json.
//
// Settings (environment): BENCH_PANE_LIBRARY_RUNS (6, 2–30) measured runs per condition after one warm-up run each.
// It starts `npm start`'s servers itself (as bench/pane.ts does) and refuses when something listens on 3000–3002.
// The library is seeded in the page's origin with raw IndexedDB in the layout Dexie gives schema v2 (`src/library/
// schema.ts`: IndexedDB version 20, stores pictures/images/thumbnails), signed out (the "not signed in" partition).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { Page } from "playwright-core";
import { launchBrowser, openPage, type E2EBrowser } from "../test/support/browser";
import { assertServerPortsFree } from "./freePorts";
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

function runCount(): number {
  const raw = process.env.BENCH_PANE_LIBRARY_RUNS ?? "6";
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 2 || runs > 30) throw new Error(`BENCH_PANE_LIBRARY_RUNS must be an integer 2–30, got "${raw}"`);
  return runs;
}


const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const summary = (values: number[]) => ({ median: Math.round(median(values)), min: Math.round(Math.min(...values)), max: Math.round(Math.max(...values)) });

/** Empties the signed-out library of the origin and stores `count` pictures (small real PNGs, real thumbnails). */
async function seed(page: Page, count: number, imageBase64: string, thumbBase64: string): Promise<void> {
  // A page of the origin that does not open the library itself (a 404 of the dev server is still same-origin).
  await page.goto(`${PANE_URL}/bench-seed-page`);
  await page.evaluate(
    async ({ count, imageBase64, thumbBase64 }) => {
      const name = "illustrate-library-signed-out";
      const done = (request: IDBRequest | IDBTransaction) =>
        new Promise<void>((resolve, reject) => {
          if ("oncomplete" in request) {
            request.oncomplete = () => resolve();
            request.onerror = () => reject(request.error);
          } else {
            (request as IDBRequest).onsuccess = () => resolve();
            (request as IDBRequest).onerror = () => reject((request as IDBRequest).error);
          }
        });
      const del = indexedDB.deleteDatabase(name);
      await done(del);
      if (count === 0) return;
      const open = indexedDB.open(name, 20);
      open.onupgradeneeded = () => {
        const db = open.result;
        const pictures = db.createObjectStore("pictures", { keyPath: "id" });
        pictures.createIndex("created", "created");
        pictures.createIndex("documentIds", "documentIds", { multiEntry: true });
        db.createObjectStore("images", { keyPath: "id" });
        db.createObjectStore("thumbnails", { keyPath: "id" });
      };
      await done(open);
      const db = open.result;
      const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const image = bytes(imageBase64);
      const thumb = bytes(thumbBase64);
      const words = ["lighthouse", "café", "castle", "river", "robot", "garden", "harbour", "désert", "city", "forest"];
      const tx = db.transaction(["pictures", "images", "thumbnails"], "readwrite");
      const start = Date.UTC(2026, 0, 1);
      for (let i = 0; i < count; i += 1) {
        const id = `seed-${i}`;
        const prompt = `Picture ${i}: a ${words[i % words.length]} by a ${words[(i * 7) % words.length]} at dusk`;
        tx.objectStore("pictures").put({
          id,
          created: start + i * 60_000,
          prompt,
          searchText: prompt.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(),
          style: "none",
          aspect: "landscape",
          backend: { provider: "local", model: "local-renderer", offline: true },
          mimeType: "image/png",
          widthPx: 1536,
          heightPx: 1024,
          byteLength: image.byteLength,
          thumbnailBytes: thumb.byteLength,
          pinned: 0,
          insertedCount: 0,
          insertions: [],
          documentIds: [],
        });
        tx.objectStore("images").put({ id, bytes: image });
        tx.objectStore("thumbnails").put({ id, thumbnail: { bytes: thumb, mimeType: "image/webp", size: { widthPx: 96, heightPx: 64 } } });
      }
      await done(tx);
      db.close();
    },
    { count, imageBase64, thumbBase64 },
  );
}

async function measure(browser: E2EBrowser, stored: number, imageBase64: string, thumbBase64: string): Promise<Run> {
  const page = await openPage(browser);
  try {
    await seed(page, stored, imageBase64, thumbBase64);
    const pane = page.locator('[data-pane-host="workbench-word"]');
    const navigated = performance.now();
    await page.goto(`${PANE_URL}/workbench.html?doc=word`, { waitUntil: "commit" });
    await pane.getByRole("textbox", { name: "Prompt" }).waitFor({ state: "visible", timeout: TIMEOUT_MS });
    const firstPaintMs = performance.now() - navigated;
    const header = pane.getByRole("button", { name: `History (${stored})` });
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
  const image = (await sharp({ create: { width: 1536, height: 1024, channels: 3, background: "#336699" } }).png().toBuffer()).toString("base64");
  const thumb = (await sharp({ create: { width: 96, height: 64, channels: 3, background: "#993366" } }).webp().toBuffer()).toString("base64");
  let servers: RunningServers | undefined;
  let browser: E2EBrowser | undefined;
  try {
    console.log("[bench:pane-library] starting the servers…");
    servers = await startServers();
    browser = await launchBrowser();
    await measure(browser, 0, image, thumb); // warm-up (HTTP cache, webpack chunks)
    await measure(browser, STORED, image, thumb);
    const measured: Run[] = [];
    for (let i = 0; i < runs; i += 1) {
      for (const stored of i % 2 === 0 ? [0, STORED] : [STORED, 0]) {
        const run = await measure(browser, stored, image, thumb);
        measured.push(run);
        console.log(`[bench:pane-library] ${JSON.stringify({ ...run, firstPaintMs: Math.round(run.firstPaintMs), libraryReadyMs: Math.round(run.libraryReadyMs), panelFirstThumbnailsMs: Math.round(run.panelFirstThumbnailsMs) })}`);
      }
    }
    const of = (stored: number, key: keyof Omit<Run, "stored">) => measured.filter((r) => r.stored === stored).map((r) => r[key]);
    const empty = summary(of(0, "firstPaintMs"));
    const full = summary(of(STORED, "firstPaintMs"));
    const panel = summary(of(STORED, "panelFirstThumbnailsMs"));
    const result = {
      what:
        "The real pane in the workbench (webpack dev server, development build, as `npm start`), Debian Chromium headless, signed out " +
        `(the "not signed in" library partition), interleaved runs with an empty library and with ${STORED} stored pictures (seeded with raw IndexedDB in Dexie's v2 layout).`,
      date: new Date().toISOString(),
      machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverageAtStart, loadAverageAtEnd: os.loadavg().map((v) => Number(v.toFixed(2))), chromium: browser.browser.version() },
      settings: { runsPerCondition: runs, stored: STORED },
      ms: {
        firstPaint: { empty, [`stored${STORED}`]: full, ratioOfMedians: Number((full.median / empty.median).toFixed(3)), means: "page.goto → Prompt textbox visible" },
        libraryReady: { empty: summary(of(0, "libraryReadyMs")), [`stored${STORED}`]: summary(of(STORED, "libraryReadyMs")), means: "page.goto → History (n) shows the stored count (after first paint)" },
        panelFirstThumbnails: { ...panel, budget: BUDGET.panelFirstThumbnailsMs, withinBudget: panel.median <= BUDGET.panelFirstThumbnailsMs, means: `click History with ${STORED} stored → first thumbnail loaded (lazy panel chunk included)` },
      },
      runsMs: measured.map((r) => ({ stored: r.stored, firstPaintMs: Math.round(r.firstPaintMs), libraryReadyMs: Math.round(r.libraryReadyMs), panelFirstThumbnailsMs: Number.isNaN(r.panelFirstThumbnailsMs) ? null : Math.round(r.panelFirstThumbnailsMs) })),
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
