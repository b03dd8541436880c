// Benchmark of what the gateway adds to one picture (`npm run bench:gateway-overhead`, issue #11 target 4): the
// path a user's request takes — HTTPS, the local issuer's JWT, the fair queue, the Azure OpenAI provider calling a
// fake upstream over HTTP that answers a 1536×1024 noise PNG (≈ 4.7 MB), post-processing — against the same fake
// called directly; the cost of each step; 20 concurrent requests; memory over a long run; small-picture req/s.
// Writes bench/results/gateway-overhead.json. Only 127.0.0.1 is contacted; every server runs on a free port.
//
// Settings (environment): BENCH_RUNS (12) alternating direct/gateway pairs; BENCH_MEMORY_S (120) the memory run;
// BENCH_RPS_S (10) the requests/s run; BENCH_LOAD_RPM (120) the queue budget of the 20-concurrent run.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { readAuthConfig } from "../server/gateway/auth/config";
import { createTokenVerifier } from "../server/gateway/auth/verifyAccessToken";
import { embedXmpInJpeg } from "../server/postprocess/embedXmp";
import { JPEG_SPEED_OPTIONS, postprocessImage } from "../server/postprocess/postprocessImage";
import { provenanceXmp } from "../server/postprocess/provenance";
import type { NormalizedGenerateRequest, ProviderImage } from "../server/providers/Provider";
import { createRemoteProvider } from "../server/providers/upstream/remoteProvider";
import { FairQueue } from "../server/queue/FairQueue";
import { memorySlotLimiter } from "../server/queue/slotLimiter";
import { signInWithCodeFlow } from "../server/dev-issuer/codeFlow";
import { loadDevTls } from "../server/shared/devTls";
import { isBase64 } from "../src/core/protocol/base64";
import { spawnDevIssuer } from "../test/integration/auth-helpers";

const ROOT = path.resolve(__dirname, "..");
const RESULT_FILE = path.join(ROOT, "bench/results/gateway-overhead.json");
const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${process.env[name]}"`);
  return value;
};
const RUNS = Math.max(10, setting("BENCH_RUNS", 12));
const MEMORY_S = setting("BENCH_MEMORY_S", 120);
const RPS_S = setting("BENCH_RPS_S", 10);
const LOAD_RPM = setting("BENCH_LOAD_RPM", 120);
const DEPLOYMENT = "gpt-image-1.5";
const API_KEY = "bench-key";
const BIG = "1536x1024";
const SMALL = "1024x1024";
const TARGET_ADDED_MS = 200;
const TARGET_RSS_BYTES = 1024 ** 3;

const now = () => performance.timeOrigin + performance.now();
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)];
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A child process that printed `ready` (a regular expression) on stdout; its output keeps being drained. */
interface Child {
  child: ChildProcess;
  match: RegExpExecArray;
  stop(): Promise<void>;
}

function startChild(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, what: string): Promise<Child> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = "";
    let found = false;
    const timer = setTimeout(() => void stop().then(() => reject(new Error(`${what} did not start within 60 s:\n${output}`))), 60_000);
    const onData = (chunk: Buffer) => {
      if (found) return;
      output += chunk.toString("utf8");
      const match = ready.exec(output);
      if (match) {
        found = true;
        clearTimeout(timer);
        resolve({ child, match, stop });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (!found) reject(new Error(`${what} exited with ${code}:\n${output}`));
    });
  });
}

/** The gateway (server/gateway/main.ts, the production entry point) with the Azure OpenAI provider on the fake. */
function startGateway(upstream: string, issuer: string, queue: { rpm: number; windowMs: number; marginMs: number }): Promise<Child> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(IMAGE_|AUTH_|TLS_|REDIS_URL|GENERATION_TIMEOUT_MS|PORT$|HOST$)/.test(key)) env[key] = value;
  Object.assign(env, {
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
    IMAGE_PROVIDER: "azure-openai",
    IMAGE_ENDPOINT: upstream,
    IMAGE_DEPLOYMENT: DEPLOYMENT,
    IMAGE_API_KEY: API_KEY,
    IMAGE_RPM: String(queue.rpm),
    IMAGE_RPM_WINDOW_MS: String(queue.windowMs),
    IMAGE_RPM_MARGIN_MS: String(queue.marginMs),
    AUTH_ISSUER: issuer,
  });
  // `node --import tsx` (not the tsx CLI, which runs the script in a second process) so the pid is the gateway's.
  return startChild(["--import", "tsx", "server/gateway/main.ts"], env, /Server listening at (https:\/\/127\.0\.0\.1:\d+)/, "the gateway");
}

