// The gateway's shared queue: every upstream call waits here for a slot of the requests-per-minute budget;
// users take turns (round-robin between per-user FIFO queues) and each waiter hears its position.
import { ProviderError } from "../providers/errors";
import type { QueueStatus } from "../../src/core/protocol/wire";
import type { GenerateContext, UpstreamGate } from "../providers/Provider";
import type { SlotLimiter } from "./slotLimiter";

/** Key of callers without a user id (authentication off): they share one turn. */
export const ANONYMOUS_USER = "anonymous";

interface Waiter {
  user: string;
  resolve(): void;
  reject(error: unknown): void;
  onQueue?: (status: QueueStatus) => void;
  /** Last position reported, to report changes only. */
  reported?: number;
  detach(): void;
}

/** Limits of a {@link FairQueue}. */
export interface FairQueueOptions {
  /** Most calls one user may have waiting. @default 20 */
  maxPerUser?: number;
  /** Most calls waiting in all. @default 500 */
  maxTotal?: number;
  /** @default Date.now */
  now?: () => number;
  /** Called when the limiter's store fails (Redis down); waiters are rejected with 503 `queue_unavailable`. */
  onStoreError?: (error: unknown) => void;
  /** Called when a waiter is let through (one slot spent), e.g. to log grant times. */
  onGrant?: () => void;
  /**
   * Longest wait for a slot (`IMAGE_QUEUE_TIMEOUT_MS`), in ms; then the call fails with 429 `queue_timeout` and a
   * retry-after of the expected wait. Apart from GENERATION_TIMEOUT_MS, which starts only once the call has its slot.
   * @default no bound
   */
  maxWaitMs?: number;
}

/** A queue's own failure: 429 (type `rate_limited`, with retry-after) or 503 (type `upstream_unavailable`). */
export function queueError(code: string, message: string, status: number, retryAfterMs?: number): ProviderError {
  return new ProviderError(
    status,
    code,
    status === 429 ? "rate_limited" : "upstream_unavailable",
    message,
    retryAfterMs === undefined ? {} : { retryAfterMs: Math.ceil(retryAfterMs) },
  );
}

/**
 * The failure of a call that waited `maxWaitMs` without a slot: 429 `queue_timeout`, as Azure OpenAI and OpenAI answer
 * a request over the deployment's rate (429 + retry-after), not 503, which the gateway keeps for "unavailable"
 * (shutdown, Redis lost). `retryAfterMs` is the wait still expected at its place in the queue.
 */
export function queueTimeoutError(maxWaitMs: number, retryAfterMs: number): ProviderError {
  return queueError(
    "queue_timeout",
    `No upstream slot within ${Math.round(maxWaitMs / 1000)} s: too many images are waiting; try again later`,
    429,
    Math.max(1000, retryAfterMs),
  );
}

/**
 * Fails a waiter with {@link queueTimeoutError} after `maxWaitMs` (none when undefined): `expectedWaitMs` is asked
 * then, for the retry-after. Clear the returned timer when the waiter leaves otherwise.
 */
export function expireAfter(
  maxWaitMs: number | undefined,
  expectedWaitMs: () => number,
  fail: (error: ProviderError) => void,
): NodeJS.Timeout | undefined {
  if (maxWaitMs === undefined) return undefined;
  return setTimeout(() => fail(queueTimeoutError(maxWaitMs, expectedWaitMs())), maxWaitMs);
}

/**
 * Why a call cannot join a queue now, or undefined when it may wait. Checked in this order: 503 `queue_closed`
 * once the queue is closed; the signal's reason when `signal` has aborted already; 429 `queue_full` (retry-after
 * `estimateMs()`) when `mine` (the user's waiting calls) or `size` (everyone's) reaches `maxPerUser` (20) or
 * `maxTotal` (500). Both FairQueue and SharedFairQueue admit through this.
 */
export function refuseToQueue(state: {
  closed: boolean;
  signal: AbortSignal;
  mine: () => number;
  size: number;
  limits: Pick<FairQueueOptions, "maxPerUser" | "maxTotal">;
  estimateMs: () => number;
}): { reason: unknown } | undefined {
  if (state.closed) return { reason: queueError("queue_closed", "The gateway is shutting down; try again", 503) };
  if (state.signal.aborted) return { reason: state.signal.reason };
  if (state.mine() >= (state.limits.maxPerUser ?? 20) || state.size >= (state.limits.maxTotal ?? 500)) {
    return { reason: queueError("queue_full", "Too many images are waiting; try again later", 429, state.estimateMs()) };
  }
  return undefined;
}

/**
 * Tells `ctx.onWaiting` that a call waits for a slot now, and again when `waited` settles (granted or failed), so
 * the gateway's generation clock stands still in between.
 */
export function reportWaiting<T>(ctx: GenerateContext, waited: Promise<T>): Promise<T> {
  if (!ctx.onWaiting) return waited;
  const onWaiting = ctx.onWaiting;
  onWaiting(true);
  return waited.finally(() => onWaiting(false));
}

/**
 * Admits upstream calls one slot at a time. Order: round-robin between users in the order they first
 * queued; FIFO within a user. One process only: replicas sharing Redis use SharedFairQueue.ts instead.
 */
