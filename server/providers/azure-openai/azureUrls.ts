// URLs of Azure OpenAI's image operations: the dated deployment path, or the v1 path with `model` in the body.

/** Where the Azure OpenAI image API lives and how a request names the deployment. */
export interface AzureTarget {
  /** `IMAGE_ENDPOINT`, e.g. `https://<resource>.openai.azure.com` (no trailing slash). */
  endpoint: string;
  /** `IMAGE_DEPLOYMENT`. */
  deployment: string;
  /** `IMAGE_API_VERSION`, e.g. `2025-04-01-preview`; absent → the v1 path. */
  apiVersion?: string;
}

/**
 * The URL of `operation` and the body fields that name the deployment:
 * - with an api-version: `{endpoint}/openai/deployments/{deployment}/images/{operation}?api-version=…`, no `model`;
 * - without: `{endpoint}/openai/v1/images/{operation}` with `model: deployment`.
 */
export function azureImagesUrl(target: AzureTarget, operation: "generations" | "edits"): { url: string; model?: string } {
  if (target.apiVersion) {
    const deployment = encodeURIComponent(target.deployment);
    const version = encodeURIComponent(target.apiVersion);
    return { url: `${target.endpoint}/openai/deployments/${deployment}/images/${operation}?api-version=${version}` };
  }
  return { url: `${target.endpoint}/openai/v1/images/${operation}`, model: target.deployment };
}
