// The requests-per-minute budget of one upstream deployment as evenly spaced slots, kept in memory by
// `rate-limiter-flexible` for one gateway (replicas sharing Redis keep the slot in redisTurns.ts).
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** Answer of {@link SlotLimiter.tryTake}. */
export type TakeResult = { ok: true } | { ok: false; retryInMs: number };

/** Hands out permission for one upstream call at a time, at most `rpm` per window. */
export interface SlotLimiter {
  /** Milliseconds between two slots (window / rpm + margin). */
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
