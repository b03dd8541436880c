// The seam between the pane and the image API: request/response types and the client interface.
import type { ImageGenerateRequest, QueueStatus } from "../core/protocol/wire";
import type { GeneratedImage, ImageQuality, OutputFormat, PictureData } from "../core/types";

export type { ImageGenerateRequest, QueueStatus };

/**
 * Body of `POST /v1/images/edits` (sent as multipart/form-data: `image`, optional `mask`, `prompt`, ...).
 * Source: shared/docs/image-api.md, "Edits".
 */
export interface ImageEditRequest {
  /** The picture to edit (PNG or JPEG, < 50 MB), raw base64. */
  image: PictureData;
  /** PNG of the same pixel size as `image`; transparent pixels mark the area to change. */
  mask?: PictureData;
  /** What to change, 1–4000 characters (`MAX_PROMPT_CHARS`). */
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
  /** A model id from `GET /v1/models`, or `auto`. */
  model?: string;
  /** Width ÷ height the gateway centre-crops the result to. */
  crop_to_ratio?: number;
  /** `transparent` needs PNG. */
  background?: "transparent" | "opaque" | "auto";
  /** Stream partial images (`image_edit.partial_image` events). @default false */
  stream?: boolean;
  /** Partial images to stream, 0–3 (only with `stream: true`). @default 0 */
  partial_images?: number;
}

/** A preview image streamed before the final one (raw base64, checked PNG/JPEG, decoded size, which may be
 * smaller than the final one). Shown in the pane only, never put into the document. */
export interface PartialImage extends PictureData {
  /** `partial_image_index` from the API, 0-based. */
  index: number;
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

/** Calls the image API and returns validated images. Throws the typed errors of ./errors and the protocol's `ApiError`. */
export interface ImageClient {
  generate(request: ImageGenerateRequest, callbacks?: GenerateCallbacks): Promise<GeneratedImage[]>;
  /** Edits a picture (optionally inside a mask). Same callbacks, errors and checks as `generate`. */
  edit(request: ImageEditRequest, callbacks?: GenerateCallbacks): Promise<GeneratedImage[]>;
}
