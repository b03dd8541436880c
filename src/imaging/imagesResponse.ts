// Parses the JSON answer of /v1/images/* into validated images (unknown fields ignored, bytes checked).
import type { BackendInfo, GeneratedImage, PixelSize } from "../core/types";
import { InvalidResponseError } from "./errors";
import { validateImageBase64 } from "./validateImage";

/** Backend reported when an answer does not say which one made the image (e.g. a raw Azure OpenAI answer). */
export const UNKNOWN_BACKEND: BackendInfo = { provider: "unknown", model: "unknown", offline: false };

/** What the client knows about the request whose answer is parsed. */
export interface ParseContext {
  /** Pixel size each image must decode to; any when absent. */
  expectedSize?: PixelSize;
  /** Used when the answer has no valid `backend`. */
  fallbackBackend: BackendInfo;
  requestId?: string;
}

/** `backend: { provider, model, offline }` from the gateway, or `undefined` when missing or malformed. */
export function parseBackend(value: unknown): BackendInfo | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { provider, model, offline } = value as Record<string, unknown>;
  if (typeof provider !== "string" || typeof model !== "string" || typeof offline !== "boolean") return undefined;
  return { provider, model, offline };
}

/**
 * One image entry (`{ b64_json, revised_prompt? }`, also the data of a streamed `*.completed` event).
 * @throws InvalidResponseError when `b64_json` is missing or not a whole PNG/JPEG of the expected size.
 */
export function parseImageEntry(entry: unknown, backend: BackendInfo, context: ParseContext, field: string): GeneratedImage {
  if (typeof entry !== "object" || entry === null) {
    throw new InvalidResponseError(`${field} is not an object`, { requestId: context.requestId });
  }
  const { b64_json, revised_prompt } = entry as Record<string, unknown>;
  const picture = validateImageBase64(b64_json, {
    expectedSize: context.expectedSize,
    field: `${field}.b64_json`,
    requestId: context.requestId,
  });
  const image: GeneratedImage = { ...picture, backend };
  if (typeof revised_prompt === "string" && revised_prompt.length > 0) image.revisedPrompt = revised_prompt;
  return image;
}

/**
 * Parses `{ created, data: [{ b64_json, revised_prompt? }], backend? }` (extra fields such as `usage`,
 * `content_filter_results`, MAI's `model`/`size` are ignored).
 * @throws InvalidResponseError when `data` is missing or empty, or an image fails its checks.
 */
function parseImagesResponse(body: unknown, context: ParseContext): GeneratedImage[] {
  const data = typeof body === "object" && body !== null ? (body as Record<string, unknown>).data : undefined;
  if (!Array.isArray(data) || data.length === 0) {
    throw new InvalidResponseError("The answer has no images (`data` is missing or empty)", { requestId: context.requestId });
  }
  const backend = parseBackend((body as Record<string, unknown>).backend) ?? context.fallbackBackend;
  return data.map((entry, i) => parseImageEntry(entry, backend, context, `data[${i}]`));
}

/**
 * Reads a 2xx JSON answer and parses it.
 * @throws InvalidResponseError when the body is not JSON or not the expected shape.
 */
export async function readImagesJson(response: Response, context: ParseContext): Promise<GeneratedImage[]> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    const type = response.headers.get("content-type") ?? "no content type";
    throw new InvalidResponseError(`The answer is not JSON (${type})`, { requestId: context.requestId, cause });
  }
  return parseImagesResponse(body, context);
}
