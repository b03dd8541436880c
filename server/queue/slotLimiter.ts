// The requests-per-minute budget of one upstream deployment as evenly spaced slots, kept by
// `rate-limiter-flexible`: in memory for one gateway, in Redis (ioredis) when replicas share the budget.
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

/** Answer of {@link SlotLimiter.tryTake}. */
export type TakeResult = { ok: true } | { ok: false; retryInMs: number };

/** Hands out permission for one upstream call at a time, at most `rpm` per window. */
export interface SlotLimiter {
  /** Milliseconds between two slots (window / rpm + margin, rounded up to whole seconds in Redis). */
  readonly intervalMs: number;
  /** Takes a slot now if one is free, else says how long until the next one. @throws Error when the store fails */
  tryTake(): Promise<TakeResult>;
  /** Releases the store connection. */
  close(): Promise<void>;
}

/** Budget settings: `rpm` calls per `windowMs` (`IMAGE_RPM`, `IMAGE_RPM_WINDOW_MS`, `IMAGE_RPM_MARGIN_MS`). */
export interface SlotBudget {
  rpm: number;
  /** @default 60000. Tests scale it down (e.g. 3000) to run in seconds; production keeps a minute. */
  windowMs?: number;
  /**
   * Added to every interval: calls leave evenly spaced but reach the upstream with varying network delay (a
   * new TLS connection takes longer than a reused one); the margin keeps the upstream's own count within
   * `rpm` per window. @default 250
   */
  marginMs?: number;
}

/** Milliseconds between two slots: `windowMs / rpm + marginMs`. */
export function slotIntervalMs(budget: SlotBudget): number {
  return (budget.windowMs ?? 60_000) / budget.rpm + (budget.marginMs ?? 250);
}

/**
 * Why slots and not "rpm points per window": a fixed window lets 2·rpm calls through around a window edge.
 * One point per `window/rpm` means any `windowMs` span holds at most `rpm` calls, and matches how Azure
 * evaluates RPM quotas over short sub-windows (RPM/6 per 10 s).
 */
function limiterFrom(store: RateLimiterAbstract, intervalMs: number, close: () => Promise<void>): SlotLimiter {
  return {
    intervalMs,
    async tryTake() {
      try {
        await store.consume("upstream", 1);
        return { ok: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { ok: false, retryInMs: Math.max(1, rejection.msBeforeNext) };
        throw rejection;
      }
    },
    close,
  };
}

/** A budget for this process only. */
export function memorySlotLimiter(budget: SlotBudget): SlotLimiter {
  const intervalMs = slotIntervalMs(budget);
  return limiterFrom(new RateLimiterMemory({ points: 1, duration: intervalMs / 1000 }), intervalMs, async () => undefined);
}

/** Resolves when `client` is ready, or rejects after `ms`. */
function readyWithin(client: import("ioredis").default, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      client.off("ready", onReady);
      reject(new Error(`Redis is not reachable (status ${client.status})`));
    }, ms);
    client.once("ready", onReady);
  });
}

/**
 * A budget shared by every gateway replica using the same Redis and `keyPrefix` (one per deployment).
 * Redis keeps expiries in whole seconds here, so the interval is rounded up (never more calls than `rpm`).
 * Fails closed: when Redis cannot be reached, `tryTake` throws instead of letting calls through.
 * ioredis is loaded only here, so a gateway without `REDIS_URL` never loads it.
 */
export function redisSlotLimiter(budget: SlotBudget & { redisUrl: string; keyPrefix: string }): SlotLimiter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, optional dependency
  const Redis = (require("ioredis") as typeof import("ioredis")).default;
  // rate-limiter-flexible's advice for ioredis: no offline queue, so a lost connection fails fast.
  const client = new Redis(budget.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  client.on("error", () => undefined); // reported through tryTake's rejection instead of an unhandled event
  client.connect().catch(() => undefined); // ioredis keeps reconnecting; tryTake waits for "ready" below
  const seconds = Math.max(1, Math.ceil(slotIntervalMs(budget) / 1000));
  const store = new RateLimiterRedis({ storeClient: client, points: 1, duration: seconds, keyPrefix: budget.keyPrefix });
  const limiter = limiterFrom(store, seconds * 1000, async () => {
    await client.quit().catch(() => client.disconnect());
  });
  return {
    ...limiter,
    async tryTake() {
      if (client.status !== "ready") await readyWithin(client, 3000);
      return limiter.tryTake();
    },
  };
}
