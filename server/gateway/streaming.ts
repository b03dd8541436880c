// `stream: true` for the image routes: Server-Sent Events to the pane (queue position, partial images, the
// finished images, or an error).
import type { FastifyReply, FastifyRequest } from "fastify";
import { PassThrough } from "node:stream";
import { MAX_PARTIAL_IMAGES } from "../../src/core/protocol/limits";
import type { ImageEventPrefix, QueueStatus } from "../../src/core/protocol/wire";
import type { BackendInfo } from "../../src/core/protocol/wire";
import type { ExtendedGenerateRequest, ImageProvider, NormalizedGenerateRequest, ProviderImage } from "../providers/Provider";
import { watchGeneration } from "./cancellation";
import { badRequest } from "./errors";
import { providerFailure, runProviderCall } from "./runProviderCall";
/** Comment line sent this often (ms) while nothing else is, so proxies keep a queued stream open. */
export const KEEP_ALIVE_MS = 15_000;

/** The streaming fields of a body: `stream` (boolean) and `partial_images` (0–3, default 2). */
export interface StreamFields {
  stream: boolean;
  partialImages: number;
}

/**
 * Reads `stream` and `partial_images` from a JSON body, or from multipart text fields (`"true"`, `"2"`).
 * @throws GatewayError 400 `invalid_stream` / `invalid_partial_images`
 */
export function readStreamFields(body: Record<string, unknown>): StreamFields {
  const rawStream = body.stream;
  if (rawStream !== undefined && rawStream !== true && rawStream !== false && rawStream !== "true" && rawStream !== "false") {
    throw badRequest("invalid_stream", "stream must be true or false", "stream");
  }
  const rawPartials = body.partial_images;
  const partialImages =
    rawPartials === undefined ? 2 : typeof rawPartials === "string" && /^\d+$/.test(rawPartials) ? Number(rawPartials) : rawPartials;
  if (!Number.isInteger(partialImages) || (partialImages as number) < 0 || (partialImages as number) > MAX_PARTIAL_IMAGES) {
    throw badRequest("invalid_partial_images", `partial_images must be an integer from 0 to ${MAX_PARTIAL_IMAGES}`, "partial_images");
  }
  return { stream: rawStream === true || rawStream === "true", partialImages: partialImages as number };
}

/** One SSE event as text: `event: <name>` and one `data:` line of JSON. */
export function sseEvent(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** What one streamed call runs: generate (or edit) with a context that carries the queue report. */
export interface StreamJob {
  /** `image_generation` or `image_edit`: the prefix of the event names. */
  eventPrefix: ImageEventPrefix;
  provider: ImageProvider;
  /** The request, used for `generateStream` when the provider streams and `n` is 1. */
  request: NormalizedGenerateRequest | ExtendedGenerateRequest;
  partialImages: number;
  /** Makes the images without streaming (for `n` > 1, edits, and providers that cannot stream). */
  makeAll: (ctx: {
    signal: AbortSignal;
    userId?: string;
    onQueue: (status: QueueStatus) => void;
    onWaiting: (waiting: boolean) => void;
  }) => Promise<ProviderImage[]>;
  generationTimeoutMs: number;
}

function completedEvent(prefix: string, image: ProviderImage, backend: BackendInfo): unknown {
  return {
    type: `${prefix}.completed`,
    b64_json: image.b64_json,
    ...(image.revised_prompt ? { revised_prompt: image.revised_prompt } : {}),
    created: Math.floor(Date.now() / 1000),
    backend,
  };
}

/**
 * Answers with `text/event-stream`: `queue` `{ position, expected_start_ms }` while waiting;
 * `<prefix>.partial_image` `{ b64_json, partial_image_index }` (only when the provider streams and n is 1;
 * Foundry MAI does not: its `info.streaming` is false and the pane shows progress); one `<prefix>.completed`
 * `{ b64_json, revised_prompt?, created, backend }` per image; or `error` with the error envelope. A closed
 * connection or the generation timeout aborts the provider (and its upstream request).
 */
export async function sendImageStream(request: FastifyRequest, reply: FastifyReply, job: StreamJob): Promise<FastifyReply> {
  const out = new PassThrough();
  const cancellation = watchGeneration(reply, job.generationTimeoutMs);
  const write = (name: string, data: unknown) => {
    if (out.writable) out.write(sseEvent(name, data));
  };
  const keepAlive = setInterval(() => out.writable && out.write(": keep-alive\n\n"), KEEP_ALIVE_MS);
  const ctx = {
    signal: cancellation.signal,
    userId: request.userId,
    onQueue: (status: QueueStatus) => write("queue", status),
    onWaiting: cancellation.onWaiting,
  };
  const { provider, eventPrefix } = job;

  const run = async () => {
    try {
      if (provider.generateStream && job.request.n === 1 && eventPrefix === "image_generation") {
        const events = provider.generateStream({ ...job.request, partialImages: job.partialImages }, ctx);
        for await (const event of events) {
          if (cancellation.signal.aborted) break;
          if (event.type === "partial") {
            write(`${eventPrefix}.partial_image`, {
              type: `${eventPrefix}.partial_image`,
              b64_json: event.b64_json,
              partial_image_index: event.index,
            });
          } else {
            write(`${eventPrefix}.completed`, completedEvent(eventPrefix, event, provider.info));
          }
        }
      } else {
        const images = await runProviderCall(cancellation, job.request.n, () => job.makeAll(ctx));
        for (const image of images) write(`${eventPrefix}.completed`, completedEvent(eventPrefix, image, provider.info));
      }
    } catch (error) {
      const apiError = providerFailure(error, cancellation.signal);
      request.log[apiError.status >= 500 ? "error" : "info"]({ err: apiError.details.cause ?? apiError, code: apiError.code }, "image stream failed");
      write("error", apiError.toEnvelope());
    } finally {
      clearInterval(keepAlive);
      cancellation.dispose();
      out.end();
    }
  };
  void run();
  return reply
    .code(200)
    .header("content-type", "text/event-stream; charset=utf-8")
    .header("cache-control", "no-cache, no-transform")
    .header("x-accel-buffering", "no")
    .send(out);
}
