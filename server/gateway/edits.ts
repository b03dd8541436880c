// `POST /v1/images/edits` (multipart: image, optional mask, prompt, …): validates the parts and asks the provider.
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import sharp from "sharp";
import { MAX_PROMPT_CHARS } from "../../src/core/prompt";
import { API_SIZE, SUPPORTED_API_SIZES, nearestAspect, parseApiSize } from "../../src/core/sizes";
import type { ImageProvider } from "../providers/Provider";
import type { NormalizedEditRequest } from "../providers/upstream/capabilities";
import { GatewayError, badRequest } from "./errors";
import { runProviderCall } from "./runProviderCall";
import { MAX_IMAGES_PER_REQUEST } from "./schemas";
import { readStreamFields, sendImageStream } from "./streaming";

/** Input picture limit (image-api.md: < 50 MB) and mask limit (< 4 MB), in bytes. */
export const MAX_EDIT_IMAGE_BYTES = 50 * 1024 * 1024;
export const MAX_MASK_BYTES = 4 * 1024 * 1024;

/** Options of {@link editRoutes}. */
export interface EditRoutesOptions {
  provider: ImageProvider;
  generationTimeoutMs: number;
}

interface EditParts {
  fields: Record<string, string>;
  files: Record<string, Buffer>;
}

async function readParts(request: FastifyRequest): Promise<EditParts> {
  if (!request.isMultipart()) {
    throw new GatewayError(415, "unsupported_media_type", "bad_request", "Send edits as multipart/form-data (image, optional mask, prompt)");
  }
  const parts: EditParts = { fields: {}, files: {} };
  for await (const part of request.parts()) {
    if (part.type === "file") {
      if (part.fieldname !== "image" && part.fieldname !== "image[]" && part.fieldname !== "mask") {
        part.file.resume();
        throw badRequest("unknown_file", `Unexpected file field "${part.fieldname}"; send image and optionally mask`, part.fieldname);
      }
      parts.files[part.fieldname === "image[]" ? "image" : part.fieldname] = await part.toBuffer();
    } else {
      parts.fields[part.fieldname] = String(part.value);
    }
  }
  return parts;
}

function field<T extends string>(fields: Record<string, string>, name: string, allowed: readonly T[], fallback: T | undefined): T | undefined {
  const value = fields[name];
  if (value === undefined || value === "") return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw badRequest(`invalid_${name}`, `${name} must be one of ${allowed.join(", ")}`, name);
  return value as T;
}

/**
 * Validates the multipart parts into a {@link NormalizedEditRequest}: `image` PNG/JPEG < 50 MB; `mask` PNG
 * < 4 MB of the image's pixel size; `prompt` 1–4000 characters; `size` (default: the supported size nearest to
 * the image's aspect ratio), `n` 1–4, `quality`, `output_format`, `input_fidelity`.
 * @throws GatewayError 400 with a code per field (`missing_image`, `invalid_image`, `invalid_mask`, …)
 */
export async function normalizeEdit(parts: EditParts): Promise<NormalizedEditRequest> {
  const { fields, files } = parts;
  const prompt = fields.prompt ?? "";
  if (prompt.trim() === "") throw badRequest("missing_prompt", "prompt is required and must not be empty", "prompt");
  if (prompt.length > MAX_PROMPT_CHARS) throw badRequest("prompt_too_long", `prompt must be at most ${MAX_PROMPT_CHARS} characters`, "prompt");
  const image = files.image;
  if (!image) throw badRequest("missing_image", "image is required (a PNG or JPEG file)", "image");
  if (image.length > MAX_EDIT_IMAGE_BYTES) throw badRequest("image_too_large", "image must be under 50 MB", "image");
  const meta = await sharp(image).metadata().catch(() => undefined);
  if (!meta || (meta.format !== "png" && meta.format !== "jpeg") || !meta.width || !meta.height) {
    throw badRequest("invalid_image", "image must be a PNG or JPEG picture", "image");
  }
  const mask = files.mask;
  if (mask) {
    const maskMeta = await sharp(mask).metadata().catch(() => undefined);
    if (mask.length > MAX_MASK_BYTES || maskMeta?.format !== "png" || !maskMeta.hasAlpha) {
      throw badRequest("invalid_mask", "mask must be a PNG with transparency, under 4 MB", "mask");
    }
    if (maskMeta.width !== meta.width || maskMeta.height !== meta.height) {
      throw badRequest("invalid_mask", "mask must have the same pixel size as image", "mask");
    }
  }
  const apiSize = field(fields, "size", SUPPORTED_API_SIZES, undefined) ?? API_SIZE[nearestAspect(meta.width, meta.height)];
  const n = fields.n === undefined ? 1 : Number(fields.n);
  if (!Number.isInteger(n) || n < 1 || n > MAX_IMAGES_PER_REQUEST) throw badRequest("invalid_n", `n must be an integer from 1 to ${MAX_IMAGES_PER_REQUEST}`, "n");
  const inputFidelity = field(fields, "input_fidelity", ["high", "low"] as const, undefined);
  return {
    prompt,
    n,
    apiSize,
    size: parseApiSize(apiSize) as NormalizedEditRequest["size"],
    quality: field(fields, "quality", ["low", "medium", "high", "auto"] as const, "auto") ?? "auto",
    outputFormat: field(fields, "output_format", ["png", "jpeg"] as const, "png") ?? "png",
    image: { bytes: image, mimeType: meta.format === "png" ? "image/png" : "image/jpeg" },
    ...(mask ? { mask: { bytes: mask } } : {}),
    ...(inputFidelity ? { inputFidelity } : {}),
  };
}

/**
 * Registers `POST /edits` (register inside the image routes so their authentication hook applies).
 * Streams (`stream=true`) with `image_edit.completed` events; providers without `edit` answer 400
 * `edits_not_supported`.
 */
export async function editRoutes(app: FastifyInstance, options: EditRoutesOptions): Promise<void> {
  const { provider } = options;
  await app.register(multipart, { limits: { fileSize: MAX_EDIT_IMAGE_BYTES, files: 2, fields: 20, fieldSize: 64 * 1024 } });

  app.post("/edits", async (request: FastifyRequest, reply: FastifyReply) => {
    const parts = await readParts(request);
    const edit = provider.edit?.bind(provider);
    if (!edit) throw badRequest("edits_not_supported", `The ${provider.info.provider} backend cannot edit pictures`);
    const normalized = await normalizeEdit(parts);
    const { stream, partialImages } = readStreamFields(parts.fields);
    if (stream) {
      return sendImageStream(request, reply, {
        eventPrefix: "image_edit",
        provider,
        request: normalized,
        partialImages,
        makeAll: (ctx) => edit(normalized, ctx),
        generationTimeoutMs: options.generationTimeoutMs,
      });
    }
    const data = await runProviderCall(request, reply, options.generationTimeoutMs, (ctx) => edit(normalized, ctx));
    return { created: Math.floor(Date.now() / 1000), data, backend: provider.info };
  });
}
