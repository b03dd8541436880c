// Benchmark of the gateway itself (`npm run bench`): requests/s and added latency of POST /v1/images/generations
// with a zero-time provider, measured with autocannon against 127.0.0.1 only, for a bounded time.
// Writes bench/results/gateway.json. Settings: BENCH_DURATION_S (10), BENCH_CONNECTIONS (10).
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARMUP_S = 2;

/** Starts bench/gatewayServer.ts in its own process (so the load generator does not share its event loop). */
function startServer() {
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "bench/gatewayServer.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${output}`)), 30_000);
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = /listening (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.once("exit", (code) => reject(new Error(`gateway exited with ${code}: ${output}`)));
  });
}

function run(url, duration) {
  if (!url.startsWith("http://127.0.0.1:")) throw new Error("the benchmark only targets 127.0.0.1");
  return autocannon({
    url: `${url}/v1/images/generations`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt: "A misty mountain lake at dawn", size: "1024x1024", n: 1 }),
    connections: CONNECTIONS,
    duration,
  });
}

const { child, url } = await startServer();
try {
  await run(url, WARMUP_S);
  const result = await run(url, DURATION_S);
  const summary = {
    what: "POST /v1/images/generations through the gateway (validation, provider seam, JSON answer) with a zero-time provider returning a 1x1 PNG; HTTP on 127.0.0.1, no TLS, no token check, no queue, no post-processing",
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model },
    settings: { durationS: DURATION_S, connections: CONNECTIONS, warmupS: WARMUP_S },
    requestsPerSecond: { mean: result.requests.average, p50: result.requests.p50, min: result.requests.min },
    addedLatencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    totals: { requests: result.requests.total, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts },
  };
  mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench/results/gateway.json"), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(JSON.stringify(summary, null, 2));
  if (result.non2xx > 0 || result.errors > 0) {
    console.error(`${result.non2xx} non-2xx answers and ${result.errors} errors: the numbers above are not valid`);
    process.exitCode = 1;
  }
} finally {
  child.kill("SIGTERM");
}
