// `POST /v1/images/edits` (multipart: image, optional mask, prompt, …): checks the parts with the same field
// rules as generations, and asks the provider.
import multipart from "@fastify/multipart";
import Ajv from "ajv";
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from "fastify";
import sharp from "sharp";
import { MAX_EDIT_IMAGE_BYTES, MAX_MASK_BYTES } from "../../../src/core/protocol/limits";
import { EDIT_FIELDS } from "../../../src/core/protocol/wire";
import { askedSizeFor } from "../../../src/core/protocol/models";
import type { ImageQuality, OutputFormat } from "../../../src/core/protocol/wire";
import type { NormalizedEditRequest } from "../../providers/Provider";
import { GatewayError, badRequest } from "../errors";
import { readGenerateExtras } from "../gptImageFields";
import { answerImages } from "../runProviderCall";
import { editFieldsSchema } from "../schemas";
import { pickModel, shapeFor, type ServedModel, type ServedModels } from "../servedModels";
import { readStreamFields, sendImageStream } from "../streaming";
import { errorFromValidation, unknownParameter } from "../validation";

/** Options of {@link editRoutes}. */
export interface EditRoutesOptions {
  models: ServedModels;
  generationTimeoutMs: number;
}

interface EditParts {
  fields: Record<string, string>;
  files: Record<string, Buffer>;
}

const KNOWN_FIELDS: ReadonlySet<string> = new Set(EDIT_FIELDS);

/** Multipart text fields are strings: coerce (`"2"` → 2) and fill defaults, then the rules are the generations' rules. */
const validateEditFields = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: false }).compile(editFieldsSchema);

/** The edit's text fields after {@link editFieldsSchema}: coerced, with defaults. */
interface EditFields {
  prompt: string;
  n: number;
  size?: string;
  quality: ImageQuality;
  output_format: OutputFormat;
  input_fidelity?: "high" | "low";
  crop_to_ratio?: number;
  model?: string;
  [field: string]: unknown;
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
      // The first unknown field ends the request at once, before the rest of a junk body is read.
      if (!KNOWN_FIELDS.has(part.fieldname)) throw unknownParameter(part.fieldname);
      parts.fields[part.fieldname] = String(part.value);
    }
  }
  return parts;
}

/**
 * The text fields checked by {@link editFieldsSchema}; an empty field counts as absent.
 * @throws GatewayError 400 with the code {@link errorFromValidation} gives (`missing_prompt`, `invalid_n`, …)
 */
function checkFields(raw: Record<string, string>): EditFields {
  const fields: Record<string, unknown> = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ""));
  if (!validateEditFields(fields)) throw errorFromValidation((validateEditFields.errors ?? []) as FastifySchemaValidationError[]);
  if ((fields.prompt as string).trim() === "") throw badRequest("missing_prompt", "prompt is required and must not be empty", "prompt");
  return fields as EditFields;
}

/**
 * Validates the multipart parts into a {@link NormalizedEditRequest}: the text fields by {@link checkFields}
 * (`prompt` 1–4000 characters, `size` — checked against the chosen model's rule; default: its allowed size
 * nearest to the image's aspect ratio —, `model`, `crop_to_ratio`,
 * `n` 1–4, `quality`, `output_format`, `input_fidelity`, `output_compression`, `background`); `image` PNG/JPEG
 * < 50 MB; `mask` PNG < 4 MB of the image's pixel size.
 * @throws GatewayError 400 with a code per field (`missing_image`, `invalid_image`, `invalid_mask`, …)
 */
async function normalizeEdit(parts: EditParts, models: ServedModels): Promise<{ model: ServedModel; edit: NormalizedEditRequest }> {
  const { files } = parts;
  const fields = checkFields(parts.fields);
  const image = files.image;
  if (!image) throw badRequest("missing_image", "image is required (a PNG or JPEG file)", "image");
  if (image.length > MAX_EDIT_IMAGE_BYTES) throw badRequest("image_too_large", "image must be under 50 MB", "image");
  const meta = await sharp(image)
    .metadata()
    .catch(() => undefined);
  if (!meta || (meta.format !== "png" && meta.format !== "jpeg") || !meta.width || !meta.height) {
    throw badRequest("invalid_image", "image must be a PNG or JPEG picture", "image");
  }
  const mask = files.mask;
  if (mask) {
    const maskMeta = await sharp(mask)
      .metadata()
      .catch(() => undefined);
    if (mask.length > MAX_MASK_BYTES || maskMeta?.format !== "png" || !maskMeta.hasAlpha) {
      throw badRequest("invalid_mask", "mask must be a PNG with transparency, under 4 MB", "mask");
    }
    if (maskMeta.width !== meta.width || maskMeta.height !== meta.height) {
      throw badRequest("invalid_mask", "mask must have the same pixel size as image", "mask");
    }
  }
  // issue #10: the request's `model`, or Auto among the models that can edit (with a mask when one is sent).
  const model = pickModel(models, {
    ...(fields.model === undefined ? {} : { model: String(fields.model) }),
    ...(fields.background === "transparent" ? { background: "transparent" as const } : {}),
    edit: { mask: mask !== undefined },
  });
  // No size: the model's allowed size nearest to the picture's own shape (or to `crop_to_ratio`, cropped to it).
  const ownSize = askedSizeFor(model.entry, { fit: { widthPt: meta.width, heightPt: meta.height } }).apiSize;
  const edit: NormalizedEditRequest = {
    prompt: fields.prompt,
    n: fields.n,
    ...shapeFor(model.entry, fields.size, fields.crop_to_ratio, ownSize),
    quality: fields.quality,
    outputFormat: fields.output_format,
    ...readGenerateExtras(fields),
    image: { bytes: image, mimeType: meta.format === "png" ? "image/png" : "image/jpeg" },
    ...(mask ? { mask: { bytes: mask } } : {}),
    ...(fields.input_fidelity ? { inputFidelity: fields.input_fidelity } : {}),
  };
  return { model, edit };
}

/**
 * Registers `POST /edits` (register inside the image routes so their authentication hook applies).
 * Streams (`stream=true`) with `image_edit.completed` events; providers without `edit` answer 400
 * `edits_not_supported`.
 */
export async function editRoutes(app: FastifyInstance, options: EditRoutesOptions): Promise<void> {
  const { models } = options;
  await app.register(multipart, { limits: { fileSize: MAX_EDIT_IMAGE_BYTES, files: 2, fields: 20, fieldSize: 64 * 1024 } });

  app.post("/edits", async (request: FastifyRequest, reply: FastifyReply) => {
    const parts = await readParts(request);
    const { model, edit: normalized } = await normalizeEdit(parts, models);
    const provider = model.provider;
    const edit = provider.edit?.bind(provider);
    if (!edit) throw badRequest("edits_not_supported", `The ${provider.info.provider} backend cannot edit pictures`);
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
    return answerImages(request, reply, {
      provider,
      n: normalized.n,
      apiSize: normalized.apiSize,
      timeoutMs: options.generationTimeoutMs,
      call: (ctx) => edit(normalized, ctx),
    });
  });
}
