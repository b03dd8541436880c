// Benchmark of what the pane adds to a picture (`npm run bench:pane-overhead`, issue #11 target 3): with a provider
// of fixed latency (2 s, 10 s), Generate click → picture in the workbench's Word page against that latency; the
// pane's own work on the 1536×1024 PNG (User Timing measures in src/imaging/paneTimings.ts); and how long a
// streamed partial preview takes from its arrival to the screen. Writes bench/results/pane-overhead.json.
//
// The gateway (started by `npm start`'s script, as the E2E tests do) serves the azure-openai provider pointed at
// bench/noiseUpstream.ts: a fake that waits the latency, streams 2 previews and answers a 1536×1024 noise PNG
// (≈ 4.7 MB, the worst case; IMAGE_TRANSCODE=off so the pane gets the PNG and does the transcode itself), after the
// same runs with a scene PNG (≈ 0.35 MB). The pane is the production build (`npm start -- --production`).
// Uses ports 3000–3002: run it under `flock /tmp/illustrate-e2e.lock`. Settings: BENCH_RUNS (10) at 2 s,
// BENCH_RUNS_10S (10) at 10 s, BENCH_PICTURES ("scene,noise": which pictures, in that order).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { PANE_TIMINGS } from "../src/imaging/paneTimings";
import { launchBrowser, openPage, type E2EBrowser } from "../test/support/browser";
import { startServers, stopServers, type RunningServers } from "../test/support/servers";
import { ensureSignedIn } from "../test/support/signIn";
import { PANE_URL } from "../test/support/workbenchPage";
import { assertServerPortsFree } from "./freePorts";
import { startNoiseUpstream, useUpstreamForGateway, type NoiseUpstream } from "./noiseUpstreamProcess";
import { clickedAt, markButtonClicks, pictureAfter, readyLandscapeGenerate, resultShown } from "./workbenchPicture";

const ROOT = path.resolve(__dirname, "..");
const RESULT_FILE = path.join(ROOT, "bench/results/pane-overhead.json");
const runsOf = (name: string) => {
  const runs = Number(process.env[name] ?? 10);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error(`${name} must be an integer 1–50, got "${process.env[name]}"`);
  return runs;
};
const LATENCIES = [
  { latencyMs: 2000, runs: runsOf("BENCH_RUNS"), targetRatio: 1.05 },
  { latencyMs: 10_000, runs: runsOf("BENCH_RUNS_10S"), targetRatio: 1.02 },
];
const TARGET_PANE_WORK_MS = 50;
const TARGET_PARTIAL_MS = 100;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** One Generate → Insert on the open workbench page. */
interface Run {
  /** The pane's part (the page's own clock): Generate click → Option 1 on screen, plus Insert click → picture in the page. */
  paneTimeMs: number;
  /** Generate click → Option 1 on screen (page clock). */
  generateToResultsMs: number;
  /** Insert click → the picture in the page (page clock). */
  insertToPictureMs: number;
  /** Generate click → picture, the bench's own choosing and clicking of Insert included (page clock). */
  generateToPictureMs: number;
  validateMs: number;
  prepareMs: number;
  paneWorkMs: number;
  firstPartialShownMs?: number;
  partialsShown: number;
  /** Generate click → the request at the upstream (pane + gateway, request side). */
  clickToUpstreamMs: number;
  /** The upstream wrote the final picture → the option on screen (gateway + pane, answer side). */
  upstreamToResultsMs: number;
  /** Generate click → the request handed to `fetch` (the pane: options, target, token). */
  clickToRequestMs: number;
  /** `fetch` → the request at the upstream (the browser, TLS, the gateway's auth and queue, its call upstream). */
  requestToUpstreamMs: number;
  /** The upstream wrote the final picture → its event parsed in the pane (the gateway's post-processing, the transfer). */
  upstreamToFinalMs: number;
  /** The final event parsed → Option 1 on screen (the pane's checks, the library, React). */
  finalToResultsMs: number;
}

