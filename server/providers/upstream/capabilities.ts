// Optional provider capabilities beyond `generate` (streaming, edits) and the queue report, as types.
import type { GenerateContext, ImageProvider, NormalizedGenerateRequest } from "../Provider";

/** Where a request waits in the gateway's shared queue (sent to the pane as the SSE `queue` event). */
export interface QueueStatus {
  /** 1 = next to start. */
  position: number;
  /** Estimated wait until it starts, in milliseconds from now (0 = starting). */
  expected_start_ms: number;
}

/** The context of one provider call (the gateway's {@link GenerateContext}, with `onQueue`). */
export type ProviderCallContext = GenerateContext;

/**
 * Optional gpt-image fields the gateway may pass on (`output_compression`, `background`, `partial_images`);
 * backends that have no such option ignore them.
 */
export interface GenerateExtras {
  /** JPEG compression 0–100 (`output_compression`), only with `outputFormat: "jpeg"`. */
  outputCompression?: number;
  /** `transparent` needs PNG. */
  background?: "transparent" | "opaque" | "auto";
}

/** A generate request with the optional extras. */
export type ExtendedGenerateRequest = NormalizedGenerateRequest & GenerateExtras;

/** The worst (latest) of several queue reports, for one request that makes several upstream calls. */
export function combinedQueueReporter(
  onQueue: ((status: QueueStatus) => void) | undefined,
): ((callIndex: number) => ((status: QueueStatus) => void) | undefined) {
  if (!onQueue) return () => undefined;
  const latest = new Map<number, QueueStatus>();
  return (callIndex) => (status) => {
    latest.set(callIndex, status);
    const all = [...latest.values()];
    onQueue({
      position: Math.max(...all.map((s) => s.position)),
      expected_start_ms: Math.max(...all.map((s) => s.expected_start_ms)),
    });
  };
}

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
