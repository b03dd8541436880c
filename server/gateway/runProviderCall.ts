// Runs one provider call for a request: cancellation (client close, timeout), the queue header, the check of
// what came back, and one normalized error for anything that is not already an ApiError. Used by
// generations, edits and streams alike.
import type { FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "../../src/core/protocol/errors";
import type { ImagesResponse, QueueStatus } from "../../src/core/protocol/wire";
import type { GenerateContext, ImageProvider, ProviderImage } from "../providers/Provider";
import { watchGeneration, type GenerationCancellation } from "./cancellation";
import { GatewayError } from "./errors";

/** Response header carrying `{ position, expected_start_ms }` when a JSON request had to wait in the queue. */
export const QUEUE_HEADER = "x-illustrate-queue";

/**
 * An `onQueue` callback that puts the first (longest) queue report of a JSON request into
 * {@link QUEUE_HEADER}, so the answer says how long it waited and where it stood.
 */
function queueHeaderReporter(reply: FastifyReply): (status: QueueStatus) => void {
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

/** Checks what a provider returned: exactly `n` non-empty base64 images. @throws GatewayError 502 `upstream_invalid_response` */
function checkImages(images: unknown, n: number): ProviderImage[] {
  const valid =
    Array.isArray(images) &&
    images.length === n &&
    images.every((image: Partial<ProviderImage>) => typeof image?.b64_json === "string" && image.b64_json.length > 0);
  if (!valid) {
    throw new GatewayError(502, "upstream_invalid_response", "upstream_unavailable", "The image backend returned no usable image");
  }
  return images as ProviderImage[];
}

/**
 * `n` images from `call`, raced against `cancellation` (the provider's signal aborts on client disconnect or
 * timeout, so a cancel reaches the backend) and checked with {@link checkImages}.
 * @throws {@link providerFailure} of whatever failed
 */
export async function runProviderCall(
  cancellation: GenerationCancellation,
  n: number,
  call: () => Promise<ProviderImage[]>,
): Promise<ProviderImage[]> {
  try {
    const work = call();
    work.catch(() => undefined); // after an abort nobody awaits it: keep its late rejection handled
    return checkImages(await Promise.race([work, cancellation.aborted]), n);
  } catch (error) {
    throw providerFailure(error, cancellation.signal);
  }
}

/**
 * The JSON answer of an image route: {@link runProviderCall} with a context whose queue reports go to the
 * `X-Illustrate-Queue` header, logged, as `{ created, data, backend }`.
 */
export async function answerImages(
  request: FastifyRequest,
  reply: FastifyReply,
  job: { provider: ImageProvider; n: number; apiSize: string; timeoutMs: number; call: (ctx: GenerateContext) => Promise<ProviderImage[]> },
): Promise<ImagesResponse> {
  const started = performance.now();
  const cancellation = watchGeneration(reply, job.timeoutMs);
  try {
    const ctx = { signal: cancellation.signal, userId: request.userId, onQueue: cancellation.whileQueued(queueHeaderReporter(reply)) };
    const data = await runProviderCall(cancellation, job.n, () => job.call(ctx));
    request.log.info(
      { provider: job.provider.info.provider, n: job.n, size: job.apiSize, ms: Math.round(performance.now() - started) },
      "images generated",
    );
    return { created: Math.floor(Date.now() / 1000), data, backend: job.provider.info };
  } finally {
    cancellation.dispose();
  }
}
