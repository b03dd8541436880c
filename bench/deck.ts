// Benchmark of the whole-deck flow in the workbench (`npm run bench:deck`): Generate all → last picture ready with a
// fixed-latency image provider, Insert accepted for 10 items, the pane's JS heap after a 40-item run; writes
// bench/results/deck.json. (The README's review-grid screenshot, docs/images/deck-review.png, shows the local backend's
// pictures; this bench's upstream answers one scene for every prompt, so it takes none.)
//
// The fixed-latency provider: the gateway's azure-openai provider on bench/noiseUpstream.ts, a fake Azure OpenAI
// image API in its own process that streams each picture (2 previews, then the offline renderer's 1536×1024 scene)
// BENCH_DECK_LATENCY_MS (2000) after its request arrived. The path is the user's: pane → gateway (JWT, queue,
// provenance) → upstream. The budget k is the pane's build setting (ILLUSTRATE_DECK_CONCURRENCY): the servers are
// started once per k of BENCH_DECK_KS (default "2,4"); the 10-item run is measured for each k, the 40-item run
// (insert time, heap) for the first k only. The upstream logs when each request arrived and when
// its picture was written, so the result also says how long the pane and gateway took from a freed slot to the next
// request (`gapsMs`) and from the last answer to "All pictures are made".
// The document is the workbench's Word page seeded (sessionStorage, as a reload keeps it) with N Heading 1 sections.
// It starts the servers itself and refuses to when something listens on 3000–3002. Run it under the E2E lock.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { launchBrowser, openPage, type E2EBrowser } from "../test/support/browser";
import { startServers, stopServers, type RunningServers } from "../test/support/servers";
import { E2E_ACCOUNT, ensureSignedIn } from "../test/support/signIn";
import { PANE_URL } from "../test/support/workbenchPage";
import { MAX_ITEMS_PER_RUN } from "../src/core/deck";
import { assertServerPortsFree } from "./freePorts";
import { startNoiseUpstream, useUpstreamForGateway, type NoiseUpstream, type UpstreamRequest } from "./noiseUpstreamProcess";

const ROOT = path.resolve(__dirname, "..");
const RESULT_FILE = path.join(ROOT, "bench/results/deck.json");
const LATENCY_MS = Number(process.env.BENCH_DECK_LATENCY_MS ?? "2000");
/** The budgets measured (each a pane build with ILLUSTRATE_DECK_CONCURRENCY = k). */
const KS = (process.env.BENCH_DECK_KS ?? "2,4").split(",").map((k) => Number(k.trim()));
/** The Word page's storage key (src/workbench/documents.ts). */
const WORD_PAGE_KEY = "illustrate.workbench.wordPage.v1";

/** Section topics for the seeded page (cycled; each section gets a heading and one paragraph). */
const TOPICS: [string, string][] = [
  ["Quarterly revenue up in Europe", "Strong growth in Germany and France, with new customers in retail."],
  ["Our team", "We are hiring engineers and designers in three offices."],
  ["Customer satisfaction", "Support response times halved after the new help desk."],
  ["Security first", "Zero trust across the network and hardware keys for every account."],
  ["Cloud launch", "The hosted product opens to everyone in spring."],
  ["Sustainability", "Our data centres now run on wind and solar power."],
  ["Partnerships", "Three new resellers in Asia bring local support."],
  ["Research", "A small lab explores faster image models on laptops."],
];

/** A Word page of `n` sections (Heading 1 + a paragraph each) as the workbench stores it. */
function seededWordPage(n: number): string {
  const blocks = Array.from({ length: n }, (_, i) => {
    const [title, body] = TOPICS[i % TOPICS.length];
    return [
      { kind: "paragraph", id: `p${2 * i + 1}`, text: `${title} (${i + 1})`, style: "heading1" },
      { kind: "paragraph", id: `p${2 * i + 2}`, text: body, style: "normal" },
    ];
  }).flat();
  return JSON.stringify({ blocks, nextId: 2 * n + 1 });
}

/**
 * Where the time went, from the upstream's log: with k slots the j-th request (j ≥ k, in arrival order) took the
 * slot the (j − k)-th answer freed; its gap is how long the pane and gateway took to send it after that answer.
 */
function timeline(requests: readonly UpstreamRequest[], k: number, startedAt: number, readyAt: number) {
  const arrived = requests.map((r) => r.arrived).sort((a, b) => a - b);
  const answered = requests.map((r) => r.answered ?? NaN).sort((a, b) => a - b);
  const gaps = arrived.slice(k).map((at, j) => Math.max(0, at - answered[j]));
  const round = (n: number) => Math.round(n);
  return {
    clickToFirstRequestMs: round(arrived[0] - startedAt),
    gapsMs: { count: gaps.length, mean: round(gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length)), max: round(Math.max(0, ...gaps)) },
    overLatencyMsMax: round(Math.max(...requests.map((r) => (r.answered ?? NaN) - r.arrived - LATENCY_MS))),
    lastAnswerToReadyMs: round(readyAt - answered[answered.length - 1]),
  };
}

