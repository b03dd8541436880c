// The generation clock (GENERATION_TIMEOUT_MS) on a fake clock: it stands still while a call waits for its queue slot.
import { EventEmitter } from "node:events";
import type { FastifyReply } from "fastify";
import { watchGeneration } from "../../../../server/gateway/cancellation";

/** The bit of a reply watchGeneration uses: the raw response's `close` event and `writableFinished`. */
function fakeReply(): FastifyReply {
  const raw = Object.assign(new EventEmitter(), { writableFinished: false });
  return { raw } as unknown as FastifyReply;
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test("time waiting for a slot does not count: 10 min queued, then 2.9 s of a 3 s timeout, still running", () => {
  const watch = watchGeneration(fakeReply(), 3000);
  watch.onWaiting(true);
  jest.advanceTimersByTime(600_000);
  watch.onWaiting(false);
  jest.advanceTimersByTime(2900);
  expect(watch.signal.aborted).toBe(false);
  jest.advanceTimersByTime(100);
  expect(watch.signal.reason).toMatchObject({ status: 504, code: "generation_timeout" });
  watch.dispose();
});

test("the work before and after a wait adds up (a retry that queues again): 1 s + queue + 2 s of a 3 s timeout", () => {
  const watch = watchGeneration(fakeReply(), 3000);
  jest.advanceTimersByTime(1000);
  watch.onWaiting(true);
  jest.advanceTimersByTime(60_000);
  watch.onWaiting(false);
  jest.advanceTimersByTime(1999);
  expect(watch.signal.aborted).toBe(false);
  jest.advanceTimersByTime(1);
  expect(watch.signal.aborted).toBe(true);
  watch.dispose();
});

test("with several calls (one per MAI image) the clock runs again only when the last one has its slot", () => {
  const watch = watchGeneration(fakeReply(), 3000);
  watch.onWaiting(true);
  watch.onWaiting(true);
  watch.onWaiting(false);
  jest.advanceTimersByTime(10_000);
  expect(watch.signal.aborted).toBe(false);
  watch.onWaiting(false);
  jest.advanceTimersByTime(3000);
  expect(watch.signal.reason).toMatchObject({ code: "generation_timeout" });
  watch.dispose();
});

test("a client that closes the connection while queued aborts with 499 at once", () => {
  const reply = fakeReply();
  const watch = watchGeneration(reply, 3000);
  watch.onWaiting(true);
  reply.raw.emit("close");
  expect(watch.signal.reason).toMatchObject({ status: 499, code: "client_closed_request" });
  watch.dispose();
});
