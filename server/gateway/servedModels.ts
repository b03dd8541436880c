// The models one gateway serves (IMAGE_MODELS, or the single IMAGE_PROVIDER), each with its provider, queue and
// capabilities; `GET /v1/models` lists them and every image request picks one (its `model`, or Auto).
import {
  AUTO_MODEL,
  askedSizeFor,
  capabilitiesForFamily,
  chooseModel,
  detectFamily,
  isModelFamily,
  modelEntry,
  resolveFamily,
  validateSize,
  type FamilySource,
  type ModelEntry,
  type ModelJob,
  type ModelList,
} from "../../src/core/protocol/models";
import type { PixelSize } from "../../src/core/protocol/wire";
import type { ImageProvider } from "../providers/Provider";
import type { GatewayQueue } from "../queue/queueFromEnv";
import { createQueuedProvider } from "./createProvider";
import { badRequest } from "./errors";

/** One served model: its `GET /v1/models` entry, the provider that makes its pictures, and its queue. */
export interface ServedModel {
  entry: ModelEntry;
  provider: ImageProvider;
  /** Where the family came from: configured, detected from the name, or `assumed` (a provider given directly). */
  familySource: FamilySource | "assumed";
  queue?: GatewayQueue;
}

/** The gateway's models, in configuration order, and the photo model Auto prefers for photo styles. */
export interface ServedModels {
  models: readonly ServedModel[];
  /** `IMAGE_PHOTO_MODEL`: the id Auto sends photorealistic styles to. */
  photoModel?: string;
}

/** One entry of `IMAGE_MODELS` (JSON array). */
interface ModelSetting {
  id?: string;
  provider: string;
  endpoint?: string;
  deployment?: string;
  family?: string;
  rpm?: number;
  /** Name of the environment variable holding this model's API key (absent: `IMAGE_API_KEY`, else Entra ID). */
  apiKeyEnv?: string;
  apiVersion?: string;
}

function parseModelSettings(text: string): ModelSetting[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error("IMAGE_MODELS must be a JSON array of { id, provider, endpoint, deployment, family, rpm }");
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw new Error("IMAGE_MODELS must be a non-empty JSON array");
  return parsed.map((raw: unknown, index) => {
    const at = `IMAGE_MODELS[${index}]`;
    if (typeof raw !== "object" || raw === null) throw new Error(`${at} must be an object`);
    const item = raw as Record<string, unknown>;
    const known = ["id", "provider", "endpoint", "deployment", "family", "rpm", "apiKeyEnv", "apiVersion"];
    const unknown = Object.keys(item).find((key) => !known.includes(key));
    if (unknown) throw new Error(`${at} has an unknown field "${unknown}"; fields: ${known.join(", ")}`);
    for (const key of ["id", "provider", "endpoint", "deployment", "family", "apiKeyEnv", "apiVersion"]) {
      if (item[key] !== undefined && (typeof item[key] !== "string" || (item[key] as string).trim() === ""))
        throw new Error(`${at}.${key} must be a non-empty string`);
    }
    if (typeof item.provider !== "string") throw new Error(`${at}.provider is required (local, foundry-mai or azure-openai)`);
    if (item.rpm !== undefined && !(Number.isInteger(item.rpm) && (item.rpm as number) > 0)) throw new Error(`${at}.rpm must be a positive integer`);
    return item as unknown as ModelSetting;
  });
}

/** The environment one model's provider reads: the gateway's, with this model's endpoint, deployment, budget, key. */
function envFor(setting: ModelSetting, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const own: NodeJS.ProcessEnv = { ...env, IMAGE_PROVIDER: setting.provider };
  if (setting.endpoint) own.IMAGE_ENDPOINT = setting.endpoint;
  if (setting.deployment) own.IMAGE_DEPLOYMENT = setting.deployment;
  if (setting.rpm !== undefined) own.IMAGE_RPM = String(setting.rpm);
  if (setting.apiVersion) own.IMAGE_API_VERSION = setting.apiVersion;
  if (setting.apiKeyEnv) {
    const key = env[setting.apiKeyEnv]?.trim();
    if (!key) throw new Error(`${setting.apiKeyEnv} (apiKeyEnv of model ${setting.id ?? setting.deployment}) is not set`);
    own.IMAGE_API_KEY = key;
  }
  return own;
}

function serve(setting: ModelSetting, env: NodeJS.ProcessEnv, configuredFamily: string | undefined): ServedModel {
  const ownEnv = envFor(setting, env);
  const name = setting.provider === "local" ? "local" : (setting.deployment ?? ownEnv.IMAGE_DEPLOYMENT ?? "");
  const family =
    setting.provider === "local" ? ({ ok: true, family: "local", source: "configured" } as const) : resolveFamily(configuredFamily, name);
  if (!family.ok) throw new Error(family.message);
  const { provider, queue, rpm } = createQueuedProvider(setting.provider, ownEnv, family.family);
  const id = setting.id ?? (setting.provider === "local" ? provider.info.model : name);
  return { entry: modelEntry(id, setting.provider, capabilitiesForFamily(family.family, { rpm })), provider, queue, familySource: family.source };
}

/**
 * The models configured in `env`:
 * - `IMAGE_MODELS`: a JSON array, each `{ id?, provider, endpoint?, deployment?, family?, rpm?, apiKeyEnv?,
 *   apiVersion? }` (id defaults to the deployment name; family to the one detected from it; rpm is that model's
 *   own queue budget, default `IMAGE_RPM` or 6 a minute for remote ones);
 * - else one model from `IMAGE_PROVIDER`, `IMAGE_DEPLOYMENT` and `IMAGE_MODEL_FAMILY` (else detected from the
 *   deployment name).
 * `IMAGE_PHOTO_MODEL` names the model Auto sends photorealistic styles to (default: the first).
 * @throws Error naming the variable at fault: malformed JSON, duplicate ids, a family that is neither set nor
 *   detectable (the gateway will not guess a size rule), or any provider setting
 */
