// The seam between the pane and the image API: request/response types and the client interface.
import type { GeneratedImage, ImageMimeType, ImageQuality, OutputFormat, PictureData, PixelSize } from "../core/types";

/** Body of `POST /v1/images/generations` (OpenAI shape; fields the gateway accepts). */
export interface ImageGenerateRequest {
  /** The prompt, 1–4000 characters. */
  prompt: string;
  /** Number of images, 1–4. @default 1 */
  n?: number;
  /** `"1024x1024" | "1536x1024" | "1024x1536"` (pixels). The returned bytes must decode to exactly this size. */
  size: string;
  /** @default "auto" */
  quality?: ImageQuality;
  /** @default "png" */
  output_format?: OutputFormat;
  /** Deterministic seed for the local renderer (ignored by model backends). */
  seed?: number;
  /**
   * Ask for Server-Sent Events with partial images (gpt-image `stream`). A backend that cannot stream (MAI)
   * answers plain JSON instead; the client handles both. @default false
   */
  stream?: boolean;
  /** Partial images to stream before the final one, 0–3 (only with `stream: true`). @default 0 */
  partial_images?: number;
}

/**
 * Body of `POST /v1/images/edits` (sent as multipart/form-data: `image`, optional `mask`, `prompt`, ...).
 * Source: shared/docs/image-api.md, "Edits".
 */
export interface ImageEditRequest {
  /** The picture to edit (PNG or JPEG, < 50 MB), raw base64. */
  image: PictureData;
  /** PNG of the same pixel size as `image`; transparent pixels mark the area to change. */
  mask?: PictureData;
  /** What to change, 1–4000 characters. */
  prompt: string;
  /** Output size in pixels (`"1024x1024"`, ...). When given, the result must decode to it; else any size is accepted. */
  size?: string;
  /** Number of images, 1–4. @default 1 */
  n?: number;
  /** @default "auto" */
  quality?: ImageQuality;
  /** @default "png" */
  output_format?: OutputFormat;
  /** gpt-image `input_fidelity`. */
  input_fidelity?: "high" | "low";
  /** Stream partial images (`image_edit.partial_image` events). @default false */
  stream?: boolean;
  /** Partial images to stream, 0–3 (only with `stream: true`). @default 0 */
  partial_images?: number;
}

/** A preview image streamed before the final one. Shown in the pane only, never put into the document. */
export interface PartialImage {
  /** `partial_image_index` from the API, 0-based. */
  index: number;
  /** Raw base64 (no `data:` prefix), checked to be a PNG or JPEG. */
  base64: string;
  mimeType: ImageMimeType;
  /** Decoded pixel size (a partial may be smaller than the final image). */
  size: PixelSize;
}

/** Where a request waits in the gateway's shared queue (SSE `event: queue`, data `{ position, expected_start_ms }`). */
export interface QueueStatus {
  /** 1-based place in the queue: 1 = starts next. */
  position: number;
  /** Milliseconds from now until the gateway expects to start this request, when it knows. */
  expectedStartMs?: number;
}

/** Progress callbacks of one generation. They run synchronously; an exception thrown in one rejects the call. */
export interface GenerateCallbacks {
  /** Abort to cancel the request (the gateway aborts the upstream call). Rejects with `CancelledError`. */
  signal?: AbortSignal;
  /** Each partial image as it arrives (streaming only), in arrival order; none after the final image. */
  onPartial?: (partial: PartialImage) => void;
  /** The gateway's queue position, each time it changes (streaming only). */
  onQueue?: (status: QueueStatus) => void;
}

/** Calls the image API and returns validated images. Throws the typed errors of ./errors. */
export interface ImageClient {
  generate(request: ImageGenerateRequest, callbacks?: GenerateCallbacks): Promise<GeneratedImage[]>;
  /** Edits a picture (optionally inside a mask). Same callbacks, errors and checks as `generate`. */
  edit(request: ImageEditRequest, callbacks?: GenerateCallbacks): Promise<GeneratedImage[]>;
}
