// The seam between the gateway core and an image backend: a normalized request in, base64 images out.
import type { BackendInfo, ImageQuality, OutputFormat, PixelSize } from "../../src/core/types";
import type { ExtendedGenerateRequest, ImageStreamEvent, NormalizedEditRequest, QueueStatus } from "./upstream/capabilities";

/**
 * A validated `POST /v1/images/generations` body with defaults applied. Providers map it to their own API
 * (e.g. `width`/`height` for Foundry MAI, `size` for gpt-image); the gateway never sees those shapes.
 */
export interface NormalizedGenerateRequest {
  /** The prompt, 1–4000 characters, as the client sent it. */
  prompt: string;
  /** Number of images wanted, 1–4. A provider that makes one per call makes `n` calls. */
  n: number;
  /** The API `size` string the client asked for, e.g. `"1536x1024"`. */
  apiSize: string;
  /** The same size in pixels; every returned image must have exactly this size. */
  size: PixelSize;
  /** Requested quality (`"auto"` when the client sent none). */
  quality: ImageQuality;
  /** Encoding of the returned bytes (`"png"` when the client sent none). */
  outputFormat: OutputFormat;
  /** Seed for deterministic backends (the local renderer); model backends ignore it. */
  seed?: number;
}

/** One image as the OpenAI shape carries it: raw base64 bytes (no `data:` prefix). */
export interface ProviderImage {
  b64_json: string;
  /** The prompt as the backend rewrote or understood it, when it says. */
  revised_prompt?: string;
}

/** Per-call context the gateway passes to a provider. */
export interface GenerateContext {
  /**
   * Aborts when the client disconnects or the gateway's generation timeout fires. Providers must pass it
   * to their upstream call (fetch `signal`) so a cancel in the pane reaches the backend.
   */
  signal: AbortSignal;
  /** Id of the signed-in user (`oid` or `sub` of the token), when the gateway authenticates requests. */
  userId?: string;
  /** Called while the request waits in the shared queue (server/queue), when its position changes. */
  onQueue?: (status: QueueStatus) => void;
}

/**
 * An image backend. Implementations live in `server/providers/<name>/` and are created by `createProvider`.
 */
export interface ImageProvider {
  /** Which backend this is; returned by `GET /v1/backend` and with every generation. */
  readonly info: BackendInfo;
  /**
   * Makes `request.n` images of `request.size` pixels in `request.outputFormat`.
   * @throws ProviderError (server/providers/errors.ts) for backend failures, with a normalized code;
   *   any other error is reported to the client as `upstream_unavailable`.
   * @throws the signal's reason (or an `AbortError`) when `ctx.signal` aborts.
   */
  generate(request: NormalizedGenerateRequest, ctx: GenerateContext): Promise<ProviderImage[]>;
  /**
   * Optional (issue #4): streams one image for `stream: true` — partial images, then `completed`.
   * Absent when the backend cannot stream (Foundry MAI; `info.streaming` is false). See ./upstream/capabilities.ts.
   */
  generateStream?(request: ExtendedGenerateRequest & { partialImages: number }, ctx: GenerateContext): AsyncIterable<ImageStreamEvent>;
  /** Optional (issue #4): `POST /v1/images/edits` — changes `request.image` (and only the mask's area, if any). */
  edit?(request: NormalizedEditRequest, ctx: GenerateContext): Promise<ProviderImage[]>;
}
