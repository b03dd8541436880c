// JSON schemas (ajv) of the gateway's request fields: one set of rules for generations (JSON body, checked by
// Fastify) and edits (multipart text fields, checked by ./routes/edits.ts with the same rules).
import { EDIT_FIELDS, GENERATION_FIELDS } from "../../src/core/protocol/wire";
import { MAX_IMAGES_PER_REQUEST, MAX_PROMPT_CHARS } from "../../src/core/protocol/limits";
import type { ImageQuality, OutputFormat } from "../../src/core/protocol/wire";

/** Default `size` of a generation when the client sends none (square, as OpenAI's default). */
export const DEFAULT_API_SIZE = "1024x1024";

const QUALITIES: readonly ImageQuality[] = ["low", "medium", "high", "auto"];
const OUTPUT_FORMATS: readonly OutputFormat[] = ["png", "jpeg"];

/** Body of `POST /v1/images/generations` after validation and defaults (the OpenAI field names). */
export interface GenerationsBody {
  prompt: string;
  n: number;
  /** Absent: {@link DEFAULT_API_SIZE}, or with `crop_to_ratio` the chosen model's size for that ratio. */
  size?: string;
  quality: ImageQuality;
  output_format: OutputFormat;
  seed?: number;
  response_format?: "b64_json";
  model?: string;
  crop_to_ratio?: number;
  background?: string;
  style?: string;
}

/**
 * The rule of every known field. `stream`, `partial_images`, `output_compression` and `background` are
 * checked by their own readers (./streaming.ts, ./gptImageFields.ts) for their specific messages; `model` picks
 * a served model (./servedModels.ts); `crop_to_ratio` is width ÷ height to centre-crop to; `user`, `moderation`,
 * `style` are OpenAI's, accepted (`style` informs Auto).
 */
const FIELD_RULES = {
  prompt: { type: "string", minLength: 1, maxLength: MAX_PROMPT_CHARS },
  n: { type: "integer", minimum: 1, maximum: MAX_IMAGES_PER_REQUEST, default: 1 },
  // The chosen model's size rule checks the value (validateSize, src/core/protocol/models): here only its type.
  size: { type: "string", minLength: 1, maxLength: 32 },
  quality: { type: "string", enum: QUALITIES, default: "auto" },
  output_format: { type: "string", enum: OUTPUT_FORMATS, default: "png" },
  seed: { type: "integer", minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER },
  response_format: { type: "string", enum: ["b64_json"] },
  input_fidelity: { type: "string", enum: ["high", "low"] },
  stream: {},
  partial_images: {},
  output_compression: {},
  background: {},
  model: { type: "string", maxLength: 200 },
  crop_to_ratio: { type: "number", exclusiveMinimum: 0, maximum: 100 },
  user: {},
  moderation: {},
  style: {},
} as const;

function objectSchema<F extends keyof typeof FIELD_RULES>(fields: readonly F[], overrides: Partial<Record<F, object>> = {}) {
  return {
    type: "object",
    required: ["prompt"],
    properties: Object.fromEntries(fields.map((field) => [field, overrides[field] ?? FIELD_RULES[field]])),
    // An unknown field is refused (400 `unknown_parameter`), as OpenAI's API does: a typo such as
    // `quallity` is caught instead of ignored.
    additionalProperties: false,
  } as const;
}

/**
 * Schema of `POST /v1/images/generations`: the fields of `GENERATION_FIELDS` (src/core/protocol/wire.ts), no
 * others. `response_format` may only be `b64_json` (no hosted URLs). `size` has no schema default: see
 * ../servedModels.ts `shapeFor` (the chosen model decides when only `crop_to_ratio` is sent).
 */
export const generationsBodySchema = objectSchema(GENERATION_FIELDS);

/**
 * Schema of the text fields of `POST /v1/images/edits` (multipart, so read with type coercion: `"2"` is 2):
 * the fields of `EDIT_FIELDS`, the same rules as generations; `size` has no default (the image's aspect
 * decides), and `output_compression` / `background` are typed here because they come as text.
 */
export const editFieldsSchema = objectSchema(EDIT_FIELDS, {
  output_compression: { type: "integer", minimum: 0, maximum: 100 },
  background: { type: "string", enum: ["transparent", "opaque", "auto"] },
});