/** Resident set size of process `pid`, bytes (Linux /proc). */
function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : NaN;
}

/** One answer: status, whole-body time and parsed JSON. */
interface Answer {
  status: number;
  sentAt: number;
  ms: number;
  bytes: number;
  headers: http.IncomingHttpHeaders;
  json: { data?: ProviderImage[]; error?: unknown };
}

/** POSTs JSON and reads + parses the whole answer (the same work for the direct and the gateway path). */
function post(url: string, body: unknown, headers: Record<string, string>, agent: http.Agent, ca?: Buffer): Promise<Answer> {
  const target = new URL(url);
  const payload = JSON.stringify(body);
  const sentAt = now();
  const started = performance.now();
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        agent,
        ...(ca ? { ca, servername: "localhost" } : {}),
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            resolve({
              status: response.statusCode ?? 0,
              sentAt,
              ms: performance.now() - started,
              bytes: text.length,
              headers: response.headers,
              json: JSON.parse(text) as Answer["json"],
            });
          } catch (error) {
            reject(new Error(`answer ${response.statusCode} is not JSON: ${text.slice(0, 200)}`, { cause: error }));
          }
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

function getJson(url: string, agent: http.Agent, ca?: Buffer): Promise<{ ms: number; json: unknown }> {
  const target = new URL(url);
  const started = performance.now();
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    client
      .get(
        {
          host: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          agent,
          ...(ca ? { ca, servername: "localhost" } : {}),
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
          response.on("end", () => resolve({ ms: performance.now() - started, json: text ? JSON.parse(text) : undefined }));
        },
      )
      .on("error", reject);
  });
}

/** Median time of `fn` over `runs` calls after one warm-up call, ms. */
async function timed(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return round(median(times), 2);
}

let promptCounter = 0;
const uniquePrompt = (what: string) => `bench ${what} ${process.pid} ${++promptCounter}`;