interface RunResult {
  k: number;
  items: number;
  requests: number;
  timeline: ReturnType<typeof timeline>;
  generateToLastReadyMs: number;
  insertAcceptedMs: number;
  heap?: { jsHeapUsedMB: number; jsHeapTotalMB: number };
}

/** One run in a fresh browser context: seed `sections`, open the deck panel, Generate all, accept all, Insert accepted. */
async function measureRun(upstream: NoiseUpstream, k: number, sections: number): Promise<RunResult> {
  const browser: E2EBrowser = await launchBrowser();
  try {
    const page = await openPage(browser);
    // Every document of the page runs it; only the workbench's may use sessionStorage (the sign-in page's may not).
    await page.addInitScript(
      ([key, value]) => {
        try {
          if (window.location.pathname.endsWith("/workbench.html")) window.sessionStorage.setItem(key, value);
        } catch {
          // not the workbench's document
        }
      },
      [WORD_PAGE_KEY, seededWordPage(sections)] as const,
    );
    await page.goto(`${PANE_URL}/workbench.html?doc=word`);
    const pane = page.locator(`[data-pane-host="workbench-word"]`);
    await ensureSignedIn(page, pane, E2E_ACCOUNT);
    await pane.getByRole("button", { name: "Illustrate sections…" }).click();
    const generateAll = pane.getByRole("button", { name: "Generate all" });
    await generateAll.waitFor({ timeout: 60_000 });
    const ticked = await pane.getByRole("checkbox", { checked: true }).count();
    if (ticked !== Math.min(sections, MAX_ITEMS_PER_RUN))
      throw new Error(`expected ${Math.min(sections, MAX_ITEMS_PER_RUN)} sections ticked, saw ${ticked}`);
    await waitForPrompts(page, pane, ticked);

    // Timed in the page (click → the text is in the DOM), not by Playwright's polling, which looks every few hundred ms.
    const ready = await stampWhen(page, "All pictures are made", "Generate all");
    const logged = (await upstream.log()).length;
    await generateAll.click();
    const generated = await ready.done();
    const generateToLastReadyMs = generated.ms;
    const requests = (await upstream.log()).slice(logged);
    const startedAt = generated.clickedAt;
    const readyAt = generated.seenAt;

    await pane.getByRole("button", { name: "Accept all ready" }).click();
    const inserted = await stampWhen(page, `Inserted ${ticked} of ${ticked}.`, "Insert accepted");
    await pane.getByRole("button", { name: "Insert accepted" }).click();
    const insertAcceptedMs = (await inserted.done()).ms;

    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) / 2 ** 20;
    return {
      k,
      items: ticked,
      requests: requests.length,
      timeline: timeline(requests, k, startedAt, readyAt),
      generateToLastReadyMs: Math.round(generateToLastReadyMs),
      insertAcceptedMs: Math.round(insertAcceptedMs),
      heap: { jsHeapUsedMB: Number(metric("JSHeapUsedSize").toFixed(1)), jsHeapTotalMB: Number(metric("JSHeapTotalSize").toFixed(1)) },
    };
  } finally {
    await browser.close();
  }
}

/**
 * Stamps, in the page, when a button named `button` is clicked and when `text` first appears in the page's text
 * (a MutationObserver), as epoch ms. `done()` waits for both (10 minutes at most) and returns them with the span.
 */
