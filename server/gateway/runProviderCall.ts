// Runs one provider call for a request: cancellation (client close, timeout), the queue header, and one
// normalized error for anything that is not already an ApiError.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { GenerateContext } from "../providers/Provider";
import type { QueueStatus } from "../providers/upstream/capabilities";
import { ApiError } from "../shared/ApiError";
import { watchGeneration } from "./cancellation";
import { GatewayError } from "./errors";

/** Response header carrying `{ position, expected_start_ms }` when a JSON request had to wait in the queue. */
export const QUEUE_HEADER = "x-illustrate-queue";

/**
 * An `onQueue` callback that puts the first (longest) queue report of a JSON request into
 * {@link QUEUE_HEADER}, so the answer says how long it waited and where it stood.
 */
export function queueHeaderReporter(reply: FastifyReply): (status: QueueStatus) => void {
  return (status) => {
    if (status.position > 0 && !reply.hasHeader(QUEUE_HEADER)) reply.header(QUEUE_HEADER, JSON.stringify(status));
  };
}


/**
 * The error a client gets for a failed provider call: the abort reason when `signal` aborted (504
 * `generation_timeout` / 499 `client_closed_request`), an ApiError as it is, anything else 502 `upstream_unavailable`.
 */
export function providerFailure(error: unknown, signal: AbortSignal): ApiError {
  const failure: unknown = signal.aborted ? signal.reason : error;
  if (failure instanceof ApiError) return failure;
  return new GatewayError(502, "upstream_unavailable", "upstream_unavailable", "The image backend failed; try again", { cause: failure });
}

/**
 * `call` with a context whose signal aborts on client disconnect or after `timeoutMs`, and whose queue reports
 * go to the `X-Illustrate-Queue` header; returns its result, or throws {@link providerFailure}.
 */
export async function runProviderCall<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  timeoutMs: number,
  call: (ctx: GenerateContext) => Promise<T>,
): Promise<T> {
  const cancellation = watchGeneration(reply, timeoutMs);
  try {
    const work = call({ signal: cancellation.signal, userId: request.userId, onQueue: cancellation.whileQueued(queueHeaderReporter(reply)) });
    work.catch(() => undefined); // after an abort nobody awaits it: keep its late rejection handled
    return await Promise.race([work, cancellation.aborted]);
  } catch (error) {
    throw providerFailure(error, cancellation.signal);
  } finally {
    cancellation.dispose();
  }
}
