// The shared budget across replicas: 3 gateway processes (`server/gateway/main.ts` under tsx, HTTPS) share one
// real redis-server; 10 requests to each at IMAGE_RPM=6 (window scaled to 4.5 s: one slot a second) → at most 6
// grants in any window (exact, on the times the gateways logged) and at most 6 upstream arrivals in any window
// shortened by a stated jitter tolerance, though each process alone would allow 6.
import path from "node:path";
import { loadDevTls, type DevTls } from "../../server/shared/devTls";
import { startFakeUpstream, type FakeUpstream } from "../fakes/upstream/FakeUpstream";
import { API_KEY } from "./providers.helpers";
import {
  grantTimes,
  maiAtSixPerWindow,
  maxInAnyWindow,
  postGeneration,
  startGatewayProcess,
  startRedis,
  startTestIssuer,
  stopProcess,
  type GatewayProcess,
  type RedisServer,
  type TestIssuer,
} from "./queue.helpers";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "../..");
const WINDOW_MS = 4500;
let redis: RedisServer;
let fake: FakeUpstream;
let tls: DevTls;
let issuer: TestIssuer;
/** Grant to arrival: pick-up poll (100 ms), HTTPS and scheduling on a loaded machine (load average 13 seen). */
const ARRIVAL_TOLERANCE_MS = 1000;
const gateways: GatewayProcess[] = [];

/** Starts `npm run gateway`'s entry point (tsx) on a free port and resolves once it listens. */
async function startGateway(env: NodeJS.ProcessEnv): Promise<GatewayProcess> {
  const gateway = await startGatewayProcess([path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "server/gateway/main.ts")], env, ROOT);
  gateways.push(gateway);
  return gateway;
}

async function generate(base: string, prompt: string, user: string): Promise<number> {
  return (await postGeneration(base, await issuer.token(user), tls.ca, prompt)).status;
}

beforeAll(async () => {
  tls = await loadDevTls();
  redis = await startRedis();
  issuer = await startTestIssuer(tls);
  fake = await startFakeUpstream({ kind: "foundry-mai", deployment: "MAI-Image-2", apiKey: API_KEY });
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => stopProcess(g.child)));
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
    LOG_LEVEL: "debug", // one line per granted slot, with its time
    AUTH_ISSUER: issuer.issuer,
  };
  const started = await Promise.all([startGateway(env), startGateway(env), startGateway(env)]);
  const bases = started.map((g) => g.base);
  const statuses = await Promise.all(bases.flatMap((base, g) => Array.from({ length: 10 }, (_, i) => generate(base, `gateway${g} ${i}`, `user-${g}`))));
  expect(statuses).toEqual(Array(30).fill(200));
  expect(fake.violations).toEqual([]);
  expect(fake.requests).toHaveLength(30);
  // Exactly, on the grant times the gateways decided (Redis TIME); with a tolerance, on what the upstream saw.
  const grants = grantTimes(started);
  expect(grants).toHaveLength(30);
  expect(maxInAnyWindow(grants, WINDOW_MS)).toBeLessThanOrEqual(6);
  const times = fake.requests.map((r) => r.at);
  expect(maxInAnyWindow(times, WINDOW_MS - ARRIVAL_TOLERANCE_MS)).toBeLessThanOrEqual(6);
  // Without the shared budget each process would grant 6 per window (18 together); shared, 30 grants need ≥ 29 s.
  expect(Math.max(...grants) - Math.min(...grants)).toBeGreaterThanOrEqual(29 * 1000 - 50);
  // Every process got its turns early on: none waited for the others to finish.
  const firstHalf = fake.requests.slice(0, 15).map((r) => String(r.body.prompt).split(" ")[0]);
  expect(new Set(firstHalf).size).toBe(3);
});
