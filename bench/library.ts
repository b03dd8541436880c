// Benchmark of the picture library (`npm run bench:library`) in Debian's Chromium: with 1,000 stored pictures,
// open → first page of thumbnails, search over 1,000 prompts, saving one 1536×1024 PNG; writes bench/results/library.json.
//
// The store runs in a tiny page (bench/library/libraryPage.ts, bundled here with webpack) served on a port the OS
// picks (port 0), so it needs no lock and measures nobody's servers. Settings: BENCH_LIBRARY_RUNS (10, 10–50).
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { launchBrowser, openPage } from "../test/support/browser";
import { bundlePage } from "./bundlePage";
import { median, runCountFromEnv } from "./stats";

const ROOT = path.resolve(__dirname, "..");
const RESULT_FILE = path.join(ROOT, "bench/results/library.json");
/** Pictures stored for the measurements (BENCH_LIBRARY_STORED only to try the bench quickly; results need 1,000). */
const STORED = Number(process.env.BENCH_LIBRARY_STORED ?? 1000);
const PAGE_SIZE = 30;
const QUERIES = [
  "lighthouse",
  "cafe",
  "CASTLE river",
  "Picture 99",
  "robot garden",
  "nothing like this",
  "harbour",
  "désert",
  "city market",
  "forest",
];
const BUDGET = { firstThumbnailsMs: 300, searchMs: 50, saveMs: 100 };

type Bench = {
  seed(account: string, count: number): Promise<{ thumbnailBytes: number; persistent: boolean }>;
  firstPage(
    account: string,
    limit: number,
  ): Promise<{ openMs: number; listMs: number; decodeMs: number; totalMs: number; items: number; total: number; decoded: number }>;
  search(account: string, queries: string[]): Promise<{ times: number[]; hits: number[] }>;
  save(account: string, runs: number): Promise<{ times: number[]; withThumbnail: number[]; bytes: number }>;
  profileSave(): Promise<{ checkMs: number; decodeMs: number; thumbnailMs: number; bytes: number }>;
};

const runCount = () => runCountFromEnv("BENCH_LIBRARY_RUNS", 10, 10, 50);
const round1 = (value: number) => Math.round(value * 10) / 10;
const summary = (values: number[]) => ({
  median: round1(median(values)),
  min: round1(Math.min(...values)),
  max: round1(Math.max(...values)),
  runs: values.length,
});

/** A 1536×1024 PNG that compresses like a generated picture (gradients plus noise), not like a flat colour. */
async function bigPng(): Promise<Buffer> {
  const width = 1536;
  const height = 1024;
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed >> 16) % 24;
      const i = (y * width + x) * 3;
      pixels[i] = (x / 6 + noise) & 255;
      pixels[i + 1] = (y / 4 + noise) & 255;
      pixels[i + 2] = ((x + y) / 10 + noise) & 255;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** Serves the page, its bundle and the two pictures on 127.0.0.1, port 0. */
