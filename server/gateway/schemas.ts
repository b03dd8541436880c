// JSON schemas (ajv, via Fastify) of the gateway's request bodies.
import { MAX_PROMPT_CHARS } from "../../src/core/prompt";
import { SUPPORTED_API_SIZES } from "../../src/core/sizes";
import type { ImageQuality, OutputFormat } from "../../src/core/types";

/** Default `size` when the client sends none (square, as OpenAI's default). */
export const DEFAULT_API_SIZE = "1024x1024";
/** Most images one request may ask for (`n`). */
export const MAX_IMAGES_PER_REQUEST = 4;

const QUALITIES: readonly ImageQuality[] = ["low", "medium", "high", "auto"];
const OUTPUT_FORMATS: readonly OutputFormat[] = ["png", "jpeg"];

/** Body of `POST /v1/images/generations` after validation and defaults (the OpenAI field names). */
export interface GenerationsBody {
  prompt: string;
  n: number;
  size: string;
  quality: ImageQuality;
  output_format: OutputFormat;
  seed?: number;
  response_format?: "b64_json";
}

/**
 * Schema of `POST /v1/images/generations`. Unknown fields (`model`, `user`, ...) are accepted and ignored,
 * as OpenAI-compatible clients send them. `response_format` may only be `b64_json` (no hosted URLs).
 */
export const generationsBodySchema = {
  type: "object",
  required: ["prompt"],
  properties: {
    prompt: { type: "string", minLength: 1, maxLength: MAX_PROMPT_CHARS },
    n: { type: "integer", minimum: 1, maximum: MAX_IMAGES_PER_REQUEST, default: 1 },
    size: { type: "string", enum: [...SUPPORTED_API_SIZES], default: DEFAULT_API_SIZE },
    quality: { type: "string", enum: QUALITIES, default: "auto" },
    output_format: { type: "string", enum: OUTPUT_FORMATS, default: "png" },
    seed: { type: "integer", minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER },
    response_format: { type: "string", enum: ["b64_json"] },
  },
} as const;
