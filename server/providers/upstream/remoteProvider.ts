// Creates the Foundry MAI or Azure OpenAI provider from IMAGE_* environment variables.
import { AzureOpenAIProvider } from "../azure-openai/AzureOpenAIProvider";
import { FoundryMaiProvider } from "../foundry-mai/FoundryMaiProvider";
import type { ModelFamily } from "../../../src/core/protocol/models";
import type { ImageProvider, UpstreamGate } from "../Provider";
import { apiKeyCredential, entraCredential } from "./credentials";
import { parseEndpoint } from "./endpoint";
import { UpstreamClient } from "./UpstreamClient";

/** `IMAGE_PROVIDER` values served by a remote API. */
export const REMOTE_PROVIDER_IDS = ["foundry-mai", "azure-openai"] as const;
export type RemoteProviderId = (typeof REMOTE_PROVIDER_IDS)[number];

/** True when `id` names a remote provider. */
export function isRemoteProviderId(id: string): id is RemoteProviderId {
  return (REMOTE_PROVIDER_IDS as readonly string[]).includes(id);
}

/**
 * The provider `id`, configured by:
 * - `IMAGE_ENDPOINT` (required): https resource URL (http only for loopback);
 * - `IMAGE_DEPLOYMENT` (required): deployment name (`model` for MAI and the Azure v1 path);
 * - `IMAGE_API_VERSION` (azure-openai): use the dated deployment path with this api-version; unset → v1 path;
 * - `IMAGE_API_KEY`: sent as `api-key`; unset → Entra ID token from DefaultAzureCredential
 *   (`https://cognitiveservices.azure.com/.default`);
 * - `IMAGE_USER_HASH_SECRET`: key of the hashed `user` sent upstream; `IMAGE_SEND_USER=false` sends none
 *   (MAI's documented body has no `user`: turn it off if a deployment refuses the field);
 * - `GENERATION_TIMEOUT_MS`: per upstream call (default 300000);
 * - `MAI_WEB_GROUNDING` (foundry-mai): `true` sends `web_grounding: true` (MAI then searches the web with the
 *   prompt, which carries document text: an admin's choice); anything else, or unset, never sends the field.
 * @param gate the shared queue every upstream request passes
 * @param family the deployment's model family (MAI 2.5 / 2.6 caps, gpt-image-2's fields); absent: the caps of
 *   the most limited family (MAI 2.5) and gpt-image-1.5's fields
 * @throws Error naming the variable that is missing or malformed
 */
export function createRemoteProvider(id: RemoteProviderId, env: NodeJS.ProcessEnv, gate?: UpstreamGate, family?: ModelFamily): ImageProvider {
  const endpoint = parseEndpoint("IMAGE_ENDPOINT", env.IMAGE_ENDPOINT);
  const deployment = env.IMAGE_DEPLOYMENT?.trim();
  if (!deployment) throw new Error(`IMAGE_DEPLOYMENT is required for IMAGE_PROVIDER=${id} (the deployment name)`);
  const apiKey = env.IMAGE_API_KEY?.trim();
  const timeout = env.GENERATION_TIMEOUT_MS?.trim();
  const timeoutMs = timeout ? Number(timeout) : 300_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new Error(`GENERATION_TIMEOUT_MS must be a positive integer, got "${timeout}"`);
  const client = new UpstreamClient({
    credential: apiKey ? apiKeyCredential(apiKey) : entraCredential(),
    gate,
    timeoutMs,
  });
  const userHashSecret = env.IMAGE_USER_HASH_SECRET?.trim() || undefined;
  const sendUserText = env.IMAGE_SEND_USER?.trim() || "true";
  if (sendUserText !== "true" && sendUserText !== "false") throw new Error(`IMAGE_SEND_USER must be true or false, got "${sendUserText}"`);
  const user = { userHashSecret, sendUser: sendUserText === "true" };
  if (id === "foundry-mai") {
    const grounding = env.MAI_WEB_GROUNDING?.trim() || "false";
    if (grounding !== "true" && grounding !== "false") throw new Error(`MAI_WEB_GROUNDING must be true or false, got "${grounding}"`);
    const maiFamily = family === "mai-image-2.6" ? family : "mai-image-2.5";
    return new FoundryMaiProvider({ endpoint, deployment, client, family: maiFamily, webGrounding: grounding === "true", ...user });
  }
  const apiVersion = env.IMAGE_API_VERSION?.trim() || undefined;
  return new AzureOpenAIProvider({ endpoint, deployment, apiVersion, client, inputFidelity: family !== "gpt-image-2", ...user });
}
