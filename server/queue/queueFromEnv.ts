// Creates the gateway's queue from IMAGE_RPM, IMAGE_RPM_WINDOW_MS, IMAGE_QUEUE_LEASE_MS and REDIS_URL, and
// closes every queue it made on shutdown.
import type { UpstreamGate } from "../providers/Provider";
import { FairQueue } from "./FairQueue";
import { jsonLineLog, type QueueLog } from "./queueLog";
import { RedisTurns } from "./redisTurns";
import { SharedFairQueue } from "./SharedFairQueue";
import { memorySlotLimiter } from "./slotLimiter";

/** Requests per minute assumed for a remote provider when `IMAGE_RPM` is unset (MAI allows 2–12, Azure ~9–12). */
export const DEFAULT_REMOTE_RPM = 6;

/**
 * Longest wait for an upstream slot when `IMAGE_QUEUE_TIMEOUT_MS` is unset: 240 s. The pane waits 300 s for a whole
 * answer (src/imaging/imagesApiClient.ts DEFAULT_TIMEOUT_MS), a generation typically takes 10–60 s
 * (shared/docs/image-api.md "Time"): a call still queued after 240 s would rarely be answered in time, so it fails with
 * 429 `queue_timeout` and a retry-after instead of holding a connection.
 */
export const DEFAULT_QUEUE_TIMEOUT_MS = 240_000;

/** A queue in front of one upstream deployment. */
export interface GatewayQueue extends UpstreamGate {
  /** Calls waiting in this process. */
  readonly size: number;
  /** Fails this process's waiting calls at once (503 `queue_closed`) and releases the store. */
  close(): Promise<void>;
}

const open = new Set<GatewayQueue>();

/** Closes every queue {@link queueFromEnv} made (the gateway calls it on SIGTERM, before draining requests). */
export async function closeAllQueues(): Promise<void> {
  const queues = [...open];
  open.clear();
  await Promise.all(queues.map((queue) => queue.close()));
}

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
 * - `IMAGE_QUEUE_TIMEOUT_MS`: longest wait for a slot (default {@link DEFAULT_QUEUE_TIMEOUT_MS}), then 429
 *   `queue_timeout` with retry-after; counted apart from `GENERATION_TIMEOUT_MS`, which starts at the slot;
 * - `REDIS_URL`: every replica using the same Redis and deployment (`keyPrefix`) shares one budget and one
 *   turn order ({@link SharedFairQueue}); `IMAGE_QUEUE_LEASE_MS` (default 5000): how long a silent
 *   replica's waiting tickets are kept.
 * @throws Error naming the variable when a value is malformed
 */
export function queueFromEnv(env: NodeJS.ProcessEnv, options: { defaultRpm?: number; keyPrefix: string; log?: QueueLog }): GatewayQueue | undefined {
  const rpm = positiveInteger("IMAGE_RPM", env.IMAGE_RPM) ?? options.defaultRpm;
  if (rpm === undefined) return undefined;
  const windowMs = positiveInteger("IMAGE_RPM_WINDOW_MS", env.IMAGE_RPM_WINDOW_MS) ?? 60_000;
  const margin = env.IMAGE_RPM_MARGIN_MS?.trim();
  const marginMs = margin ? Number(margin) : undefined;
  if (marginMs !== undefined && !(Number.isInteger(marginMs) && marginMs >= 0)) {
    throw new Error(`IMAGE_RPM_MARGIN_MS must be a whole number of milliseconds ≥ 0, got "${margin}"`);
  }
  const leaseMs = positiveInteger("IMAGE_QUEUE_LEASE_MS", env.IMAGE_QUEUE_LEASE_MS);
  const maxWaitMs = positiveInteger("IMAGE_QUEUE_TIMEOUT_MS", env.IMAGE_QUEUE_TIMEOUT_MS) ?? DEFAULT_QUEUE_TIMEOUT_MS;
  const budget = { rpm, windowMs, marginMs };
  const redisUrl = env.REDIS_URL?.trim();
  const log = options.log ?? jsonLineLog(env.LOG_LEVEL);
  let queue: GatewayQueue;
  if (redisUrl) {
    // ioredis is loaded only here, so a gateway without REDIS_URL never loads it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, optional dependency
    const Redis = (require("ioredis") as typeof import("ioredis")).default;
    // No offline queue: while Redis is away a command fails at once and the queue degrades to a local budget.
    // commandTimeout: a command lost with a dying connection fails after 2 s instead of holding the queue.
    const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 2000, lazyConnect: true });
    client.on("error", () => undefined); // reported by the queue's warning instead of an unhandled event
    client.connect().catch(() => undefined); // ioredis keeps reconnecting
    queue = new SharedFairQueue(new RedisTurns(client, `illustrate:queue:{${options.keyPrefix}}:`), { budget, leaseMs, maxWaitMs, log });
  } else {
    queue = new FairQueue(memorySlotLimiter(budget), { maxWaitMs });
  }
  open.add(queue);
  return queue;
}