async function main(): Promise<void> {
  const { ca } = await loadDevTls();
  console.error("[bench] starting the issuer, the fake upstream and the gateway…");
  const issuer = await spawnDevIssuer();
  const upstreamProcess = await startChild(
    ["--import", "tsx", "bench/noiseUpstream.ts"],
    process.env,
    /listening (http:\/\/127\.0\.0\.1:\d+) noise=(\d+)/,
    "the fake upstream",
  );
  const upstream = upstreamProcess.match[1];
  const children: Child[] = [upstreamProcess];
  try {
    const token = (await signInWithCodeFlow({ issuerUrl: issuer.url, account: "ada", ca })).access_token;
    // 1 ms slots, no margin: the queue is on the path but never makes a request wait (target: "slot margin 0").
    const gateway = await startGateway(upstream, issuer.url, { rpm: 60_000, windowMs: 60_000, marginMs: 0 });
    children.push(gateway);
    const gatewayUrl = gateway.match[1];
    const auth = { authorization: `Bearer ${token}` };
    const upstreamAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const gatewayAgent = new https.Agent({ keepAlive: true, maxSockets: 64, ca, servername: "localhost" });
    const direct = (size = BIG) =>
      post(
        `${upstream}/openai/v1/images/generations`,
        { model: DEPLOYMENT, prompt: uniquePrompt("direct"), size, n: 1 },
        { "api-key": API_KEY },
        upstreamAgent,
      );
    const viaGateway = (size = BIG, prompt = uniquePrompt("gateway")) =>
      post(`${gatewayUrl}/v1/images/generations`, { prompt, size, n: 1 }, auth, gatewayAgent, ca);
    const arrivalOf = async (prompt: string) =>
      ((await getJson(`${upstream}/arrivals?prompt=${encodeURIComponent(prompt)}`, upstreamAgent)).json as { at: number }).at;

    // --- 1. One picture: direct vs through the gateway, alternating. ---
    console.error(`[bench] ${RUNS} alternating direct / gateway requests for a ${BIG} noise PNG…`);
    for (let i = 0; i < 2; i++) {
      await direct();
      const warm = await viaGateway();
      if (warm.status !== 200) throw new Error(`gateway answered ${warm.status}: ${JSON.stringify(warm.json).slice(0, 300)}`);
    }
    const directMs: number[] = [];
    const gatewayMs: number[] = [];
    const preUpstreamMs: number[] = [];
    let format: string | undefined;
    let answerBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      directMs.push((await direct()).ms);
      const prompt = uniquePrompt("gateway");
      const answer = await viaGateway(BIG, prompt);
      if (answer.status !== 200) throw new Error(`gateway answered ${answer.status}`);
      gatewayMs.push(answer.ms);
      preUpstreamMs.push((await arrivalOf(prompt)) - answer.sentAt);
      const bytes = Buffer.from(answer.json.data?.[0]?.b64_json ?? "", "base64");
      format = (await sharp(bytes).metadata()).format;
      answerBytes = bytes.length;
    }
    const directAnswer = await direct();
    const upstreamB64 = directAnswer.json.data?.[0]?.b64_json ?? "";
    const upstreamBytes = Buffer.from(upstreamB64, "base64");
    const single = { directMs: round(median(directMs)), gatewayMs: round(median(gatewayMs)) };
    const addedMs = round(single.gatewayMs - single.directMs);

    // --- 2. Cost of each step, in this process, on the same bytes (median of 10 after a warm-up). ---
    console.error("[bench] the cost of each step…");
    const freshTls = () => getJson(`${gatewayUrl}/healthz`, new https.Agent({ keepAlive: false, ca, servername: "localhost" }), ca);
    const reusedTls = () => getJson(`${gatewayUrl}/healthz`, gatewayAgent, ca);
    const handshakeMs = round((await timed(10, freshTls)) - (await timed(10, reusedTls)), 2);
    const verify = createTokenVerifier({ ...readAuthConfig({ AUTH_ISSUER: issuer.url }), ca });
    const fairQueue = new FairQueue(memorySlotLimiter({ rpm: 60_000, windowMs: 60_000, marginMs: 0 }));
    const signal = new AbortController().signal;
    const provider = createRemoteProvider("azure-openai", { IMAGE_ENDPOINT: upstream, IMAGE_DEPLOYMENT: DEPLOYMENT, IMAGE_API_KEY: API_KEY });
    const normalized: NormalizedGenerateRequest = {
      prompt: "steps",
      n: 1,
      apiSize: BIG,
      size: { widthPx: 1536, heightPx: 1024 },
      quality: "auto",
      outputFormat: "png",
    };
    const backend = provider.info;
    const xmp = provenanceXmp(backend);
    const postprocessed = await postprocessImage({ b64_json: upstreamB64 }, { backend, requested: "png" });
    const jpegBytes = await sharp(upstreamBytes)
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 88, ...JPEG_SPEED_OPTIONS })
      .toBuffer();
    const steps = {
      tlsHandshakeNewConnectionMs: handshakeMs,
      jwtVerifyMs: await timed(10, () => verify(token)),
      fairQueueAcquireMs: await timed(10, async () => {
        await new Promise((resolve) => setTimeout(resolve, 2)); // past the 1 ms slot, as between two requests
        await fairQueue.acquire({ signal, userId: "ada" });
      }).then((ms) => round(ms - 2, 2)),
      upstreamDirectInProcessMs: await timed(10, () =>
        fetch(`${upstream}/openai/v1/images/generations`, {
          method: "POST",
          headers: { "content-type": "application/json", "api-key": API_KEY },
          body: JSON.stringify({ model: DEPLOYMENT, prompt: "steps", size: BIG, n: 1 }),
        }).then((r) => r.json()),
      ),
      providerGenerateMs: await timed(10, () => provider.generate(normalized, { signal })),
      "provider.isBase64Ms": await timed(10, () => isBase64(upstreamB64)),
      "provider.headerDecodeMs": await timed(10, () => sharp(Buffer.from(upstreamB64, "base64"), { failOn: "error" }).metadata()),
      postprocessMs: await timed(10, () => postprocessImage({ b64_json: upstreamB64 }, { backend, requested: "png" })),
      "postprocess.base64DecodeMs": await timed(10, () => Buffer.from(upstreamB64, "base64")),
      "postprocess.metadataMs": await timed(10, () => sharp(upstreamBytes).metadata()),
      "postprocess.jpegEncodeMs": await timed(10, () =>
        sharp(upstreamBytes)
          .flatten({ background: "#ffffff" })
          .jpeg({ quality: 88, ...JPEG_SPEED_OPTIONS })
          .toBuffer(),
      ),
      "postprocess.jpegEncodeOptimiseCodingMs (not chosen: ~7% fewer bytes)": await timed(5, () =>
        sharp(upstreamBytes).flatten({ background: "#ffffff" }).jpeg({ quality: 88, optimiseCoding: true }).toBuffer(),
      ),
      "postprocess.jpegEncodeMozjpegMs (before: the old setting)": await timed(3, () =>
        sharp(upstreamBytes).flatten({ background: "#ffffff" }).jpeg({ quality: 88, mozjpeg: true }).toBuffer(),
      ),
      "postprocess.pngReencodeMs (before: the second encode, now avoided)": await timed(3, () =>
        sharp(upstreamBytes).png({ compressionLevel: 6 }).withXmp(xmp).toBuffer(),
      ),
      "postprocess.xmpSpliceMs": await timed(10, () => embedXmpInJpeg(jpegBytes, xmp)),
      "postprocess.base64EncodeMs": await timed(10, () => jpegBytes.toString("base64")),
      responseJsonStringifyMs: await timed(10, () => JSON.stringify({ created: 0, data: [postprocessed], backend })),
    };
    await fairQueue.close();

    // --- 3. 20 concurrent pictures: burst through the 1 ms queue, then through a queue of BENCH_LOAD_RPM. ---
    const singleGatewayMs = single.gatewayMs;
    const singlePreUpstreamMs = median(preUpstreamMs);
    const concurrent = async (url: string, pid: number, label: string) => {
      console.error(`[bench] 20 concurrent pictures (${label})…`);
      let peakRss = rssOf(pid);
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 50);
      const prompts = Array.from({ length: 20 }, () => uniquePrompt("concurrent"));
      const started = performance.now();
      const answers = await Promise.all(
        prompts.map((prompt) => post(`${url}/v1/images/generations`, { prompt, size: BIG, n: 1 }, auth, gatewayAgent, ca)),
      );
      const wallMs = performance.now() - started;
      clearInterval(sampler);
      const requests = await Promise.all(
        answers.map(async (answer, index) => {
          // Time before the upstream call beyond what a single request has: its wait in the queue (and for a socket).
          const queueWaitMs = Math.max(0, (await arrivalOf(prompts[index])) - answer.sentAt - singlePreUpstreamMs);
          return { status: answer.status, ms: round(answer.ms), queueWaitMs: round(queueWaitMs), limitMs: round(2 * singleGatewayMs + queueWaitMs) };
        }),
      );
      const over = requests.filter((r) => r.status !== 200 || r.ms > r.limitMs);
      return {
        wallMs: round(wallMs),
        peakRssBytes: peakRss,
        peakRssMb: round(peakRss / 1024 ** 2),
        slowestMs: round(Math.max(...requests.map((r) => r.ms))),
        overLimit: over.length,
        non200: requests.filter((r) => r.status !== 200).length,
        requests,
      };
    };
    const burst = await concurrent(gatewayUrl, gateway.child.pid as number, "1 ms slots, margin 0");
    const spaced = await startGateway(upstream, issuer.url, { rpm: LOAD_RPM, windowMs: 60_000, marginMs: 250 });
    children.push(spaced);
    for (let i = 0; i < 2; i++)
      await post(`${spaced.match[1]}/v1/images/generations`, { prompt: uniquePrompt("warm"), size: BIG, n: 1 }, auth, gatewayAgent, ca);
    const queued = await concurrent(spaced.match[1], spaced.child.pid as number, `${LOAD_RPM} a minute + the default 250 ms margin`);
    await spaced.stop();

    // --- 4. Memory over a long run: 4 clients asking for noise pictures back to back. ---
    console.error(`[bench] memory over ${MEMORY_S} s of back-to-back pictures (4 clients)…`);
    const pid = gateway.child.pid as number;
    const samples: { s: number; rssMb: number }[] = [];
    const memoryStart = performance.now();
    const sampler = setInterval(
      () => samples.push({ s: round((performance.now() - memoryStart) / 1000), rssMb: round(rssOf(pid) / 1024 ** 2) }),
      1000,
    );
    let pictures = 0;
    let memoryFailures = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (performance.now() - memoryStart < MEMORY_S * 1000) {
          const answer = await viaGateway();
          if (answer.status === 200) pictures++;
          else memoryFailures++;
        }
      }),
    );
    clearInterval(sampler);
    const window = Math.max(5, Math.round(samples.length / 6));
    const settled = samples.filter((sample) => sample.s >= 10);
    const early = median(settled.slice(0, window).map((sample) => sample.rssMb));
    const late = median(settled.slice(-window).map((sample) => sample.rssMb));
    const memory = {
      seconds: MEMORY_S,
      clients: 4,
      pictures,
      failures: memoryFailures,
      rssEarlyMb: early,
      rssLateMb: late,
      growthPercent: round((late / early - 1) * 100),
      peakRssMb: Math.max(...samples.map((sample) => sample.rssMb)),
      samples,
    };

    // --- 5. Small pictures per second, queue slot margin 0. ---
    console.error(`[bench] small-picture requests/s for ${RPS_S} s (10 connections)…`);
    const rpsLatencies: number[] = [];
    let rpsFailures = 0;
    const loop = async (until: number, record: boolean) => {
      while (performance.now() < until) {
        const answer = await viaGateway(SMALL);
        if (!record) continue;
        if (answer.status === 200) rpsLatencies.push(answer.ms);
        else rpsFailures++;
      }
    };
    await Promise.all(Array.from({ length: 10 }, () => loop(performance.now() + 2000, false)));
    const rpsStart = performance.now();
    await Promise.all(Array.from({ length: 10 }, () => loop(rpsStart + RPS_S * 1000, true)));
    const rpsSeconds = (performance.now() - rpsStart) / 1000;
    const smallPictures = {
      size: SMALL,
      picture: "flat-colour PNG (a few KB)",
      connections: 10,
      seconds: round(rpsSeconds),
      requestsPerSecond: round(rpsLatencies.length / rpsSeconds),
      latencyMs: { p50: round(median(rpsLatencies)), p90: round(percentile(rpsLatencies, 90)), max: round(Math.max(...rpsLatencies)) },
      failures: rpsFailures,
      queue: "IMAGE_RPM=60000 per 60 s (1 ms slots), IMAGE_RPM_MARGIN_MS=0",
    };

    const summary = {
      what: "POST /v1/images/generations over HTTPS (dev certificate) with a local-issuer access token (RS256, JWKS over HTTPS), the fair queue, the azure-openai provider calling a fake Azure OpenAI upstream over HTTP on 127.0.0.1 that answers a 1536x1024 PNG of uniform noise, post-processing (transcode decision, provenance XMP) — versus the same fake called directly. Each time: request sent → whole answer read and JSON-parsed.",
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        loadAverage: os.loadavg().map((load) => round(load, 2)),
      },
      picture: { size: BIG, upstreamPngBytes: upstreamBytes.length, answerFormat: format, answerBytes },
      settings: { runs: RUNS, memorySeconds: MEMORY_S, requestsPerSecondSeconds: RPS_S, loadQueueRpm: LOAD_RPM },
      singlePicture: {
        ...single,
        addedMs,
        targetAddedMs: TARGET_ADDED_MS,
        met: addedMs <= TARGET_ADDED_MS,
        preUpstreamMedianMs: round(singlePreUpstreamMs),
        directRunsMs: directMs.map((ms) => round(ms)),
        gatewayRunsMs: gatewayMs.map((ms) => round(ms)),
      },
      stepsMedianMs: steps,
      concurrent20: {
        target: "RSS ≤ 1 GB; each request ≤ 2 × the single-request time + its queue wait",
        singleGatewayMs,
        queued: {
          queue: `IMAGE_RPM=${LOAD_RPM} per 60 s + 250 ms margin (the default)`,
          ...queued,
          met: queued.overLimit === 0 && queued.peakRssBytes <= TARGET_RSS_BYTES,
        },
        burst: {
          queue: "1 ms slots, margin 0 (no spacing: all 20 post-process at once)",
          ...burst,
          met: burst.overLimit === 0 && burst.peakRssBytes <= TARGET_RSS_BYTES,
        },
      },
      memory: { ...memory, target: "late RSS ≤ early RSS + 10%", met: memory.growthPercent <= 10 && memory.failures === 0 },
      smallPictures,
    };
    mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
    writeFileSync(RESULT_FILE, `${JSON.stringify(summary, null, 2)}\n`);
    const { samples: _samples, ...memoryShown } = summary.memory;
    console.log(
      JSON.stringify(
        {
          ...summary,
          memory: memoryShown,
          concurrent20: {
            ...summary.concurrent20,
            queued: { ...summary.concurrent20.queued, requests: undefined },
            burst: { ...summary.concurrent20.burst, requests: undefined },
          },
        },
        null,
        2,
      ),
    );
    gatewayAgent.destroy();
    upstreamAgent.destroy();
  } finally {
    for (const child of children.reverse()) await child.stop();
    await issuer.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