async function stampWhen(page: Page, text: string, button: string) {
  const key = `__stamp_${Math.random().toString(36).slice(2)}`;
  // A string, not a function: tsx (esbuild keepNames) would wrap the inner functions in a `__name` helper the page lacks.
  await page.evaluate(`(() => {
    const [key, text, button] = ${JSON.stringify([key, text, button])};
    const now = () => performance.timeOrigin + performance.now();
    const record = {};
    window[key] = record;
    const onClick = (event) => {
      const target = event.target && event.target.closest ? event.target.closest("button") : null;
      if (target && (target.textContent || "").trim().startsWith(button) && record.clickedAt === undefined) record.clickedAt = now();
    };
    document.addEventListener("click", onClick, true);
    const observer = new MutationObserver(() => {
      if (record.clickedAt !== undefined && (document.body.textContent || "").includes(text)) {
        record.seenAt = now();
        observer.disconnect();
        document.removeEventListener("click", onClick, true);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  return {
    async done(): Promise<{ clickedAt: number; seenAt: number; ms: number }> {
      const handle = await page.waitForFunction(
        (key) => {
          const record = (window as unknown as Record<string, { clickedAt?: number; seenAt?: number }>)[key];
          return record.seenAt !== undefined ? record : undefined;
        },
        key,
        { timeout: 10 * 60_000, polling: 250 },
      );
      const { clickedAt, seenAt } = (await handle.jsonValue()) as { clickedAt: number; seenAt: number };
      return { clickedAt, seenAt, ms: Math.round(seenAt - clickedAt) };
    },
  };
}

/** Waits until every ticked item's prompt box has its brief (the local writer fills them after listing). */
async function waitForPrompts(page: Page, pane: Locator, count: number): Promise<void> {
  const boxes = pane.getByRole("textbox", { name: /^Prompt for Section / });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const values = await boxes.evaluateAll((elements) => elements.map((e) => (e as HTMLTextAreaElement).value));
    if (values.length >= count && values.every((v) => v !== "")) return;
    await page.waitForTimeout(200);
  }
  throw new Error("the prompts were not written within 60 s");
}

async function main(): Promise<void> {
  await assertServerPortsFree();
  const loadAverageAtStart = os.loadavg().map((value) => Number(value.toFixed(2)));
  let servers: RunningServers | undefined;
  const upstream = await startNoiseUpstream();
  const stop = async () => {
    if (servers) await stopServers(servers);
    servers = undefined;
  };
  process.once("SIGINT", () => void stop().finally(() => process.exit(130)));
  process.once("SIGTERM", () => void stop().finally(() => process.exit(130)));
  const tenItems: (RunResult & Record<string, unknown>)[] = [];
  let forty: RunResult | undefined;
  try {
    await upstream.setPicture("scene");
    await upstream.setLatency(LATENCY_MS);
    useUpstreamForGateway(upstream);
    for (const [index, k] of KS.entries()) {
      // The pane's budget is a build setting: this start's webpack build bakes it in.
      process.env.ILLUSTRATE_DECK_CONCURRENCY = String(k);
      console.log(`[bench:deck] k=${k}: starting the servers (the first webpack compile takes a minute or two)…`);
      servers = await startServers();
      console.log(`[bench:deck] k=${k}: warm-up run (3 sections, not measured)…`);
      await measureRun(upstream, k, 3);
      console.log(`[bench:deck] k=${k}: 10-item run…`);
      const ten = await measureRun(upstream, k, 10);
      console.log(`[bench:deck] ${JSON.stringify(ten)}`);
      const generateLimitMs = Math.round(1.1 * Math.ceil(10 / k) * LATENCY_MS);
      tenItems.push({
        ...ten,
        generateLimitMs,
        generateMet: ten.generateToLastReadyMs <= generateLimitMs,
        insertLimitMs: 3000,
        insertMet: ten.insertAcceptedMs <= 3000,
      });
      if (index === 0) {
        console.log(`[bench:deck] k=${k}: 40-item run…`);
        forty = await measureRun(upstream, k, 40);
        console.log(`[bench:deck] ${JSON.stringify(forty)}`);
      }
      await stop();
    }
    const summary = {
      what:
        "The real task pane in the workbench's Word page (webpack dev server, development build, as `npm start`), Debian Chromium headless via " +
        "playwright-core, signed in at the local issuer; the Word page seeded with N Heading 1 sections; the gateway's azure-openai provider " +
        `(IMAGE_RPM=60000, margin 0) on a fake upstream (bench/noiseUpstream.ts) that streams 2 previews and then the offline renderer's ` +
        `1536×1024 scene PNG ${LATENCY_MS} ms after each request arrived. Each run in a fresh browser context; the servers ` +
        "started once per k with ILLUSTRATE_DECK_CONCURRENCY = k.",
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
        loadAverageAtStart,
        loadAverageAtEnd: os.loadavg().map((value) => Number(value.toFixed(2))),
      },
      settings: {
        latencyMsPerPicture: LATENCY_MS,
        ks: KS,
        kNote: "the pane's budget, ILLUSTRATE_DECK_CONCURRENCY (build setting), one server start per k",
      },
      tenItems,
      tenItemsMeans:
        "Generate all click → 'All pictures are made' in the DOM (limit 1.1 × ceil(10 / k) × latency); Insert accepted click → 'Inserted 10 of 10.' " +
        "in the DOM; both stamped in the page (click listener, MutationObserver), not by Playwright's polling; " +
        "timeline (from the upstream's log): gapsMs: a freed slot (picture written by the upstream) → the next request at the upstream " +
        "(pane + gateway); overLatencyMsMax: answers later than the fixed latency; lastAnswerToReadyMs: last picture written → 'All pictures are made'",
      fortyItems: forty
        ? {
            ...forty,
            heapLimitMB: 300,
            heapMet: (forty.heap?.jsHeapUsedMB ?? Infinity) < 300,
            means: "CDP Performance.getMetrics JSHeapUsedSize after GC, after Insert accepted",
          }
        : null,
    };
    fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
    fs.writeFileSync(RESULT_FILE, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(JSON.stringify(summary, null, 2));
    console.log(`[bench:deck] wrote ${path.relative(ROOT, RESULT_FILE)}`);
  } finally {
    await stop();
    upstream.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:deck] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