async function measureRun(page: Page, upstream: NoiseUpstream): Promise<Run> {
  const pane = page.locator('[data-pane-host="workbench-word"]');
  const { paragraph, fresh, earlier, previousSrc } = await readyLandscapeGenerate(page, pane);
  await page.evaluate(() => (performance.clearMeasures(), performance.clearMarks()));

  const logged = (await upstream.log()).length;
  await pane.getByRole("button", { name: "Generate", exact: true }).click();
  const resultsAt = await resultShown(page, "workbench-word", earlier, 120_000);
  const generateAt = await clickedAt(page, /^Generate$/);
  if (generateAt === undefined) throw new Error("the page recorded no click on Generate");
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  // The upstream stamps epoch ms (its own performance.timeOrigin + now): the same clock as the page's.
  const [request] = (await upstream.log()).slice(logged);
  if (!request?.answered) throw new Error("the upstream saw no answered request for this Generate");
  await fresh.check();
  await pane.getByRole("button", { name: /^Insert after selection/ }).click();
  const pictureAt = await pictureAfter(page, paragraph, previousSrc).catch(async (error: unknown) => {
    // Say what the pane said instead (an insert error, a status line), not only that no picture came.
    const said = await pane.innerText();
    const shot = path.join(ROOT, "test/e2e/artifacts/bench-pane-overhead-failure.png");
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    const after = await paragraph.evaluate((element) => element.nextElementSibling?.outerHTML.slice(0, 300) ?? "(nothing)");
    throw new Error(`no new picture after the paragraph (next: ${after}); screenshot ${shot}; the pane shows:\n${said}`, { cause: error });
  });
  const insertAt = await clickedAt(page, /^Insert after selection/);
  if (insertAt === undefined) throw new Error("the page recorded no click on Insert");

  // No named functions inside: tsx would wrap them in a `__name` helper the page does not have.
  const [validate, prepare, partial] = await page.evaluate(
    (names) => names.map((name) => performance.getEntriesByName(name, "measure").map((entry) => entry.duration)),
    [PANE_TIMINGS.validateImage, PANE_TIMINGS.prepareForDocument, PANE_TIMINGS.partialShown],
  );
  const [requestSent, finalArrived] = await page.evaluate(
    (names) => names.map((name) => performance.getEntriesByName(name, "mark").at(-1)?.startTime),
    [PANE_TIMINGS.requestSent, PANE_TIMINGS.finalArrived],
  );
  if (requestSent === undefined || finalArrived === undefined) throw new Error("the pane left no request-sent or final-arrived mark");
  const measures = { validate, prepare, partial };
  if (measures.validate.length !== 1 || measures.prepare.length !== 1) {
    throw new Error(`expected one validate and one prepare measure, got ${JSON.stringify(measures)}`);
  }
  const natural = await paragraph.evaluate((element) => {
    const next = element.nextElementSibling!;
    const img = (next.matches("img") ? next : next.querySelector("img")) as HTMLImageElement;
    return [img.naturalWidth, img.naturalHeight];
  });
  if (natural[0] !== 1536 || natural[1] !== 1024) throw new Error(`Expected the 1536 × 1024 picture in the page, got ${natural.join(" × ")}`);
  return {
    paneTimeMs: resultsAt - generateAt + (pictureAt - insertAt),
    generateToResultsMs: resultsAt - generateAt,
    insertToPictureMs: pictureAt - insertAt,
    generateToPictureMs: pictureAt - generateAt,
    validateMs: measures.validate[0],
    prepareMs: measures.prepare[0],
    paneWorkMs: measures.validate[0] + measures.prepare[0],
    ...(measures.partial.length > 0 ? { firstPartialShownMs: measures.partial[0] } : {}),
    partialsShown: measures.partial.length,
    clickToUpstreamMs: request.arrived - (timeOrigin + generateAt),
    upstreamToResultsMs: timeOrigin + resultsAt - request.answered,
    clickToRequestMs: requestSent - generateAt,
    requestToUpstreamMs: request.arrived - (timeOrigin + requestSent),
    upstreamToFinalMs: timeOrigin + finalArrived - request.answered,
    finalToResultsMs: resultsAt - finalArrived,
  };
}