export class FairQueue implements UpstreamGate {
  /** Users with waiting calls, in turn order; the head goes next. */
  private readonly turns: string[] = [];
  private readonly waiting = new Map<string, Waiter[]>();
  private pumping = false;
  private closed = false;
  /** When the next slot is expected (ms since epoch), from the limiter's last answer. */
  private nextSlotAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(
    private readonly limiter: SlotLimiter,
    private readonly options: FairQueueOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Calls waiting now. */
  get size(): number {
    let total = 0;
    for (const list of this.waiting.values()) total += list.length;
    return total;
  }

  /**
   * Waits for a slot for `ctx.userId`, reporting position changes to `ctx.onQueue` (position 0 = starting) and the
   * wait itself to `ctx.onWaiting`.
   * @throws ProviderError 429 `queue_full` when the user (or everyone) has too many calls waiting; 429
   *   `queue_timeout` after `maxWaitMs` without a slot; 503 `queue_unavailable` when the limiter's store fails;
   *   the signal's reason when `ctx.signal` aborts
   */
  acquire(ctx: GenerateContext): Promise<void> {
    return reportWaiting(ctx, this.waitForSlot(ctx));
  }

  private waitForSlot(ctx: GenerateContext): Promise<void> {
    const user = ctx.userId || ANONYMOUS_USER;
    const mine = this.waiting.get(user) ?? [];
    const refused = refuseToQueue({
      closed: this.closed,
      signal: ctx.signal,
      mine: () => mine.length,
      size: this.size,
      limits: this.options,
      estimateMs: () => (this.size + 1) * this.limiter.intervalMs,
    });
    if (refused) return Promise.reject(refused.reason);
    return new Promise<void>((resolve, reject) => {
      const leave = (error: unknown) => {
        this.remove(waiter);
        waiter.detach();
        reject(error);
        this.report();
      };
      const onAbort = () => leave(ctx.signal.reason);
      const expectedWaitMs = () => Math.max(0, this.nextSlotAt - this.now()) + Math.max(0, this.order().indexOf(waiter)) * this.limiter.intervalMs;
      const expiry = expireAfter(this.options.maxWaitMs, expectedWaitMs, leave);
      const waiter: Waiter = {
        user,
        resolve,
        reject,
        onQueue: ctx.onQueue,
        detach: () => {
          ctx.signal.removeEventListener("abort", onAbort);
          clearTimeout(expiry);
        },
      };
      ctx.signal.addEventListener("abort", onAbort, { once: true });
      if (mine.length === 0) {
        this.waiting.set(user, mine);
        this.turns.push(user);
      }
      mine.push(waiter);
      void this.pump();
    });
  }

  /** The waiting calls in the order they will start. */
  private order(): Waiter[] {
    const lists = this.turns.map((user) => [...(this.waiting.get(user) ?? [])]);
    const result: Waiter[] = [];
    for (let round = 0; lists.some((list) => list.length > round); round++) {
      for (const list of lists) if (list[round]) result.push(list[round]);
    }
    return result;
  }

  /** Takes the next waiter in turn and moves its user to the back of the turns. */
  private next(): Waiter | undefined {
    const user = this.turns.shift();
    if (user === undefined) return undefined;
    const list = this.waiting.get(user) ?? [];
    const waiter = list.shift();
    if (list.length > 0) this.turns.push(user);
    else this.waiting.delete(user);
    return waiter;
  }

  private remove(waiter: Waiter): void {
    const list = this.waiting.get(waiter.user);
    if (!list) return;
    const index = list.indexOf(waiter);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) {
      this.waiting.delete(waiter.user);
      this.turns.splice(this.turns.indexOf(waiter.user), 1);
    }
  }

  /** Tells every waiter whose position changed where it stands now. */
  private report(): void {
    const untilNext = Math.max(0, this.nextSlotAt - this.now());
    this.order().forEach((waiter, index) => {
      if (!waiter.onQueue || waiter.reported === index + 1) return;
      waiter.reported = index + 1;
      waiter.onQueue({ position: index + 1, expected_start_ms: Math.round(untilNext + index * this.limiter.intervalMs) });
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.closed && this.size > 0) {
        let taken;
        try {
          taken = await this.limiter.tryTake();
        } catch (error) {
          this.options.onStoreError?.(error);
          this.failAll(queueError("queue_unavailable", "The gateway's shared queue is unavailable; try again shortly", 503));
          return;
        }
        if (taken.ok) {
          this.nextSlotAt = this.now() + this.limiter.intervalMs;
          const waiter = this.next();
          if (!waiter) continue; // everyone left meanwhile: the slot is spent (never more calls than the budget)
          waiter.detach();
          this.options.onGrant?.();
          if (waiter.reported !== undefined) waiter.onQueue?.({ position: 0, expected_start_ms: 0 });
          waiter.resolve();
        } else {
          this.nextSlotAt = this.now() + taken.retryInMs;
          this.report();
          // New arrivals need no early wake: the next slot's time does not depend on them.
          await new Promise<void>((resolve) => {
            this.timer = setTimeout(resolve, taken.retryInMs);
          });
        }
        this.report();
      }
    } finally {
      this.pumping = false;
    }
  }

  private failAll(error: ProviderError): void {
    for (const waiter of this.order()) {
      waiter.detach();
      waiter.reject(error);
    }
    this.waiting.clear();
    this.turns.length = 0;
  }

  /** Rejects every waiter with 503 `queue_closed`, stops the timer and closes the limiter's store. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.failAll(queueError("queue_closed", "The gateway is shutting down; try again", 503));
    await this.limiter.close();
  }
}