function serve(files: Record<string, { type: string; body: Buffer | string }>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://x").pathname];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": file.type, "cache-control": "no-store" }).end(file.body);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

async function main(): Promise<void> {
  const runs = runCount();
  const loadAverageAtStart = os.loadavg().map(round1);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "illustrate-bench-library-"));
  console.log("bundling the bench page…");
  await bundlePage("./bench/library/libraryPage.ts", outDir, "library");
  const big = await bigPng();
  const small = await sharp({ create: { width: 64, height: 43, channels: 3, background: "#336699" } })
    .png()
    .toBuffer();
  const server = await serve({
    "/": { type: "text/html", body: '<!doctype html><meta charset="utf-8"><title>library bench</title><script src="/library.js"></script>' },
    "/library.js": { type: "text/javascript", body: fs.readFileSync(path.join(outDir, "library.js")) },
    "/big.png": { type: "image/png", body: big },
    "/small.png": { type: "image/png", body: small },
  });
  const browser = await launchBrowser();
  try {
    const page = await openPage(browser);
    await page.goto(server.url);
    await page.waitForFunction(() => document.title === "library bench ready");
    const call = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
      page.evaluate(([n, a]) => (window as unknown as { libraryBench: Record<string, (...x: unknown[]) => unknown> }).libraryBench[n](...a), [
        name,
        args,
      ] as const) as ReturnType<Bench[K]>;

    console.log(`seeding ${STORED} pictures…`);
    const seeded = await call("seed", "bench-full", STORED);
    if (!seeded.persistent) throw new Error("IndexedDB was not available in Chromium; the numbers would be the memory store's");
    await call("seed", "bench-empty", 0);

    const firstFull: Awaited<ReturnType<Bench["firstPage"]>>[] = [];
    const firstEmpty: Awaited<ReturnType<Bench["firstPage"]>>[] = [];
    await call("firstPage", "bench-full", PAGE_SIZE); // warm-up, not counted
    for (let i = 0; i < runs; i += 1) {
      firstFull.push(await call("firstPage", "bench-full", PAGE_SIZE));
      firstEmpty.push(await call("firstPage", "bench-empty", PAGE_SIZE));
    }
    if (firstFull.some((run) => run.decoded !== PAGE_SIZE || run.total !== STORED)) throw new Error("first page did not show 30 thumbnails of 1,000");

    const searchTimes: number[] = [];
    let hits: number[] = [];
    for (let i = 0; i < Math.ceil(runs / QUERIES.length) + 1; i += 1) {
      const result = await call("search", "bench-full", QUERIES);
      if (i > 0) searchTimes.push(...result.times); // first round warms up
      hits = result.hits;
    }

    await call("save", "bench-full", 2); // warm-up
    const saved = await call("save", "bench-full", runs);
    const profiles: Awaited<ReturnType<Bench["profileSave"]>>[] = [];
    for (let i = 0; i < runs; i += 1) profiles.push(await call("profileSave"));

    const result = {
      what:
        "The picture library store (src/library, Dexie 4.4.7) in Debian Chromium headless via playwright-core, real IndexedDB on a " +
        "tiny page (bench/library/libraryPage.ts, webpack production bundle) over http://127.0.0.1 (port 0). 1,000 stored pictures: " +
        "each with a real 256 px WebP thumbnail made by the canvas thumbnailer from a 1536×1024 picture, and a 64×43 PNG as its " +
        "full bytes (1,000 full-size pictures would be ~2 GB of disk on a shared machine; list and search never read the images " +
        "table). Times measured in the page with performance.now().",
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        loadAverageAtStart,
        loadAverageAtEnd: os.loadavg().map(round1),
        chromium: browser.browser.version(),
      },
      settings: {
        runs,
        stored: STORED,
        pageSize: PAGE_SIZE,
        thumbnailBytes: seeded.thumbnailBytes,
        savedPictureBytes: saved.bytes,
        queries: QUERIES,
        hitsPerQuery: hits,
      },
      budget: BUDGET,
      results: {
        firstThumbnails1000: {
          what: "fresh openPictureLibrary (new connection) → list({limit: 30}) → 30 thumbnails decoded into <img>",
          totalMs: summary(firstFull.map((run) => run.totalMs)),
          openMs: summary(firstFull.map((run) => run.openMs)),
          listMs: summary(firstFull.map((run) => run.listMs)),
          decodeMs: summary(firstFull.map((run) => run.decodeMs)),
        },
        firstPageEmpty: { what: "the same with an empty library", totalMs: summary(firstEmpty.map((run) => run.totalMs)) },
        ratioFullToEmpty: round1(median(firstFull.map((run) => run.totalMs)) / Math.max(0.1, median(firstEmpty.map((run) => run.totalMs)))),
        search1000: { what: "list({search, limit: 30}) over 1,000 prompts on an open library, one sample per query", ms: summary(searchTimes) },
        save1536x1024: {
          what: "add() of a picture as the ImageClient returns it (checked by validateImageBase64, which keeps its decoded bytes) until committed: one IndexedDB transaction of metadata + bytes, no second base64 decode; the thumbnail is made after the commit",
          ms: summary(saved.times),
          withThumbnailMs: summary(saved.withThumbnail),
          withThumbnailWhat: "add() + settled(): the canvas WebP thumbnail made and stored after the commit",
        },
        saveParts: {
          what: "parts on their own (same picture): the full image checks (validateImageBase64, run by get(), not add()), base64 decode (base64ToBytes), canvas thumbnail",
          checkMs: summary(profiles.map((p) => p.checkMs)),
          decodeMs: summary(profiles.map((p) => p.decodeMs)),
          thumbnailMs: summary(profiles.map((p) => p.thumbnailMs)),
        },
      },
      withinBudget: {
        firstThumbnails: median(firstFull.map((run) => run.totalMs)) <= BUDGET.firstThumbnailsMs,
        search: median(searchTimes) <= BUDGET.searchMs,
        save: median(saved.times) <= BUDGET.saveMs,
      },
    };
    fs.writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result.results, null, 2));
    console.log(`within budget: ${JSON.stringify(result.withinBudget)} → ${path.relative(ROOT, RESULT_FILE)}`);
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
