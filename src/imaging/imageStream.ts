// Turns the gateway's image event stream (partials, queue, completed, error) into callbacks and final images.
import type { GeneratedImage } from "../core/types";
import { readServerSentEvents } from "../core/protocol/serverSentEvents";
import { apiErrorFrom } from "../core/protocol/upstreamErrorShapes";
import { ConnectionError, InvalidResponseError } from "./errors";
import type { GenerateCallbacks } from "./ImageClient";
import { parseBackend, parseImageEntry, type ParseContext } from "./imagesResponse";
import { markNow, markPartialArrived, PANE_TIMINGS } from "./paneTimings";
import { validateImageBase64 } from "./validateImage";

type EventData = Record<string, unknown>;

/** The stream reader's failures as the client's errors: a cut connection, an oversized event. */
const STREAM_ERRORS = {
  readFailed: (cause: unknown) => new ConnectionError("The image stream was interrupted", { cause }),
  tooLarge: (maxChars: number) => new InvalidResponseError(`An event of the image stream exceeds ${maxChars} characters`),
};

function parseEventData(data: string, name: string, requestId: string | undefined): EventData {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as EventData;
  } catch {
    // fall through
  }
  throw new InvalidResponseError(`Event "${name}" of the image stream has no JSON object`, { requestId });
}

/**
 * Reads a `text/event-stream` answer of `/v1/images/*` with `stream: true`.
 *
 * Events (the name is the SSE `event:` field, else the data's `type`), after shared/docs/image-api.md:
 * - `image_generation.partial_image` / `image_edit.partial_image` `{ b64_json, partial_image_index }` →
 *   `onPartial` (checked to be a PNG/JPEG; ignored once a final image has arrived: the final event may
 *   come before all partials);
 * - `image_generation.completed` / `image_edit.completed` `{ b64_json, revised_prompt?, backend? }` → one
 *   final image, checked like a JSON answer's;
 * - `queue` `{ position, expected_start_ms? }` (our gateway's shared queue) → `onQueue`;
 * - `error`, or any data with an `error` object → the typed error (`ApiError`, status 0);
 * - anything else (`[DONE]`, keep-alive, unknown types) is ignored.
 *
 * @throws ApiError for an error event; InvalidResponseError for bad event data, bad image bytes, or a stream
 *   that ends before any final image; ConnectionError when the connection drops.
 */
export async function readImageStream(
  response: Response,
  context: ParseContext,
  callbacks: Pick<GenerateCallbacks, "onPartial" | "onQueue">,
  signal?: AbortSignal,
): Promise<GeneratedImage[]> {
  const { requestId } = context;
  if (!response.body) throw new InvalidResponseError("The image stream has no body", { requestId });
  const images: GeneratedImage[] = [];
  for await (const message of readServerSentEvents(response.body, STREAM_ERRORS, signal)) {
    if (message.data.trim() === "[DONE]") continue;
    const eventName = message.event ?? "message";
    const data = parseEventData(message.data, eventName, requestId);
    const name = message.event ?? (typeof data.type === "string" ? data.type : "message");
    if (name === "error" || typeof data.error === "object") {
      throw apiErrorFrom(0, typeof data.error === "object" ? data : { error: data }, response.headers);
    }
    if (name.endsWith(".partial_image")) {
      if (images.length > 0 || !callbacks.onPartial) continue;
      const index = typeof data.partial_image_index === "number" ? data.partial_image_index : 0;
      markPartialArrived(index);
      const picture = validateImageBase64(data.b64_json, { field: `${name}[${index}].b64_json`, requestId });
      callbacks.onPartial({ ...picture, index });
    } else if (name.endsWith(".completed")) {
      markNow(PANE_TIMINGS.finalArrived);
      images.push(parseImageEntry(data, parseBackend(data.backend) ?? context.fallbackBackend, context, name));
    } else if (name === "queue" && typeof data.position === "number") {
      const expected = data.expected_start_ms;
      callbacks.onQueue?.({
        position: data.position,
        ...(typeof expected === "number" && expected >= 0 ? { expected_start_ms: expected } : {}),
      });
    }
  }
  if (images.length === 0) {
    throw new InvalidResponseError("The image stream ended before the final image arrived", { requestId });
  }
  return images;
}
