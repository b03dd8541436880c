// The provider contract, in one file: the seam between the gateway core and an image backend (a normalized
// request in, base64 images out), its optional capabilities (streaming, edits), and the queue gate it calls.
import type { ImageEntry, QueueStatus } from "../../src/core/protocol/wire";
import type { BackendInfo, ImageQuality, OutputFormat, PixelSize } from "../../src/core/protocol/wire";

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

/** One image as the OpenAI shape carries it: raw base64 bytes (no `data:` prefix), the wire's `ImageEntry`. */
export type ProviderImage = ImageEntry;

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
 * An image backend. Implementations live in `server/providers/<name>/` and are created by
 * `createProvider` (server/gateway/createProvider.ts, the composition root).
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
   * Absent when the backend cannot stream (Foundry MAI; `info.streaming` is false). See {@link canStream}.
   */
  generateStream?(request: ExtendedGenerateRequest & { partialImages: number }, ctx: GenerateContext): AsyncIterable<ImageStreamEvent>;
  /** Optional (issue #4): `POST /v1/images/edits` — changes `request.image` (and only the mask's area, if any). */
  edit?(request: NormalizedEditRequest, ctx: GenerateContext): Promise<ProviderImage[]>;
}

/**
 * Optional gpt-image fields the gateway may pass on (`output_compression`, `background`, `partial_images`);
 * backends that have no such option ignore them.
 */
export interface GenerateExtras {
  /** JPEG compression 0–100 (`output_compression`), only with `outputFormat: "jpeg"`. */
  outputCompression?: number;
  /** `transparent` needs PNG. */
  background?: "transparent" | "opaque" | "auto";
  /**
   * `crop_to_ratio`: width ÷ height the finished picture must have. The gateway centre-crops each finished image
   * to it (server/postprocess/cropToRatio.ts) when the model's allowed size is not that exact ratio; providers
   * make `size` as asked and ignore it.
   */
  cropToRatio?: number;
}

/** A generate request with the optional extras. */
export type ExtendedGenerateRequest = NormalizedGenerateRequest & GenerateExtras;

/** One event of a streamed generation (OpenAI `image_generation.partial_image` / `.completed`). */
export type ImageStreamEvent =
  | { type: "partial"; /** 0-based `partial_image_index` */ index: number; b64_json: string }
  | { type: "completed"; b64_json: string; revised_prompt?: string };

/** A normalized `POST /v1/images/edits`: the picture to change, an optional mask, the prompt. */
export interface NormalizedEditRequest extends NormalizedGenerateRequest, GenerateExtras {
  /** The input picture, PNG or JPEG bytes (< 50 MB). */
  image: { bytes: Uint8Array; mimeType: "image/png" | "image/jpeg"; filename?: string };
  /** PNG of the same size whose transparent pixels mark the area to change (< 4 MB); not every backend takes one. */
  mask?: { bytes: Uint8Array; filename?: string };
  /** How closely to keep the input's details (gpt-image `input_fidelity`). */
  inputFidelity?: "high" | "low";
}

/**
 * A provider that can pass partial images through (`stream: true`): `generateStream` streams one image
 * (`n` is 1): zero or more partials, then exactly one `completed` event; it throws the same errors as
 * `generate`, also mid-stream.
 */
export type StreamingProvider = ImageProvider & Required<Pick<ImageProvider, "generateStream">>;

/** A provider that can edit a picture. */
export type EditingProvider = ImageProvider & Required<Pick<ImageProvider, "edit">>;

/** True when `provider` has a `generateStream` method. */
export function canStream(provider: ImageProvider): provider is StreamingProvider {
  return typeof (provider as Partial<StreamingProvider>).generateStream === "function";
}

/** True when `provider` has an `edit` method. */
export function canEdit(provider: ImageProvider): provider is EditingProvider {
  return typeof (provider as Partial<EditingProvider>).edit === "function";
}

/** Admission to the upstream (the shared queue, server/queue): resolves when one call may be sent. */
export interface UpstreamGate {
  /**
   * Waits for a slot under the requests-per-minute budget.
   * @throws the signal's reason when `ctx.signal` aborts while waiting
   */
  acquire(ctx: GenerateContext): Promise<void>;
}