export function createServedModels(env: NodeJS.ProcessEnv = process.env): ServedModels {
  const list = env.IMAGE_MODELS?.trim();
  const models = list
    ? parseModelSettings(list).map((setting) => serve(setting, env, setting.family))
    : [serve({ provider: env.IMAGE_PROVIDER?.trim() || "local" }, env, env.IMAGE_MODEL_FAMILY)];
  const ids = new Set<string>();
  for (const { entry } of models) {
    if (entry.id.toLowerCase() === AUTO_MODEL) throw new Error(`IMAGE_MODELS: "${AUTO_MODEL}" is reserved for Auto; name the model otherwise`);
    if (ids.has(entry.id.toLowerCase())) throw new Error(`IMAGE_MODELS: two models are named "${entry.id}"; give each an id`);
    ids.add(entry.id.toLowerCase());
  }
  const photoModel = env.IMAGE_PHOTO_MODEL?.trim() || undefined;
  if (photoModel !== undefined && !models.some((m) => m.entry.id === photoModel)) {
    throw new Error(`IMAGE_PHOTO_MODEL "${photoModel}" is not one of the models: ${models.map((m) => m.entry.id).join(", ")}`);
  }
  return { models, photoModel: photoModel ?? models[0]?.entry.id };
}

/**
 * One served model around a provider given directly (tests, embedders): the family detected from its model
 * name, else `local` for the offline renderer and gpt-image-1.5's three sizes otherwise (what every gateway
 * accepted before `GET /v1/models`).
 */
export function servedFromProvider(provider: ImageProvider): ServedModels {
  const detected = detectFamily(provider.info.model);
  const family = detected && isModelFamily(detected) ? detected : provider.info.offline ? "local" : "gpt-image-1.5";
  const entry = modelEntry(provider.info.model, provider.info.provider, capabilitiesForFamily(family, { rpm: null }));
  return { models: [{ entry, provider, familySource: detected ? "detected" : "assumed" }], photoModel: entry.id };
}

/** Body of `GET /v1/models`. */
export function modelList(served: ServedModels): ModelList {
  return { object: "list", data: served.models.map((m) => m.entry) };
}

/**
 * The model for one request (`chooseModel` with each queue's waiting count).
 * @throws GatewayError 400 `unknown_model` (listing the valid ids), `model_cannot` or `no_capable_model`
 */
export function pickModel(served: ServedModels, job: Omit<ModelJob, "photoModel" | "queues">): ServedModel {
  const queues = Object.fromEntries(served.models.map((m) => [m.entry.id, { waiting: m.queue?.size ?? 0 }]));
  const choice = chooseModel(
    served.models.map((m) => m.entry),
    { ...job, queues, ...(served.photoModel ? { photoModel: served.photoModel } : {}) },
  );
  if (!choice.ok) throw badRequest(choice.code, choice.message, "model");
  return served.models.find((m) => m.entry === choice.model) as ServedModel;
}

/** The size, pixels and crop one request asks of its model. */
export interface RequestShape {
  apiSize: string;
  size: PixelSize;
  /** Width ÷ height to centre-crop the finished picture to; absent: no crop. */
  cropToRatio?: number;
}

/**
 * The shape of a request on `entry`: with a `size`, that size checked against the model's rule and the asked
 * `crop_to_ratio`; without one but with `crop_to_ratio`, the model's own size for that ratio
 * (`askedSizeFor`: exact where the rule allows, else the nearest allowed size plus a centre crop; beyond the
 * model's widest ratio, clamped to it) — so a pane on Auto need not know which model answers; with neither,
 * `defaultSize`.
 * @throws GatewayError 400 `invalid_size` stating the model's rule; 400 `invalid_crop_to_ratio` beyond the
 *   model's `maxAspectRatio` when a size is given
 */
export function shapeFor(entry: ModelEntry, apiSize: string | undefined, cropToRatio: number | undefined, defaultSize: string): RequestShape {
  if (apiSize === undefined && cropToRatio !== undefined) {
    const asked = askedSizeFor(entry, { fit: { widthPt: cropToRatio, heightPt: 1 } });
    return {
      apiSize: asked.apiSize,
      size: { widthPx: asked.widthPx, heightPx: asked.heightPx },
      ...(asked.crop ? { cropToRatio: asked.ratio } : {}),
    };
  }
  const sent = apiSize ?? defaultSize;
  return { apiSize: sent, size: checkShape(entry, sent, cropToRatio), ...(cropToRatio === undefined ? {} : { cropToRatio }) };
}

/**
 * The request's `size` and `crop_to_ratio` checked against `entry` (never forward a size its rule refuses).
 * @throws GatewayError 400 `invalid_size` stating the model's rule; 400 `invalid_crop_to_ratio` beyond the
 *   model's `maxAspectRatio`
 */
export function checkShape(entry: ModelEntry, apiSize: string, cropToRatio: number | undefined): PixelSize {
  const check = validateSize(entry, apiSize);
  if (!check.ok) throw badRequest(check.code, check.message, "size");
  if (cropToRatio !== undefined) {
    const max = entry.maxAspectRatio;
    if (cropToRatio > max || cropToRatio < 1 / max) {
      throw badRequest("invalid_crop_to_ratio", `crop_to_ratio must be between 1:${max} and ${max}:1 for ${entry.id}`, "crop_to_ratio");
    }
  }
  return check.size;
}
