// The gateway's queue when replicas share Redis: one turn order and one budget for every replica, with
// leases so a dead replica's tickets expire, and a local budget (with a warning) while Redis is away.
import { randomUUID } from "node:crypto";
import type { GenerateContext, UpstreamGate } from "../providers/Provider";
import { ANONYMOUS_USER, FairQueue, expireAfter, queueError, refuseToQueue, reportWaiting } from "./FairQueue";
import type { QueueLog } from "./queueLog";
import type { RedisTurns } from "./redisTurns";
import { memorySlotLimiter, slotIntervalMs, type SlotBudget } from "./slotLimiter";

/** Settings of a {@link SharedFairQueue}. */
export interface SharedFairQueueOptions {
  budget: SlotBudget;
  /** Lease of this replica's tickets (`IMAGE_QUEUE_LEASE_MS`): renewed every `pollMs`; a replica silent longer loses its turn. @default 5000 */
  leaseMs?: number;
  /** How often a replica with waiting calls asks Redis for its grants. @default 100 */
  pollMs?: number;
  /** How often to try Redis again while degraded. @default 1000 */
  recoverMs?: number;
  /** Most calls one user may have waiting on this replica. @default 20 */
  maxPerUser?: number;
  /** Most calls waiting on this replica. @default 500 */
  maxTotal?: number;
  /** Longest wait for a slot, wherever the call waits (Redis or the local budget); see FairQueueOptions.maxWaitMs. */
  maxWaitMs?: number;
  log: QueueLog;
}

interface Waiter {
  seq: number;
  user: string;
  ctx: GenerateContext;
  resolve(): void;
  reject(error: unknown): void;
  /** Where it waits now: a ticket in Redis, or the local queue while degraded. */
  where: "shared" | "local";
  ticket?: string;
  /** Takes it out of the local queue (to move it back to Redis); not a caller's abort. */
  moveOut?: AbortController;
  reported?: number;
  detach(): void;
}

const sleep = (ms: number, timers: Set<NodeJS.Timeout>) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });

/**
 * Admits upstream calls across every replica that uses the same Redis and key prefix: round-robin between
 * users in the order they first queued on any replica, FIFO within a user, one slot per `window / rpm`
 * (+ margin) for all replicas together.
 *
 * Why Redis lists and Lua through ioredis, not BullMQ or rate-limiter-flexible's queue: BullMQ's fair
 * per-user rotation ("groups") is in the paid BullMQ Pro only, and its workers run jobs themselves, while
 * here the HTTP request that waits must run its own upstream call; `RateLimiterQueue` of
 * rate-limiter-flexible keeps its FIFO in the process's memory (one order per replica, no per-user turns).
 * Five short scripts (redisTurns.ts) give one atomic order, the budget and leases with the client the
 * gateway already uses.
 *
 * Failure modes:
 * - a replica that dies: its lease expires after `leaseMs`; its tickets are dropped when their turn comes
 *   (no slot spent on them), so no other replica's call is lost; its own callers' connections close with it;
 * - `close()` (SIGTERM): its waiting calls fail at once with 503 `queue_closed` (type `upstream_unavailable`)
 *   and its tickets leave Redis;
 * - Redis unreachable: a warning, and the waiting calls move to a local budget of `rpm / replicas last seen`
 *   (so the replicas together stay within `rpm`); when Redis answers again they move back, in order.
 */
export class SharedFairQueue implements UpstreamGate {
  private replica = randomUUID();
  private seq = 0;
  private readonly waiters = new Map<number, Waiter>();
  private mode: "shared" | "local" = "shared";
  private local: FairQueue | undefined;
  private replicasSeen = 1;
  private pumping = false;
  private closed = false;
  private recovering: NodeJS.Timeout | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly intervalMs: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private nextSlotAt = 0;
  private lastReportAt = 0;

  constructor(
    private readonly turns: RedisTurns,
    private readonly options: SharedFairQueueOptions,
  ) {
    this.intervalMs = Math.ceil(slotIntervalMs(options.budget));
    this.leaseMs = options.leaseMs ?? 5000;
    this.pollMs = options.pollMs ?? 100;
  }

  /** Calls waiting on this replica. */
  get size(): number {
    return this.waiters.size;
  }

  /** `shared` while Redis keeps the order, `local` while degraded. */
  get state(): "shared" | "local" {
    return this.mode;
  }

  /**
   * Waits for a slot for `ctx.userId`, reporting position changes to `ctx.onQueue` (position 0 = starting) and the
   * wait itself to `ctx.onWaiting`.
   * @throws ProviderError 429 `queue_full` (with retry-after) when the user or this replica has too many
   *   calls waiting; 429 `queue_timeout` after `maxWaitMs` without a slot; 503 `queue_closed` on shutdown; the
   *   signal's reason when `ctx.signal` aborts
   */
  acquire(ctx: GenerateContext): Promise<void> {
    return reportWaiting(ctx, this.waitForSlot(ctx));
  }

