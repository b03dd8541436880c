// Where each image operation is sent and how its body differs per API mode (gateway or Azure OpenAI direct).
import type { ImageApiMode } from "../core/config";
import type { BackendInfo, ImageQuality } from "../core/types";
import { endpointUrl, type ApiAddress } from "./apiBaseUrl";

/** The two image operations: `/images/generations` (JSON) and `/images/edits` (multipart). */
export type ImageOperation = "generations" | "edits";

/**
 * How requests go to the configured image API. One client code path uses it for both modes, so retries,
 * typed errors, byte checks, streaming and the token-origin check are the same everywhere.
 */
export interface ImageApiTarget {
  /** Absolute URL of `operation`; always under the configured base URL (same origin). */
  url(operation: ImageOperation): string;
  /** Fields added to every body, e.g. `model` = deployment on Azure's v1 path. */
  addedFields: Readonly<Record<string, string>>;
  /** Request fields only the gateway takes (`seed`): not sent to this API. */
  omittedFields: readonly string[];
  /** `quality` sent when the request has none (Azure documents its default inconsistently); none: not added. */
  defaultQuality?: ImageQuality;
  /** Backend of images whose answer does not name one; none: the client's own fallback. */
  backend?: BackendInfo;
}

/** The gateway: `${base}/v1/images/{operation}`, the request as it is. */
function gatewayTarget(gateway: ApiAddress): ImageApiTarget {
  return {
    url: (operation) => endpointUrl(gateway, `/v1/images/${operation}`),
    addedFields: {},
    omittedFields: [],
  };
}

/**
 * Azure OpenAI called directly. With `apiVersion`:
 * `${base}/openai/deployments/{deployment}/images/{operation}?api-version={apiVersion}` and no `model` in the
 * body (the deployment is in the path); without: `${base}/openai/v1/images/{operation}` with `model` = deployment.
 * `quality` is always sent; `seed` (gateway only) never. Source: shared/docs/image-api.md, "APIs" and "Auth".
 */
function azureOpenAIDirectTarget(gateway: ApiAddress, deployment: string, apiVersion: string | undefined): ImageApiTarget {
  const dated = apiVersion !== undefined;
  return {
    url: (operation) =>
      dated
        ? `${gateway.baseUrl}/openai/deployments/${encodeURIComponent(deployment)}/images/${operation}?api-version=${encodeURIComponent(apiVersion)}`
        : `${gateway.baseUrl}/openai/v1/images/${operation}`,
    addedFields: dated ? {} : { model: deployment },
    omittedFields: ["seed"],
    defaultQuality: "auto",
    backend: { provider: "azure-openai", model: deployment, offline: false },
  };
}

/**
 * The target for the configured API mode.
 * @param api `undefined` or `{ mode: "gateway" }`: the gateway.
 * @throws TypeError for direct mode without a deployment name.
 */
export function imageApiTarget(gateway: ApiAddress, api: ImageApiMode | undefined): ImageApiTarget {
  if (api === undefined || api.mode === "gateway") return gatewayTarget(gateway);
  if (!api.deployment) throw new TypeError("Azure OpenAI direct mode needs a deployment name");
  return azureOpenAIDirectTarget(gateway, api.deployment, api.apiVersion);
}