/** The pictures the fake upstream answers, in the order measured: what a model's picture is like, then the worst case. */
const PICTURES = [
  { kind: "scene", about: "the offline renderer's 1536×1024 PNG of a scene (≈ 0.35 MB): under 4 MiB, the pane checks and decodes it" },
  {
    kind: "noise",
    about:
      "a 1536×1024 PNG of photographic noise (≈ 4.7 MB, the worst case): over 4 MiB, so the pane transcodes it (prepareForDocument); " +
      "through a gateway with IMAGE_TRANSCODE=auto (the default) it would arrive as a JPEG instead",
  },
] as const;

const rounded = (run: Run) => Object.fromEntries(Object.entries(run).map(([k, v]) => [k, round(v)]));

/** Both latencies with the upstream answering `kind`: a warm-up, then the runs; medians and their targets. */
async function measurePicture(page: Page, upstream: NoiseUpstream, kind: (typeof PICTURES)[number]["kind"]) {
  await upstream.setPicture(kind);
  const latencies = [];
  for (const { latencyMs, runs, targetRatio } of LATENCIES) {
    await upstream.setLatency(latencyMs);
    console.log(`[bench:pane-overhead] ${kind}, ${latencyMs} ms provider: 1 warm-up + ${runs} runs…`);
    await measureRun(page, upstream);
    const measured: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await measureRun(page, upstream);
      measured.push(run);
      console.log(`[bench:pane-overhead] ${kind}, ${latencyMs} ms run ${i + 1}/${runs}: ${JSON.stringify(rounded(run))}`);
    }
    const paneTime = median(measured.map((run) => run.paneTimeMs));
    const partials = measured.flatMap((run) => (run.firstPartialShownMs === undefined ? [] : [run.firstPartialShownMs]));
    latencies.push({
      providerLatencyMs: latencyMs,
      runs,
      paneTimeMedianMs: round(paneTime),
      ratio: round(paneTime / latencyMs, 3),
      targetRatio,
      met: paneTime / latencyMs <= targetRatio,
      generateToResultsMedianMs: round(median(measured.map((run) => run.generateToResultsMs))),
      insertToPictureMedianMs: round(median(measured.map((run) => run.insertToPictureMs))),
      withBenchClicks: {
        generateToPictureMedianMs: round(median(measured.map((run) => run.generateToPictureMs))),
        ratio: round(median(measured.map((run) => run.generateToPictureMs)) / latencyMs, 3),
      },
      whereMedianMs: {
        clickToUpstream: round(median(measured.map((r) => r.clickToUpstreamMs))),
        upstreamToResults: round(median(measured.map((r) => r.upstreamToResultsMs))),
        clickToRequest: round(median(measured.map((r) => r.clickToRequestMs))),
        requestToUpstream: round(median(measured.map((r) => r.requestToUpstreamMs))),
        upstreamToFinal: round(median(measured.map((r) => r.upstreamToFinalMs))),
        finalToResults: round(median(measured.map((r) => r.finalToResultsMs))),
        insertToPicture: round(median(measured.map((r) => r.insertToPictureMs))),
      },
      paneWorkMedianMs: {
        validate: round(median(measured.map((r) => r.validateMs))),
        prepareForDocument: round(median(measured.map((r) => r.prepareMs))),
        total: round(median(measured.map((r) => r.paneWorkMs))),
      },
      firstPartialShownMs: { median: round(median(partials)), max: round(Math.max(...partials)), runsWithPartials: partials.length },
      runsMs: measured.map(rounded),
    });
  }
  const all = latencies.flatMap((r) => r.runsMs);
  const paneWork = median(all.map((r) => r.paneWorkMs));
  const partials = all.flatMap((r) => (r.firstPartialShownMs === undefined ? [] : [r.firstPartialShownMs]));
  return {
    latencies,
    paneWork: {
      medianMs: round(paneWork),
      maxMs: round(Math.max(...all.map((r) => r.paneWorkMs))),
      targetMs: TARGET_PANE_WORK_MS,
      met: paneWork <= TARGET_PANE_WORK_MS,
    },
    firstPartial: {
      medianMs: round(median(partials)),
      maxMs: round(Math.max(...partials)),
      targetMs: TARGET_PARTIAL_MS,
      met: partials.length > 0 && Math.max(...partials) <= TARGET_PARTIAL_MS,
    },
  };
}

