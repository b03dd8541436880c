// The pane's image client with its HTTP, streaming and image-check code in a chunk of its own, fetched after first paint.
import { parseApiBaseUrl } from "./apiBaseUrl";
import { imageApiTarget } from "./endpoints";
import type { ImageClientOptions } from "./imagesApiClient";
import type { GenerateCallbacks, ImageClient, ImageEditRequest, ImageGenerateRequest } from "./ImageClient";
import type { GeneratedImage } from "../core/types";

/** An {@link ImageClient} that loads its implementation on `preload()` or on the first request. */
export interface LazyImageClient extends ImageClient {
  /** Fetches the implementation's chunk now (call after first paint, so the first Generate does not wait on it). */
  preload(): Promise<void>;
}

/**
 * Same contract as `new ImagesApiClient(options)` (imagesApiClient.ts), but the module loads lazily.
 * @throws TypeError at once for an API base URL that is not https (http only on localhost) or direct mode without
 *   a deployment; a bad `timeoutMs` rejects the first request.
 */
export function createLazyImageClient(options: ImageClientOptions): LazyImageClient {
  imageApiTarget(parseApiBaseUrl(options.apiBaseUrl), options.api); // configuration errors show at start, not at first Generate
  let client: Promise<ImageClient> | undefined;
  const load = () => {
    client ??= import(/* webpackChunkName: "image-client" */ "./imagesApiClient").then(
      ({ ImagesApiClient }) => new ImagesApiClient(options),
      (error: unknown) => {
        client = undefined; // a failed chunk load is retried by the next request
        throw error;
      },
    );
    return client;
  };
  return {
    preload: () => load().then(() => undefined),
    generate: (request: ImageGenerateRequest, callbacks?: GenerateCallbacks): Promise<GeneratedImage[]> =>
      load().then((c) => c.generate(request, callbacks)),
    edit: (request: ImageEditRequest, callbacks?: GenerateCallbacks): Promise<GeneratedImage[]> => load().then((c) => c.edit(request, callbacks)),
  };
}
