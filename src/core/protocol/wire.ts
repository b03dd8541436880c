// Wire types of the image API (`/v1/images/*`): request bodies, the images answer, stream events, queue status.
// OpenAI field names (snake_case) as they travel; source: shared/docs/image-api.md.

/** Output formats of the OpenAI image API (`output_format`). */
export type OutputFormat = "png" | "jpeg";

/** A size in pixels (image space). Never mix with points (document space). */
export interface PixelSize {
  widthPx: number;
  heightPx: number;
}

/** Aspect ratio the person picks in the pane; the gateway maps a missing `size` of an edit to the nearest. */
export type AspectRatio = "square" | "landscape" | "portrait";

/** Image quality of the OpenAI image API (`quality`). */
export type ImageQuality = "low" | "medium" | "high" | "auto";

/** Which backend made an image; shown beside every picture in the pane. */
export interface BackendInfo {
  /** Provider id: `local`, `foundry-mai`, `azure-openai`. */
  provider: string;
  /** Model or deployment name, e.g. `MAI-Image-2` or `local-renderer`. */
  model: string;
  /** True for the offline renderer: it is not an AI model and the pane says so. */
  offline: boolean;
  /**
   * True when `stream: true` passes partial images through; false when the backend cannot stream (Foundry
   * MAI): the pane then shows progress instead. Absent: not known, treat as false.
   */
  streaming?: boolean;
}

/** Body of `POST /v1/images/generations` (OpenAI shape; the fields the gateway accepts). */
export interface ImageGenerateRequest {
  /** The prompt, 1–4000 characters (`MAX_PROMPT_CHARS`). */
  prompt: string;
  /** Number of images, 1–4. @default 1 */
  n?: number;
  /**
   * `WIDTHxHEIGHT` in pixels, allowed by the chosen model's rule (`GET /v1/models`). The returned bytes decode to
   * exactly this size, or with `crop_to_ratio` to its centre crop. Absent (only with `crop_to_ratio`): the gateway
   * asks the chosen model's own size for that ratio.
   */
  size?: string;
  /** A model id from `GET /v1/models`, or `auto` (the gateway chooses). Absent: the gateway's default (Auto). */
  model?: string;
  /** Width ÷ height the gateway centre-crops each finished picture to (Illustrate's extension). */
  crop_to_ratio?: number;
  /** `transparent` (needs `output_format: "png"`) where the model can (`transparentBackground`). */
  background?: "transparent" | "opaque" | "auto";
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

/** The fields both `POST /v1/images/generations` and `POST /v1/images/edits` take (the rest differ per route). */
const SHARED_IMAGE_FIELDS = [
  "prompt",
  "n",
  "size",
  "quality",
  "output_format",
  "seed",
  "response_format",
  "stream",
  "partial_images",
  "output_compression",
  "background",
  "model",
  "user",
  "crop_to_ratio",
] as const;

/**
 * Every body field of `POST /v1/images/generations` the gateway knows: its own, and OpenAI's that it accepts
 * and ignores (`model`, `user`, `moderation`, `style`). Any other field is refused with 400 `unknown_parameter`,
 * as OpenAI's API does. Source: platform.openai.com/docs/api-reference/images/create.
 */
export const GENERATION_FIELDS = [...SHARED_IMAGE_FIELDS, "moderation", "style"] as const;

/**
 * Every form field of `POST /v1/images/edits` (multipart) the gateway knows, besides the files `image`
 * (`image[]`) and `mask`. Source: platform.openai.com/docs/api-reference/images/createEdit.
 */
export const EDIT_FIELDS = [...SHARED_IMAGE_FIELDS, "input_fidelity"] as const;

/** One image of an answer: raw base64 bytes (no `data:` prefix) and the prompt as the model rewrote it. */
export interface ImageEntry {
  b64_json: string;
  /** The prompt as the backend rewrote or understood it, when it says. */
  revised_prompt?: string;
}

/** Answer of `POST /v1/images/*`: the OpenAI shape plus `backend` (which backend made the images). */
export interface ImagesResponse {
  /** Unix time in seconds. */
  created: number;
  data: ImageEntry[];
  backend: BackendInfo;
}

/** Where a request waits in the gateway's shared queue: SSE `event: queue` data, and the `X-Illustrate-Queue` header. */
export interface QueueStatus {
  /** 1-based place in the queue: 1 = starts next, 0 = starting. */
  position: number;
  /** Milliseconds from now until the gateway expects to start the request (the gateway always sends it). */
  expected_start_ms?: number;
}

/** Prefix of the stream event names: `<prefix>.partial_image`, `<prefix>.completed` (OpenAI's names). */
export type ImageEventPrefix = "image_generation" | "image_edit";
