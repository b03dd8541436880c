// The shared budget across replicas: 3 gateway processes (`server/gateway/main.ts` under tsx, HTTPS) share one
// real redis-server; 10 requests to each at IMAGE_RPM=6 (window scaled to 4.5 s: one slot a second) → at most 6
// grants in any window (exact, on the times the gateways logged) and at most 6 upstream arrivals in any window
// shortened by a stated jitter tolerance, though each process alone would allow 6.
import path from "node:path";
import { API_KEY } from "./providers.helpers";
import { grantTimes, maiAtSixPerWindow, maxInAnyWindow, useQueueWorld, type GatewayProcess } from "./queue.helpers";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "../..");
const WINDOW_MS = 4500;
/** Grant to arrival: pick-up poll (100 ms), HTTPS and scheduling on a loaded machine (load average 13 seen). */
const ARRIVAL_TOLERANCE_MS = 1000;
const world = useQueueWorld();
beforeAll(() => {
  world.fake.picture = "blocks"; // a test of the queue, not of PNG work (see queue.replicas.test.ts)
});

/** Starts `npm run gateway`'s entry point (tsx) on a free port and resolves once it listens. */
function startGateway(env: NodeJS.ProcessEnv): Promise<GatewayProcess> {
  return world.startGateway([path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "server/gateway/main.ts")], env, ROOT);
}

test("3 gateway processes sharing Redis at IMAGE_RPM=6: ≤ 6 upstream calls in any window, all 30 served", async () => {
  const fake = world.fake;
  const env = world.gatewayEnv(maiAtSixPerWindow(fake.url, API_KEY, WINDOW_MS));
  const started = await Promise.all([startGateway(env), startGateway(env), startGateway(env)]);
  const bases = started.map((g) => g.base);
  const statuses = await Promise.all(
    bases.flatMap((base, g) => Array.from({ length: 10 }, async (_, i) => (await world.generate(base, `user-${g}`, `gateway${g} ${i}`)).status)),
  );
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
