// Creates the visual-brief writer named by PROMPT_PROVIDER (or none), behind its own queue (PROMPT_RPM): the
// composition root of `POST /v1/prompts/visual`, as ./createProvider.ts is of the image routes.
import { AzureChatBriefWriter, type ChatResponseFormat } from "../providers/prompts/azureChatBriefs";
import type { BriefWriter } from "../providers/prompts/BriefWriter";
import { apiKeyCredential, entraCredential } from "../providers/upstream/credentials";
import { parseEndpoint } from "../providers/upstream/endpoint";
import { UpstreamClient } from "../providers/upstream/UpstreamClient";
import { queueFromEnv } from "../queue/queueFromEnv";

/** `PROMPT_PROVIDER` values: `azure-openai`, or `none` (the default: the pane writes prompts itself). */
export const PROMPT_PROVIDER_IDS = ["none", "azure-openai"] as const;

/** Chat calls per minute when `PROMPT_RPM` is unset (chat deployments allow far more than image ones; one run is one call). */
export const DEFAULT_PROMPT_RPM = 30;

/** Longest brief call, in ms, when `PROMPT_TIMEOUT_MS` is unset (40 items take a chat model some 10–30 s). */
export const DEFAULT_PROMPT_TIMEOUT_MS = 60_000;

/** A writer with its time limit, as the route needs it. */
export interface ConfiguredBriefWriter {
  writer: BriefWriter;
  /** Longest call, in ms, after the queue (`PROMPT_TIMEOUT_MS`). */
  timeoutMs: number;
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  const text = value?.trim();
  if (!text) return fallback;
  const number = Number(text);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${name} must be a positive integer, got "${text}"`);
  return number;
}

/**
 * The brief writer configured in `env`, or `undefined` when `PROMPT_PROVIDER` is unset or `none`:
 * - `PROMPT_PROVIDER=azure-openai`: an Azure OpenAI / Foundry chat deployment;
 * - `PROMPT_ENDPOINT`, `PROMPT_DEPLOYMENT` (required); `PROMPT_API_VERSION` (dated path, e.g. `2024-10-21`; unset → v1 path);
 * - `PROMPT_API_KEY` sent as `api-key`; unset → an Entra ID token from DefaultAzureCredential (managed identity), as
 *   the image provider does; never sent to the pane;
 * - `PROMPT_RESPONSE_FORMAT`: `json_schema` (default, structured outputs) or `json_object` (models without them);
 * - `PROMPT_RPM` (default 30) and `IMAGE_RPM_WINDOW_MS`: the chat deployment's own queue budget (fair per user, shared
 *   over `REDIS_URL` like the image queues), separate from the image models' budgets;
 * - `PROMPT_TIMEOUT_MS` (default 60000); `IMAGE_USER_HASH_SECRET` / `IMAGE_SEND_USER` as for images.
 * @throws Error naming the variable that is missing or malformed
 */
export function createBriefWriter(env: NodeJS.ProcessEnv = process.env): ConfiguredBriefWriter | undefined {
  const id = env.PROMPT_PROVIDER?.trim() || "none";
  if (id === "none") return undefined;
  if (id !== "azure-openai") throw new Error(`PROMPT_PROVIDER "${id}" is not known; use one of: ${PROMPT_PROVIDER_IDS.join(", ")}`);
  const endpoint = parseEndpoint("PROMPT_ENDPOINT", env.PROMPT_ENDPOINT);
  const deployment = env.PROMPT_DEPLOYMENT?.trim();
  if (!deployment) throw new Error("PROMPT_DEPLOYMENT is required for PROMPT_PROVIDER=azure-openai (the chat deployment name)");
  const format = env.PROMPT_RESPONSE_FORMAT?.trim() || "json_schema";
  if (format !== "json_schema" && format !== "json_object")
    throw new Error(`PROMPT_RESPONSE_FORMAT must be json_schema or json_object, got "${format}"`);
  const sendUser = env.IMAGE_SEND_USER?.trim() || "true";
  if (sendUser !== "true" && sendUser !== "false") throw new Error(`IMAGE_SEND_USER must be true or false, got "${sendUser}"`);
  const rpm = positiveInteger("PROMPT_RPM", env.PROMPT_RPM, DEFAULT_PROMPT_RPM);
  const timeoutMs = positiveInteger("PROMPT_TIMEOUT_MS", env.PROMPT_TIMEOUT_MS, DEFAULT_PROMPT_TIMEOUT_MS);
  // The image queue's reader with this deployment's own budget (IMAGE_RPM is the image models').
  const gate = queueFromEnv({ ...env, IMAGE_RPM: String(rpm) }, { keyPrefix: `prompts:${endpoint}:${deployment}` });
  const apiKey = env.PROMPT_API_KEY?.trim();
  const client = new UpstreamClient({ credential: apiKey ? apiKeyCredential(apiKey) : entraCredential(), gate, timeoutMs });
  const writer = new AzureChatBriefWriter({
    endpoint,
    deployment,
    apiVersion: env.PROMPT_API_VERSION?.trim() || undefined,
    responseFormat: format as ChatResponseFormat,
    client,
    userHashSecret: env.IMAGE_USER_HASH_SECRET?.trim() || undefined,
    sendUser: sendUser === "true",
  });
  return { writer, timeoutMs };
}
