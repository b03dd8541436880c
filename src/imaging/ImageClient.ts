// The seam between the pane and the image API: request/response types and the client interface.
import type { GeneratedImage, ImageQuality, OutputFormat } from "../core/types";

/** Body of `POST /v1/images/generations` (OpenAI shape; fields the gateway accepts). */
export interface ImageGenerateRequest {
  /** The prompt, 1–4000 characters. */
  prompt: string;
  /** Number of images, 1–4. @default 1 */
  n?: number;
  /** `"1024x1024" | "1536x1024" | "1024x1536"` (pixels). */
  size: string;
  /** @default "auto" */
  quality?: ImageQuality;
  /** @default "png" */
  output_format?: OutputFormat;
  /** Deterministic seed for the local renderer (ignored by model backends). */
  seed?: number;
}

/** Progress callbacks of one generation. */
export interface GenerateCallbacks {
  /** Abort to cancel the request (the gateway aborts the upstream call). */
  signal?: AbortSignal;
}

/** Calls the image API and returns validated images. Throws the typed errors of ./errors. */
export interface ImageClient {
  generate(request: ImageGenerateRequest, callbacks?: GenerateCallbacks): Promise<GeneratedImage[]>;
}
