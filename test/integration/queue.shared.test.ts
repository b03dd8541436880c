// SharedFairQueue against a real redis-server, several "replicas" in this process: one turn order across
// them, a dead replica's tickets expire with its lease, shutdown fails its waiters at once, Redis lost → back.
import Redis from "ioredis";
import type { QueueLog } from "../../server/queue/queueLog";
import { RedisTurns } from "../../server/queue/redisTurns";
import { SharedFairQueue } from "../../server/queue/SharedFairQueue";
import { startRedis, type RedisServer } from "./queue.helpers";

jest.setTimeout(30_000);

let redis: RedisServer & { port: number };
const queues: SharedFairQueue[] = [];
const clients: Redis[] = [];
let prefixCount = 0;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(queues.map((queue) => queue.close()));
  for (const client of clients) client.disconnect();
  await redis?.stop();
});

/** Records the queue's log lines (warnings, grants). */
function recordingLog(): QueueLog & { lines: { level: string; fields: Record<string, unknown>; message: string }[] } {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => void lines.push({ level, fields, message });
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn") };
}

/** `count` replicas on one key prefix: 6 calls per 1.2 s window → one slot each 200 ms (no margin). */
function replicas(count: number, options: { leaseMs?: number; maxWaitMs?: number } = {}) {
  const prefix = `test:${++prefixCount}:`;
  return Array.from({ length: count }, () => {
    const log = recordingLog();
    const client = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    client.on("error", () => undefined);
    client.connect().catch(() => undefined);
    clients.push(client);
    const queue = new SharedFairQueue(new RedisTurns(client, prefix), {
      budget: { rpm: 6, windowMs: 1200, marginMs: 0 },
      leaseMs: options.leaseMs ?? 1000,
      pollMs: 20,
      recoverMs: 200,
      maxWaitMs: options.maxWaitMs,
      log,
    });
    queues.push(queue);
    return { queue, log, client, prefix };
  });
}

/**
 * Holds the shared budget's slot (the `slot` key, redisTurns.ts) so no replica is granted anything until
 * `release()`: a test queues its calls, waits until Redis holds them (`queued`), then lets the turns run, so the
 * order it checks is the queue's and not how fast each replica's enqueue reached Redis on a loaded machine.
 */
