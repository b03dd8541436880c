// The image client over HTTP: one POST to the image API (gateway or Azure OpenAI direct), with token, timeout,
// retries and byte checks.
import type { ImageApiMode } from "../core/config";
import { parseApiSize } from "../core/sizes";
import { centreCrop } from "../core/protocol/models";
import type { BackendInfo, GeneratedImage, PictureData, PixelSize } from "../core/types";
import { ApiError } from "../core/protocol/errors";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../core/protocol/retry";
import { apiErrorFromResponse, requestIdOf } from "../core/protocol/upstreamErrorShapes";
import { parseApiBaseUrl, type ApiAddress } from "./apiBaseUrl";
import { base64ToBytes } from "./base64";
import { ConnectionError, InvalidRequestError } from "./errors";
import { imageApiTarget, type ImageApiTarget, type ImageOperation } from "./endpoints";
import type { GenerateCallbacks, ImageClient, ImageEditRequest, ImageGenerateRequest } from "./ImageClient";
import { readImageStream } from "./imageStream";
import { readImagesJson, UNKNOWN_BACKEND, type ParseContext } from "./imagesResponse";
import { markNow, PANE_TIMINGS } from "./paneTimings";
import { sendWithRetries, type AttemptProgress, type GatewayCallOptions } from "./requestLoop";

/**
 * The pixel size the answer must have: `size`, or its centre crop to `crop_to_ratio` (the gateway's crop, by the
 * shared `centreCrop` rule); none when no `size` was sent (the gateway chose it).
 */
function expectedSizeOf(request: { size?: string; crop_to_ratio?: number }): PixelSize | undefined {
  const size = request.size === undefined ? undefined : parseApiSize(request.size);
  if (!size || request.crop_to_ratio === undefined) return size;
  const crop = centreCrop(size, request.crop_to_ratio);
  return crop ? { widthPx: crop.width, heightPx: crop.height } : size;
}

/** Default time for one attempt (answer and whole body), in milliseconds: gpt-image-2 at high quality takes minutes. */
export const DEFAULT_TIMEOUT_MS = 300_000;

/** Options of {@link ImagesApiClient} / `createImageClient`. */
export interface ImageClientOptions extends GatewayCallOptions {
  /**
   * Base URL of the image API, e.g. the gateway `https://localhost:3001` (calls go to
   * `${apiBaseUrl}/v1/images/...`); in Azure OpenAI direct mode the resource endpoint
   * `https://<resource>.openai.azure.com`. Config: `gatewayUrl`.
   */
  apiBaseUrl: string;
  /** Which API `apiBaseUrl` is (config `api`), see ./endpoints.ts. @default { mode: "gateway" } */
  api?: ImageApiMode;
  /** Per-attempt timeout in milliseconds (answer and whole body, stream included). @default 300000 */
  timeoutMs?: number;
  /**
   * Backend reported for images whose answer does not name one. @default in direct mode
   * `{ provider: "azure-openai", model: deployment, offline: false }`, else provider "unknown"
   */
  fallbackBackend?: BackendInfo;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How one request is sent: where, what body, which size the images must have. */
interface Call {
  operation: ImageOperation;
  /** JSON string or FormData (FormData sets its own multipart content type). */
  body: string | FormData;
  stream: boolean;
  context: ParseContext;
}

/**
 * {@link ImageClient} against the OpenAI-shaped gateway (`POST /v1/images/generations`, `/v1/images/edits`), or,
 * with `api.mode` `"azure-openai-direct"`, against Azure OpenAI itself (URLs and body differences in ./endpoints.ts).
 *
 * Each call: a token from `tokenProvider` (sent only to the API's origin, never through a redirect);
 * on 401 one forced refresh and one more try, then {@link SignInRequiredError}; 408/409/429/5xx/network
 * failures retried per src/core/protocol/retry.ts (server wait hint first); a stream answer (`text/event-stream`) or a JSON
 * answer, either way every image checked by ./validateImage.ts before it is returned.
 *
 * Throws: `ApiError` (HTTP error, typed by `type`), `SignInRequiredError`, `ConnectionError`, `TimeoutError`,
 * `CancelledError`, `InvalidResponseError`, `InvalidRequestError` (bad edit input); errors of
 * `tokenProvider.getToken` (e.g. its `SignInRequiredError`) pass through.
 */
export class ImagesApiClient implements ImageClient {
  private readonly api: ApiAddress;
  private readonly target: ImageApiTarget;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly retryPolicy: RetryPolicy;
  private readonly fallbackBackend: BackendInfo;

