// Turns an ajv validation failure of a request body into one stable error code and sentence.
import type { FastifySchemaValidationError } from "fastify";
import { MAX_IMAGES_PER_REQUEST, MAX_PROMPT_CHARS } from "../../src/core/protocol/limits";
import { badRequest, type GatewayError } from "./errors";

/** Specific messages per field; any other field gets `invalid_<field>` and ajv's own wording. */
const FIELD_MESSAGES: Record<string, string> = {
  n: `n must be an integer from 1 to ${MAX_IMAGES_PER_REQUEST}`,
  size: "size must be WIDTHxHEIGHT in pixels (each model has its own rule: GET /v1/models)",
  model: "model must be a string: a model id from GET /v1/models, or auto",
  crop_to_ratio: "crop_to_ratio must be a positive number (width ÷ height)",
  quality: "quality must be one of low, medium, high, auto",
  output_format: "output_format must be png or jpeg",
  seed: "seed must be an integer",
  input_fidelity: "input_fidelity must be high or low",
  output_compression: "output_compression must be an integer from 0 to 100",
  background: "background must be transparent, opaque or auto",
};

/**
 * The {@link GatewayError} (400 `bad_request`) for the first ajv error of a body.
 * Codes: `missing_prompt` (absent or empty), `prompt_too_long` (over 4000 characters), `invalid_prompt`
 * (not a string), `invalid_n`, `invalid_size`, `invalid_quality`, `invalid_output_format`, `invalid_seed`,
 * `unsupported_response_format`, `unknown_parameter` (a field the API does not know, named in `param`, as
 * OpenAI answers), `invalid_body` (body is not a JSON object), `invalid_<field>` otherwise.
 */
export function errorFromValidation(errors: readonly FastifySchemaValidationError[]): GatewayError {
  const first = errors[0];
  if (!first) return badRequest("invalid_body", "The request body is not valid");
  if (first.keyword === "additionalProperties") return unknownParameter(String(first.params.additionalProperty ?? ""));
  const missing = first.keyword === "required" ? String(first.params.missingProperty ?? "") : undefined;
  const field = missing ?? first.instancePath.split("/")[1] ?? "";

  if (field === "") return badRequest("invalid_body", "The request body must be a JSON object");
  if (field === "prompt") {
    if (missing !== undefined || first.keyword === "minLength") {
      return badRequest("missing_prompt", "prompt is required and must not be empty", "prompt");
    }
    if (first.keyword === "maxLength") {
      return badRequest("prompt_too_long", `prompt must be at most ${MAX_PROMPT_CHARS} characters`, "prompt");
    }
    return badRequest("invalid_prompt", "prompt must be a string", "prompt");
  }
  if (field === "response_format") {
    return badRequest("unsupported_response_format", "response_format must be b64_json (no image URLs)", field);
  }
  return badRequest(`invalid_${field}`, FIELD_MESSAGES[field] ?? `${field} ${first.message ?? "is not valid"}`, field);
}

/** 400 `unknown_parameter` for a field the API does not know (OpenAI's code and wording). */
export function unknownParameter(name: string): GatewayError {
  return badRequest("unknown_parameter", `Unknown parameter: '${name}'.`, name);
}