async function main(): Promise<void> {
  await assertServerPortsFree();
  const loadAverageAtStart = os.loadavg().map((value) => round(value, 2));
  const upstream = await startNoiseUpstream();
  let servers: RunningServers | undefined;
  let browser: E2EBrowser | undefined;
  try {
    useUpstreamForGateway(upstream, { IMAGE_TRANSCODE: "off" });
    console.log("[bench:pane-overhead] starting the servers (the pane's production build takes a few minutes)…");
    servers = await startServers({ production: true });
    browser = await launchBrowser();
    const page = await openPage(browser);
    await page.goto(`${PANE_URL}/workbench.html?doc=word`);
    await markButtonClicks(page);
    const pane = page.locator('[data-pane-host="workbench-word"]');
    await ensureSignedIn(page, pane);
    const pictures: Record<string, Awaited<ReturnType<typeof measurePicture>> & { about: string }> = {};
    const only = (process.env.BENCH_PICTURES ?? "scene,noise").split(",").map((kind) => kind.trim());
    for (const { kind, about } of PICTURES.filter((picture) => only.includes(picture.kind)))
      pictures[kind] = { about, ...(await measurePicture(page, upstream, kind)) };
    const summary = {
      what:
        "The real task pane in the workbench (`npm start -- --production`: the pane's production build on the dev server), Debian Chromium headless via playwright-core, " +
        "signed in at the local issuer; the gateway's azure-openai provider (IMAGE_TRANSCODE=off: the pane gets the PNG as the model made it) on a fake upstream of " +
        "fixed latency that streams 2 previews (192×128) and then answers the picture. Each run: select the paragraph, Use selection, Shape 3:2, Generate, " +
        "choose Option 1, Insert after selection. paneTime (the target's figure, the page's own clock from User Timing marks of the clicks and a frame-polled wait): " +
        "Generate click → Option 1 on screen, plus Insert click → the picture in the document; withBenchClicks adds the bench's choosing and clicking in between.",
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        loadAverageAtStart,
        loadAverageAtEnd: os.loadavg().map((value) => round(value, 2)),
        chromium: browser.browser.version(),
      },
      measures: {
        clicks: "bench:click (User Timing mark with the button's text as detail, made by the page on each click)",
        partialArrivedMark: PANE_TIMINGS.partialArrived(0).replace(/0$/, "<index>"),
        validate: PANE_TIMINGS.validateImage,
        prepareForDocument: PANE_TIMINGS.prepareForDocument,
        partialShown: PANE_TIMINGS.partialShown,
        whereMedianMs:
          "clickToUpstream: Generate click → the request at the fake upstream; upstreamToResults: the upstream wrote the final picture → Option 1 " +
          "on screen (gateway's answer side, the stream to the browser, the pane's checks and render); the same split finer by the pane's marks " +
          `${PANE_TIMINGS.requestSent} and ${PANE_TIMINGS.finalArrived}: clickToRequest (the pane before fetch: options, target, token), requestToUpstream ` +
          "(browser, TLS, gateway auth and queue, its upstream call), upstreamToFinal (gateway post-processing and the transfer), finalToResults (the pane's " +
          "checks, library and render); insertToPicture: Insert click → the picture in the document",
      },
      pictures,
      met: Object.values(pictures).every((p) => p.latencies.every((l) => l.met) && p.paneWork.met && p.firstPartial.met),
    };
    fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
    fs.writeFileSync(RESULT_FILE, `${JSON.stringify(summary, null, 2)}\n`);
    const brief = Object.fromEntries(
      Object.entries(pictures).map(([kind, p]) => [kind, { ...p, latencies: p.latencies.map(({ runsMs: _runs, ...rest }) => rest) }]),
    );
    console.log(JSON.stringify({ ...summary, pictures: brief }, null, 2));
  } finally {
    await browser?.close().catch(() => undefined);
    if (servers) await stopServers(servers);
    upstream.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:pane-overhead] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