async function holdSlot(prefix: string) {
  const admin = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  await admin.set(`${prefix}slot`, "held by the test", "PX", 20_000);
  return {
    /** Resolves once `user` has `count` tickets waiting in Redis (polls every 10 ms, fails after 5 s). */
    async queued(user: string, count: number): Promise<void> {
      const deadline = Date.now() + 5000;
      while ((await admin.llen(`${prefix}u:${user}`)) < count) {
        if (Date.now() > deadline) throw new Error(`${user} never had ${count} tickets in Redis`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async release(): Promise<void> {
      await admin.del(`${prefix}slot`);
      await admin.quit();
    },
  };
}

/** Redis-timed grant times (ms) of every replica's shared-mode grants, in order. */
const sharedGrantTimes = (...all: { log: ReturnType<typeof recordingLog> }[]) =>
  all
    .flatMap((r) => r.log.lines.filter((line) => line.message === "upstream slot granted" && line.fields.mode === "shared"))
    .map((line) => Number(line.fields.grantedAt))
    .sort((x, y) => x - y);

const ctx = (userId: string, signal = new AbortController().signal) => ({ userId, signal });
const ready = (client: Redis) => (client.status === "ready" ? Promise.resolve() : new Promise((resolve) => client.once("ready", resolve)));

test("two replicas, users queued on both: one round-robin order across replicas, FIFO per user, one slot per interval", async () => {
  const [a, b] = replicas(2);
  await Promise.all([ready(a.client), ready(b.client)]);
  const started: string[] = [];
  const take = (replica: SharedFairQueue, label: string) => replica.acquire(ctx(label.split(" ")[0])).then(() => void started.push(label));
  // ana queues 3 on A, then ben 3 on B, then ana 1 more on B, all before the first grant. The users alternate
  // whichever replica they are on, and ana 4 (on B) waits behind ana 3 (on A): per-replica order would start
  // ben 1 and ana 4 first on B.
  const slot = await holdSlot(a.prefix);
  const all = [take(a.queue, "ana 1"), take(a.queue, "ana 2"), take(a.queue, "ana 3")];
  await slot.queued("ana", 3);
  all.push(take(b.queue, "ben 1"), take(b.queue, "ben 2"), take(b.queue, "ben 3"));
  await slot.queued("ben", 3);
  all.push(take(b.queue, "ana 4"));
  await slot.queued("ana", 4);
  await slot.release();
  await Promise.all(all);
  expect(started).toEqual(["ana 1", "ben 1", "ana 2", "ben 2", "ana 3", "ben 3", "ana 4"]);
  // One grant per 200 ms slot, on Redis' clock (whole ms), whenever each replica picked its grant up.
  const times = sharedGrantTimes(a, b);
  expect(times).toHaveLength(7);
  for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(200);
});

test("a replica that dies with tickets waiting: its tickets expire with its lease and the others are served", async () => {
  const [a, dead] = replicas(2, { leaseMs: 600 });
  await Promise.all([ready(a.client), ready(dead.client)]);
  // The dying replica queues 5 for cy, then stops renewing (its connection is cut, no goodbye).
  const slot = await holdSlot(a.prefix);
  for (let i = 0; i < 5; i++) dead.queue.acquire(ctx("cy")).catch(() => undefined);
  await slot.queued("cy", 5);
  dead.client.disconnect();
  await slot.release();
  const startedAt = Date.now();
  await Promise.all([a.queue.acquire(ctx("dee")), a.queue.acquire(ctx("dee")), a.queue.acquire(ctx("eve"))]);
  // At most the slots that ran while its lease lived (600 ms / 200 ms) went to cy's dead tickets, then dee/eve.
  expect(Date.now() - startedAt).toBeLessThan(600 + 3 * 200 + 500);
  const granted = a.log.lines.filter((line) => line.message === "upstream slot granted");
  expect(granted).toHaveLength(3);
});

test("close(): this replica's waiting calls fail at once with 503 queue_closed (upstream_unavailable); the other replica keeps serving", async () => {
  const [a, b] = replicas(2);
  await Promise.all([ready(a.client), ready(b.client)]);
  const onA = Array.from({ length: 4 }, () =>
    a.queue.acquire(ctx("fay")).then(
      () => "served",
      (error: { statusCode: number; code: string; type: string }) => error,
    ),
  );
  const onB = Array.from({ length: 3 }, () => b.queue.acquire(ctx("gus")));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const closing = Date.now();
  await a.queue.close();
  const results = await Promise.all(onA);
  expect(Date.now() - closing).toBeLessThan(1500);
  const failed = results.filter((r) => r !== "served");
  expect(failed.length).toBeGreaterThanOrEqual(2);
  for (const error of failed) expect(error).toMatchObject({ statusCode: 503, code: "queue_closed", type: "upstream_unavailable" });
  await Promise.all(onB);
});

test("Redis stops mid-queue: a warning and a local budget (rpm ÷ replicas seen); Redis back: the shared order again", async () => {
  // A lease longer than the test's steps: "replicas seen" counts leases renewed within it, and on a loaded machine
  // a 1 s lease let one replica's last tick fall out before the other counted it (replicasSeen 1, not 2).
  const [a, b] = replicas(2, { leaseMs: 5000 });
  await Promise.all([ready(a.client), ready(b.client)]);
  // Both replicas tick once so each has seen the other.
  await Promise.all([a.queue.acquire(ctx("hal")), b.queue.acquire(ctx("ivy"))]);
  const calls = [...Array.from({ length: 4 }, () => a.queue.acquire(ctx("hal"))), ...Array.from({ length: 4 }, () => b.queue.acquire(ctx("ivy")))];
  await new Promise((resolve) => setTimeout(resolve, 50));
  await redis.stop();
  await Promise.all(calls); // served from the local budgets: nothing hangs, nothing fails
  for (const replica of [a, b]) {
    const warning = replica.log.lines.find((line) => line.level === "warn");
    expect(warning?.message).toMatch(/local budget/);
    expect(warning?.fields).toMatchObject({ localRpm: 3, replicasSeen: 2 });
  }
  expect(a.queue.state).toBe("local");
  redis = await startRedis({ port: redis.port });
  // ioredis reconnects (its back-off grows while Redis is away) and the queue probes every 200 ms: wait for both,
  // 10 s at most, rather than a fixed time that a loaded machine can overrun.
  const deadline = Date.now() + 10_000;
  while ((a.queue.state !== "shared" || b.queue.state !== "shared") && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect([a.queue.state, b.queue.state]).toEqual(["shared", "shared"]);
  for (const replica of [a, b]) expect(replica.log.lines.some((line) => /recovered/.test(line.message))).toBe(true);
  // The shared order again: jo's two calls on A and kim's on B, all queued in Redis before the first grant.
  const order: string[] = [];
  const slot = await holdSlot(a.prefix);
  const again = [a.queue.acquire(ctx("jo")).then(() => order.push("jo 1")), a.queue.acquire(ctx("jo")).then(() => order.push("jo 2"))];
  await slot.queued("jo", 2);
  again.push(b.queue.acquire(ctx("kim")).then(() => order.push("kim 1")));
  await slot.queued("kim", 1);
  await slot.release();
  await Promise.all(again);
  expect(order).toEqual(["jo 1", "kim 1", "jo 2"]);
});

test("a call that gets no slot within maxWaitMs: 429 queue_timeout with retry-after, its ticket leaves Redis, the rest go on", async () => {
  const [a, b] = replicas(2, { maxWaitMs: 700 });
  await Promise.all([ready(a.client), ready(b.client)]);
  let waiting = 0;
  const onWaiting = (now: boolean) => void (waiting += now ? 1 : -1);
  // One slot each 200 ms: 10 calls cannot all start within 0.7 s.
  const calls = Array.from({ length: 10 }, () =>
    a.queue.acquire({ ...ctx("hal"), onWaiting }).then(
      () => "served",
      (error: { status: number; code: string; type: string; details: { retryAfterMs?: number } }) => error,
    ),
  );
  const results = await Promise.all(calls);
  const failed = results.filter((r) => r !== "served");
  expect(results.filter((r) => r === "served").length).toBeGreaterThanOrEqual(1);
  expect(failed.length).toBeGreaterThanOrEqual(3);
  for (const error of failed) {
    expect(error).toMatchObject({ status: 429, code: "queue_timeout", type: "rate_limited" });
    expect(typeof error === "object" && error.details.retryAfterMs).toBeGreaterThanOrEqual(1000);
  }
  expect(waiting).toBe(0); // every wait that began was reported ended
  expect(a.queue.size).toBe(0);
  // The timed-out tickets left the shared order: a call on the other replica is next, not behind them.
  const started = Date.now();
  await b.queue.acquire(ctx("ivy"));
  expect(Date.now() - started).toBeLessThan(1500);
});