  /** @throws TypeError for an API base URL that is not https (or http on loopback), a bad timeout, or direct mode without a deployment. */
  constructor(private readonly options: ImageClientOptions) {
    this.api = parseApiBaseUrl(options.apiBaseUrl);
    this.target = imageApiTarget(this.api, options.api);
    // Unbound `fetch` throws "Illegal invocation" in browsers.
    this.fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(this.timeoutMs > 0 && this.timeoutMs <= 2_147_483_647)) throw new TypeError(`timeoutMs out of range: ${this.timeoutMs}`);
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries };
    this.fallbackBackend = options.fallbackBackend ?? this.target.backend ?? UNKNOWN_BACKEND;
  }

  /**
   * `POST /v1/images/generations` with `request` as JSON (in direct mode with `quality`, without `seed`).
   * @returns The images, each a whole PNG/JPEG of exactly `request.size` pixels.
   */
  generate(request: ImageGenerateRequest, callbacks: GenerateCallbacks = {}): Promise<GeneratedImage[]> {
    const body: Record<string, unknown> = { ...this.target.addedFields, ...request };
    for (const field of this.target.omittedFields) delete body[field];
    if (body.quality === undefined && this.target.defaultQuality) body.quality = this.target.defaultQuality;
    return this.send(
      {
        operation: "generations",
        body: JSON.stringify(body),
        stream: request.stream === true,
        context: { expectedSize: expectedSizeOf(request), fallbackBackend: this.fallbackBackend },
      },
      callbacks,
    );
  }

  /**
   * `POST /v1/images/edits` as multipart/form-data: `image` (and `mask`) as files, the other fields as text.
   * @returns The images; when `request.size` is given each is exactly that size.
   * @throws InvalidRequestError before sending when the mask is not a PNG of the image's pixel size.
   */
  async edit(request: ImageEditRequest, callbacks: GenerateCallbacks = {}): Promise<GeneratedImage[]> {
    const { image, mask } = request;
    if (mask && mask.mimeType !== "image/png") throw new InvalidRequestError("mask", "The mask must be a PNG");
    if (mask && (mask.size.widthPx !== image.size.widthPx || mask.size.heightPx !== image.size.heightPx)) {
      throw new InvalidRequestError("mask", "The mask must have the same pixel size as the image");
    }
    const form = new FormData();
    form.append("image", pictureBlob(image, "image"), `image.${image.mimeType === "image/png" ? "png" : "jpg"}`);
    if (mask) form.append("mask", pictureBlob(mask, "mask"), "mask.png");
    form.append("prompt", request.prompt);
    for (const [key, value] of Object.entries(this.target.addedFields)) form.append(key, value);
    const fields = { ...request, quality: request.quality ?? this.target.defaultQuality };
    for (const key of [
      "size",
      "n",
      "quality",
      "output_format",
      "input_fidelity",
      "model",
      "crop_to_ratio",
      "background",
      "stream",
      "partial_images",
    ] as const) {
      const value = fields[key];
      if (value !== undefined) form.append(key, String(value));
    }
    const expectedSize = expectedSizeOf(request);
    return this.send(
      { operation: "edits", body: form, stream: request.stream === true, context: { expectedSize, fallbackBackend: this.fallbackBackend } },
      callbacks,
    );
  }

  /** The attempt loop (./requestLoop.ts): token, POST under the deadline, 401 refresh, retries. */
  private send(call: Call, callbacks: GenerateCallbacks): Promise<GeneratedImage[]> {
    const url = this.target.url(call.operation);
    const headers: Record<string, string> = { accept: call.stream ? "text/event-stream, application/json" : "application/json" };
    if (typeof call.body === "string") headers["content-type"] = "application/json";
    return sendWithRetries(
      {
        api: this.api,
        url,
        headers,
        tokenProvider: this.options.tokenProvider,
        scopes: this.options.scopes,
        signal: callbacks.signal,
        timeoutMs: this.timeoutMs,
        sleep: this.sleep,
        random: this.random,
        retryPolicy: this.retryPolicy,
        service: "image service",
      },
      (attemptHeaders, attemptSignal, progress) => this.attempt(url, attemptHeaders, call, attemptSignal, callbacks, progress),
    );
  }

  /** One HTTP exchange. Resolves to the images, or to the ApiError of an HTTP error answer. */
  private async attempt(
    url: string,
    headers: Record<string, string>,
    call: Call,
    signal: AbortSignal,
    callbacks: GenerateCallbacks,
    progress: AttemptProgress,
  ): Promise<GeneratedImage[] | ApiError> {
    let response: Response;
    try {
      // No redirects: a redirect to another origin could carry the token away. No cookies: bearer only.
      markNow(PANE_TIMINGS.requestSent);
      response = await this.fetchFn(url, { method: "POST", headers, body: call.body, signal, redirect: "error", credentials: "omit" });
    } catch (cause) {
      throw new ConnectionError(`Could not reach the image service at ${this.api.origin}`, { cause });
    }
    if (!response.ok) return apiErrorFromResponse(response);
    progress.answered = true;
    const context = { ...call.context, requestId: requestIdOf(response.headers) };
    const isStream = (response.headers.get("content-type") ?? "").toLowerCase().startsWith("text/event-stream");
    return isStream ? readImageStream(response, context, callbacks, signal) : readImagesJson(response, context);
  }
}

/**
 * The picture's bytes as a Blob for multipart upload.
 * @throws InvalidRequestError when `picture.base64` is not raw base64.
 */
function pictureBlob(picture: PictureData, param: "image" | "mask"): Blob {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = base64ToBytes(picture.base64);
  } catch {
    throw new InvalidRequestError(param, `The ${param} is not raw base64 (no data: prefix, no line breaks)`);
  }
  return new Blob([bytes], { type: picture.mimeType });
}
