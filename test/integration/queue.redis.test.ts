// The shared budget across replicas: 3 gateway processes (`server/gateway/main.ts`, HTTPS) share one real
// redis-server; 10 requests to each at IMAGE_RPM=6 (window scaled to 4.5 s: one slot a second) → the upstream
// never sees more than 6 calls in any window, though each process alone would allow 6.
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:https";
import path from "node:path";
import { loadDevTls, type DevTls } from "../../server/shared/devTls";
import { startFakeUpstream, type FakeUpstream } from "../fakes/upstream/FakeUpstream";
import { API_KEY } from "./providers.helpers";
import { maiAtSixPerWindow, maxInAnyWindow, startRedis, startTestIssuer, stopProcess, type RedisServer, type TestIssuer } from "./queue.helpers";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "../..");
const WINDOW_MS = 4500;
let redis: RedisServer;
let fake: FakeUpstream;
let tls: DevTls;
let issuer: TestIssuer;
const gateways: ChildProcess[] = [];

/** Starts `npm run gateway`'s entry point on a free port and resolves with its URL once it listens. */
function startGateway(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "server/gateway/main.ts")], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  gateways.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (https:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1] });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`gateway exited (${code}):\n${output}`)));
  });
}

async function generate(base: string, prompt: string, user: string): Promise<number> {
  const body = JSON.stringify({ prompt, size: "1024x1024" });
  const headers = { "content-type": "application/json", authorization: `Bearer ${await issuer.token(user)}` };
  return new Promise((resolve, reject) => {
    const req = request(`${base}/v1/images/generations`, { method: "POST", ca: tls.ca, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

beforeAll(async () => {
  tls = await loadDevTls();
  redis = await startRedis();
  issuer = await startTestIssuer(tls);
  fake = await startFakeUpstream({ kind: "foundry-mai", deployment: "MAI-Image-2", apiKey: API_KEY });
});
afterAll(async () => {
  await Promise.all(gateways.map(stopProcess));
  await fake?.close();
  await redis?.stop();
  await issuer?.stop();
});

test("3 gateway processes sharing Redis at IMAGE_RPM=6: ≤ 6 upstream calls in any window, all 30 served", async () => {
  const env = {
    ...maiAtSixPerWindow(fake.url, API_KEY, WINDOW_MS),
    REDIS_URL: redis.url,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
    AUTH_ISSUER: issuer.issuer,
  };
  const bases = (await Promise.all([startGateway(env), startGateway(env), startGateway(env)])).map((g) => g.base);
  const statuses = await Promise.all(bases.flatMap((base, g) => Array.from({ length: 10 }, (_, i) => generate(base, `gateway${g} ${i}`, `user-${g}`))));
  expect(statuses).toEqual(Array(30).fill(200));
  expect(fake.violations).toEqual([]);
  expect(fake.requests).toHaveLength(30);
  const times = fake.requests.map((r) => r.at);
  expect(maxInAnyWindow(times, WINDOW_MS)).toBeLessThanOrEqual(6);
  // Without the shared budget each process would send 6 per window (18 together); shared, 30 calls need ~29 s.
  expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(28_000);
  // Every process got its turns early on: none waited for the others to finish.
  const firstHalf = fake.requests.slice(0, 15).map((r) => String(r.body.prompt).split(" ")[0]);
  expect(new Set(firstHalf).size).toBe(3);
});
