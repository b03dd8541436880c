// The shared queue's order, reports and limits with a hand-driven limiter (no rate-limiter store, no clock).
import { FairQueue } from "../../../../server/queue/FairQueue";
import type { SlotLimiter, TakeResult } from "../../../../server/queue/slotLimiter";
import type { QueueStatus } from "../../../../src/core/protocol/wire";

/** A limiter that grants a slot only when the test opens one. */
function gatedLimiter(): SlotLimiter & { open(): void } {
  let free = 0;
  return {
    intervalMs: 1000,
    open: () => void free++,
    async tryTake(): Promise<TakeResult> {
      if (free > 0) {
        free--;
        return { ok: true };
      }
      return { ok: false, retryInMs: 5 };
    },
    close: async () => undefined,
  };
}

// Fake timers: the queue's retry timer (retryInMs) and clock advance only when a test calls tick(), so no test
// depends on how fast a loaded machine runs its timers.
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());
/** Advances the fake clock by `ms`, running the timers (the queue's retries) and promises due by then. */
const tick = (ms = 20) => jest.advanceTimersByTimeAsync(ms);

test("users take turns in the order they first queued; each user's calls stay in order", async () => {
  const limiter = gatedLimiter();
  const queue = new FairQueue(limiter);
  const started: string[] = [];
  const enqueue = (user: string, label: string) =>
    queue.acquire({ signal: new AbortController().signal, userId: user }).then(() => started.push(label));
  const all = [enqueue("a", "a1"), enqueue("a", "a2"), enqueue("a", "a3"), enqueue("b", "b1"), enqueue("b", "b2"), enqueue("c", "c1")];
  for (let i = 0; i < 6; i++) {
    limiter.open();
    await tick();
  }
  await Promise.all(all);
  expect(started).toEqual(["a1", "b1", "c1", "a2", "b2", "a3"]);
  await queue.close();
});

test("each waiter hears its position and expected start, then 0 when it starts", async () => {
  const limiter = gatedLimiter();
  const queue = new FairQueue(limiter);
  const reports: Record<string, QueueStatus[]> = { x: [], y: [] };
  const x = queue.acquire({ signal: new AbortController().signal, userId: "u", onQueue: (s) => reports.x.push(s) });
  const y = queue.acquire({ signal: new AbortController().signal, userId: "v", onQueue: (s) => reports.y.push(s) });
  await tick();
  expect(reports.x[0]).toEqual({ position: 1, expected_start_ms: expect.any(Number) });
  expect(reports.y[0].position).toBe(2);
  expect((reports.y[0].expected_start_ms ?? Number.NaN) - (reports.x[0].expected_start_ms ?? Number.NaN)).toBe(1000);
  limiter.open();
  await tick();
  await x;
  await tick();
  expect(reports.x[reports.x.length - 1]).toEqual({ position: 0, expected_start_ms: 0 });
  expect(reports.y[reports.y.length - 1].position).toBe(1);
  limiter.open();
  await tick();
  await y;
  await queue.close();
});

test("an aborted waiter leaves the queue and rejects with the signal's reason", async () => {
  const limiter = gatedLimiter();
  const queue = new FairQueue(limiter);
  const controller = new AbortController();
  const gone = queue.acquire({ signal: controller.signal, userId: "a" });
  const stays = queue.acquire({ signal: new AbortController().signal, userId: "b" });
  controller.abort(new Error("cancelled by the pane"));
  await expect(gone).rejects.toThrow("cancelled by the pane");
  expect(queue.size).toBe(1);
  limiter.open();
  await tick();
  await stays;
  await queue.close();
});

test("too many waiting for one user → 429 queue_full with a retry hint", async () => {
  const queue = new FairQueue(gatedLimiter(), { maxPerUser: 2 });
  const signal = new AbortController().signal;
  const waiting = [queue.acquire({ signal, userId: "a" }), queue.acquire({ signal, userId: "a" })];
  waiting.forEach((p) => p.catch(() => undefined));
  await expect(queue.acquire({ signal, userId: "a" })).rejects.toMatchObject({
    statusCode: 429,
    code: "queue_full",
    details: { retryAfterMs: 3000 },
  });
  await queue.close();
  await expect(waiting[0]).rejects.toMatchObject({ code: "queue_closed" });
});

test("a failing store (Redis down) rejects the waiters with 503 queue_unavailable, never lets calls through", async () => {
  const broken: SlotLimiter = { intervalMs: 1000, tryTake: async () => Promise.reject(new Error("ECONNREFUSED")), close: async () => undefined };
  const queue = new FairQueue(broken);
  await expect(queue.acquire({ signal: new AbortController().signal, userId: "a" })).rejects.toMatchObject({
    statusCode: 503,
    code: "queue_unavailable",
  });
});

test("a call that waits longer than maxWaitMs fails with 429 queue_timeout and a retry-after; the others keep their turn", async () => {
  const limiter = gatedLimiter();
  const queue = new FairQueue(limiter, { maxWaitMs: 10_000 });
  const started: string[] = [];
  const first = queue.acquire({ signal: new AbortController().signal, userId: "a" }).then(() => started.push("a1"));
  const late = queue.acquire({ signal: new AbortController().signal, userId: "b" });
  const failure = late.catch((error: unknown) => error);
  await tick(9_000);
  limiter.open();
  await tick(500);
  await first;
  await tick(600); // b has waited 10.1 s
  expect(await failure).toMatchObject({ status: 429, code: "queue_timeout", type: "rate_limited", details: { retryAfterMs: expect.any(Number) } });
  expect(((await failure) as { details: { retryAfterMs: number } }).details.retryAfterMs).toBeGreaterThanOrEqual(1000);
  // It left the queue: a later call is next, and no slot goes to the one that timed out.
  const next = queue.acquire({ signal: new AbortController().signal, userId: "c" }).then(() => started.push("c1"));
  limiter.open();
  await tick();
  await next;
  expect(started).toEqual(["a1", "c1"]);
  expect(queue.size).toBe(0);
  await queue.close();
});

test("onWaiting hears true when a call starts waiting and false once it has its slot (or leaves)", async () => {
  const limiter = gatedLimiter();
  const queue = new FairQueue(limiter);
  const seen: string[] = [];
  const granted = queue.acquire({ signal: new AbortController().signal, userId: "u", onWaiting: (w) => seen.push(`x:${w}`) });
  const aborted = new AbortController();
  const left = queue.acquire({ signal: aborted.signal, userId: "v", onWaiting: (w) => seen.push(`y:${w}`) }).catch(() => "left");
  expect(seen).toEqual(["x:true", "y:true"]);
  limiter.open();
  await tick();
  await granted;
  expect(seen).toEqual(["x:true", "y:true", "x:false"]);
  aborted.abort(new Error("gone"));
  expect(await left).toBe("left");
  expect(seen).toEqual(["x:true", "y:true", "x:false", "y:false"]);
  await queue.close();
});
