// One AbortSignal per generation: fires when the client disconnects or the generation takes too long.
import type { FastifyReply } from "fastify";
import type { QueueStatus } from "../../src/core/protocol/wire";
import { GatewayError } from "./errors";

/** A generation's cancellation: pass `signal` to the provider, race its call against `aborted`, then `dispose`. */
export interface GenerationCancellation {
  signal: AbortSignal;
  /** Rejects with the abort reason (a {@link GatewayError}) when `signal` aborts; never resolves. */
  aborted: Promise<never>;
  /**
   * Wraps a queue reporter so that time spent waiting in the queue (position > 0, until position 0 =
   * starting) does not count against `timeoutMs`: the timeout measures the upstream work only.
   */
  whileQueued(onQueue?: (status: QueueStatus) => void): (status: QueueStatus) => void;
  /** Stops the timer and the disconnect listener. */
  dispose(): void;
}

/**
 * Watches one generation. Aborts with 504 `generation_timeout` after `timeoutMs`, or with 499
 * `client_closed_request` when the connection closes before the response was written.
 * Uses the response's `close` event: on Node ≥ 16 the request's `close` fires as soon as its body has been
 * read, so it cannot tell a disconnect (Fastify's `request.signal` listens to it).
 */
export function watchGeneration(reply: FastifyReply, timeoutMs: number): GenerationCancellation {
  const controller = new AbortController();
  const abort = (reason: GatewayError) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  let remaining = timeoutMs;
  let runningSince = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;
  const run = () => {
    runningSince = performance.now();
    timer = setTimeout(() => abort(new GatewayError(504, "generation_timeout", "timeout", "The image backend took too long; try again")), remaining);
  };
  const pause = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    remaining = Math.max(0, remaining - (performance.now() - runningSince));
  };
  run();
  const onClose = () => {
    if (!reply.raw.writableFinished) abort(new GatewayError(499, "client_closed_request", "cancelled", "The client closed the request"));
  };
  reply.raw.on("close", onClose);
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
  });
  aborted.catch(() => undefined); // handled by whoever races it; never an unhandled rejection
  return {
    signal: controller.signal,
    aborted,
    whileQueued: (onQueue) => (status) => {
      if (status.position > 0) pause();
      else if (timer === undefined && !disposed && !controller.signal.aborted) run();
      onQueue?.(status);
    },
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
      timer = undefined;
      reply.raw.off("close", onClose);
    },
  };
}
