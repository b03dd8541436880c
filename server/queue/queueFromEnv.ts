// Creates the gateway's shared queue from IMAGE_RPM, IMAGE_RPM_WINDOW_MS and REDIS_URL.
import { FairQueue } from "./FairQueue";
import { memorySlotLimiter, redisSlotLimiter } from "./slotLimiter";

/** Requests per minute assumed for a remote provider when `IMAGE_RPM` is unset (MAI allows 2–12, Azure ~9–12). */
export const DEFAULT_REMOTE_RPM = 6;

function positiveInteger(name: string, value: string | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const number = Number(text);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${name} must be a positive integer, got "${text}"`);
  return number;
}

/**
 * The queue for one upstream deployment, or `undefined` for no limit (no `IMAGE_RPM` and no `defaultRpm`).
 * - `IMAGE_RPM`: upstream calls per window (default `defaultRpm`);
 * - `IMAGE_RPM_WINDOW_MS`: the window in ms (default 60000; tests scale it down);
 * - `IMAGE_RPM_MARGIN_MS`: added to each slot interval against network jitter (default 250);
 * - `REDIS_URL`: share the budget with every replica using the same Redis and deployment (`keyPrefix`).
 * @throws Error naming the variable when a value is malformed
 */
export function queueFromEnv(env: NodeJS.ProcessEnv, options: { defaultRpm?: number; keyPrefix: string }): FairQueue | undefined {
  const rpm = positiveInteger("IMAGE_RPM", env.IMAGE_RPM) ?? options.defaultRpm;
  if (rpm === undefined) return undefined;
  const windowMs = positiveInteger("IMAGE_RPM_WINDOW_MS", env.IMAGE_RPM_WINDOW_MS) ?? 60_000;
  const margin = env.IMAGE_RPM_MARGIN_MS?.trim();
  const marginMs = margin ? Number(margin) : undefined;
  if (marginMs !== undefined && !(Number.isInteger(marginMs) && marginMs >= 0)) {
    throw new Error(`IMAGE_RPM_MARGIN_MS must be a whole number of milliseconds ≥ 0, got "${margin}"`);
  }
  const redisUrl = env.REDIS_URL?.trim();
  const limiter = redisUrl
    ? redisSlotLimiter({ rpm, windowMs, marginMs, redisUrl, keyPrefix: `illustrate:rpm:${options.keyPrefix}` })
    : memorySlotLimiter({ rpm, windowMs, marginMs });
  return new FairQueue(limiter);
}