  private waitForSlot(ctx: GenerateContext): Promise<void> {
    const user = ctx.userId || ANONYMOUS_USER;
    const refused = refuseToQueue({
      closed: this.closed,
      signal: ctx.signal,
      mine: () => [...this.waiters.values()].filter((waiter) => waiter.user === user).length,
      size: this.size,
      limits: this.options,
      estimateMs: () => (this.size + 1) * this.intervalMs * Math.max(1, this.replicasSeen),
    });
    if (refused) return Promise.reject(refused.reason);
    return new Promise<void>((resolve, reject) => {
      const seq = ++this.seq;
      /** Takes the waiter out wherever it waits (its Redis ticket, or the local queue) and fails it with `error`. */
      const leave = (error: unknown) => {
        const waiter = this.waiters.get(seq);
        if (!waiter || !this.finish(waiter)) return;
        if (waiter.where === "shared" && waiter.ticket) this.turns.cancel(user, waiter.ticket).catch(() => undefined);
        else waiter.moveOut?.abort();
        reject(error);
      };
      const onAbort = () => leave(ctx.signal.reason);
      const expectedWaitMs = () => Math.max(0, this.nextSlotAt - Date.now()) + ((this.waiters.get(seq)?.reported ?? this.size) - 1) * this.intervalMs;
      const expiry = expireAfter(this.options.maxWaitMs, expectedWaitMs, leave);
      const waiter: Waiter = {
        seq,
        user,
        ctx,
        resolve,
        reject,
        where: "shared",
        detach: () => {
          ctx.signal.removeEventListener("abort", onAbort);
          clearTimeout(expiry);
        },
      };
      ctx.signal.addEventListener("abort", onAbort, { once: true });
      this.waiters.set(seq, waiter);
      // A first estimate at once (behind this replica's waiters; refined from Redis at the next report): the
      // gateway stops its generation clock on the first report, so time in the queue never counts.
      if (this.mode === "shared") {
        waiter.reported = this.size;
        ctx.onQueue?.({
          position: this.size,
          expected_start_ms: Math.round(Math.max(0, this.nextSlotAt - Date.now()) + (this.size - 1) * this.intervalMs),
        });
      }
      if (this.mode === "shared") this.enqueueShared(waiter);
      else this.enqueueLocal(waiter);
    });
  }

  private finish(waiter: Waiter): boolean {
    if (!this.waiters.delete(waiter.seq)) return false;
    waiter.detach();
    return true;
  }

  private enqueueShared(waiter: Waiter): void {
    waiter.where = "shared";
    waiter.ticket = `${this.replica}|${waiter.seq}`;
    // One connection sends commands in call order: a user's tickets reach Redis in arrival order.
    this.turns.enqueue(this.replica, waiter.user, waiter.ticket, this.leaseMs).then(
      () => void this.pump(),
      (error: unknown) => this.degrade(error),
    );
  }

  private enqueueLocal(waiter: Waiter): void {
    waiter.where = "local";
    waiter.ticket = undefined;
    const moveOut = new AbortController();
    waiter.moveOut = moveOut;
    const local = this.localQueue();
    // The local queue's wait is part of this one (already reported to onWaiting, bounded by maxWaitMs here).
    local.acquire({ ...waiter.ctx, onWaiting: undefined, signal: AbortSignal.any([waiter.ctx.signal, moveOut.signal]) }).then(
      () => {
        if (this.finish(waiter)) waiter.resolve();
      },
      (error: unknown) => {
        if (moveOut.signal.aborted && !waiter.ctx.signal.aborted) return; // moved back to Redis
        if (this.finish(waiter)) waiter.reject(error);
      },
    );
  }

  /** The degraded budget: `rpm / replicas last seen`, at least one call per window. */
  private localQueue(): FairQueue {
    if (!this.local) {
      const rpm = Math.max(1, Math.floor(this.options.budget.rpm / Math.max(1, this.replicasSeen)));
      this.local = new FairQueue(memorySlotLimiter({ ...this.options.budget, rpm }), {
        maxPerUser: this.options.maxPerUser,
        maxTotal: this.options.maxTotal,
        onGrant: () => this.options.log.debug({ mode: "local", grantedAt: Date.now() }, "upstream slot granted"),
      });
    }
    return this.local;
  }

  private degrade(error: unknown): void {
    if (this.closed || this.mode === "local") return;
    this.mode = "local";
    const rpm = Math.max(1, Math.floor(this.options.budget.rpm / Math.max(1, this.replicasSeen)));
    this.options.log.warn(
      { err: error instanceof Error ? error.message : String(error), localRpm: rpm, replicasSeen: this.replicasSeen },
      "shared queue unavailable (Redis): this replica now keeps a local budget",
    );
    for (const waiter of this.waiters.values()) if (waiter.where === "shared") this.enqueueLocal(waiter);
    this.recovering = setInterval(() => void this.tryRecover(), this.options.recoverMs ?? 1000);
    this.recovering.unref();
  }

  private recoverInFlight = false;

  private async tryRecover(): Promise<void> {
    if (this.closed || this.mode === "shared" || this.recoverInFlight) return;
    this.recoverInFlight = true;
    try {
      // A new identity: tickets left from before the outage (if Redis kept them) expire with the old lease.
      const replica = randomUUID();
      const answer = await this.turns.tick(replica, this.intervalMs, this.leaseMs);
      if (this.closed) return;
      this.replica = replica;
      this.replicasSeen = Math.max(1, answer.replicas);
      this.mode = "shared";
      clearInterval(this.recovering);
      const local = this.local;
      this.local = undefined;
      const moved = [...this.waiters.values()].filter((waiter) => waiter.where === "local");
      for (const waiter of moved) {
        waiter.moveOut?.abort();
        this.enqueueShared(waiter);
      }
      await local?.close();
      this.options.log.info({ moved: moved.length }, "shared queue recovered (Redis): back to the shared budget and turn order");
    } catch {
      // still unreachable: try again at the next interval
    } finally {
      this.recoverInFlight = false;
    }
  }

  private sharedWaiters(): Waiter[] {
    return [...this.waiters.values()].filter((waiter) => waiter.where === "shared" && waiter.ticket);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.closed && this.mode === "shared" && this.sharedWaiters().length > 0) {
        let answer;
        try {
          answer = await this.turns.tick(this.replica, this.intervalMs, this.leaseMs);
        } catch (error) {
          this.degrade(error);
          return;
        }
        this.replicasSeen = Math.max(1, answer.replicas);
        this.nextSlotAt = Date.now() + answer.waitMs;
        for (const grant of answer.granted) this.admit(grant.ticket, grant.grantedAt);
        if (!answer.leaseHeld) this.requeueAll("lease lapsed (Redis restarted or this replica stalled)");
        await this.report();
        await sleep(Math.max(5, Math.min(this.pollMs, answer.waitMs || this.pollMs)), this.timers);
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Queues every shared waiter again, in arrival order, under a new identity (its old tickets lapse). */
  private requeueAll(reason: string): void {
    const waiting = this.sharedWaiters();
    this.replica = randomUUID();
    this.options.log.warn({ requeued: waiting.length }, `shared queue: ${reason}; waiting calls queued again`);
    for (const waiter of waiting) this.enqueueShared(waiter);
  }

  private admit(ticket: string, grantedAt: number): void {
    const waiter = this.sharedWaiters().find((w) => w.ticket === ticket);
    // Granted after its caller left (or from an identity before an outage): the slot is spent, never reused.
    if (!waiter || !this.finish(waiter)) return;
    this.options.log.debug({ mode: "shared", grantedAt, user: waiter.user }, "upstream slot granted");
    if (waiter.reported !== undefined) waiter.ctx.onQueue?.({ position: 0, expected_start_ms: 0 });
    waiter.resolve();
  }

  /** Position reports (round-robin rank across replicas), at most once per slot interval. */
  private async report(): Promise<void> {
    const waiting = this.sharedWaiters().filter((waiter) => waiter.ctx.onQueue);
    if (waiting.length === 0 || Date.now() - this.lastReportAt < this.intervalMs / 2) return;
    this.lastReportAt = Date.now();
    let positions: number[];
    try {
      positions = await this.turns.positions(waiting.map((w) => ({ user: w.user, ticket: w.ticket as string })));
    } catch {
      return; // the next tick notices an outage
    }
    const untilNext = Math.max(0, this.nextSlotAt - Date.now());
    waiting.forEach((waiter, index) => {
      const position = positions[index];
      if (!(position > 0) || waiter.reported === position || !this.waiters.has(waiter.seq) || waiter.where !== "shared") return;
      waiter.reported = position;
      waiter.ctx.onQueue?.({ position, expected_start_ms: Math.round(untilNext + (position - 1) * this.intervalMs) });
    });
  }

  /**
   * Rejects this replica's waiting calls with 503 `queue_closed` (type `upstream_unavailable`) at once,
   * removes their tickets and lease from Redis (best effort, 1 s) and closes the connection.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.recovering);
    for (const timer of this.timers) clearTimeout(timer);
    const tickets = this.sharedWaiters().map((w) => ({ user: w.user, ticket: w.ticket as string }));
    const error = queueError("queue_closed", "The gateway is shutting down; try again", 503);
    for (const waiter of [...this.waiters.values()]) {
      this.finish(waiter);
      waiter.reject(error);
    }
    await this.local?.close();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 1000).unref());
    await Promise.race([this.turns.leave(this.replica, tickets).catch(() => undefined), timeout]);
    const client = this.turns.client;
    await client.quit().catch(() => client.disconnect());
  }
}
