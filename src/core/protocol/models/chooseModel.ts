// Which configured model serves a request: the one it names, or for Auto the one that can do the job soonest.
import { PHOTOGRAPHIC_PRESETS } from "../styles";
import type { ModelEntry } from "./capabilities";

/**
 * Style presets that ask for a photograph (photo, cinematic photo, product shot): Auto sends them to the
 * configured photo model. The list lives with the presets in src/core/protocol/styles.ts (one home).
 */
export const PHOTOREALISTIC_STYLES = PHOTOGRAPHIC_PRESETS;

/** True when `style` is one of {@link PHOTOREALISTIC_STYLES}. */
export function isPhotorealisticStyle(style: string | undefined): boolean {
  return style !== undefined && (PHOTOREALISTIC_STYLES as readonly string[]).includes(style);
}

/** The `model` value (and the pane's default) that lets the gateway choose. */
export const AUTO_MODEL = "auto";

/** How busy one model's queue is; either field may be given, `expectedWaitMs` wins. */
export interface QueueLoad {
  /** Requests waiting before a new one would start. */
  waiting?: number;
  /** Estimated wait until a new request would start, in milliseconds. */
  expectedWaitMs?: number;
}

/** What {@link chooseModel} needs to know of a request. */
export interface ModelJob {
  /** The request's `model`: a model id, or absent / `"auto"` for Auto. */
  model?: string;
  /** `background` of the request; `transparent` needs a model with `transparentBackground`. */
  background?: "transparent" | "opaque" | "auto";
  /** Present for `POST /v1/images/edits`: whether a mask comes with it, how many input pictures. */
  edit?: { mask: boolean; images?: number };
  /** Style preset id (src/core/protocol/styles.ts). */
  style?: string;
  /** The configured default photo model's id (used by Auto for {@link PHOTOREALISTIC_STYLES}). */
  photoModel?: string;
  /** Queue load per model id, now. A model absent here counts as idle. */
  queues?: Readonly<Record<string, QueueLoad>>;
}

/** What the job needs of a model, in words for messages. */
type Need = "transparent background" | "edits" | "a mask" | "several input pictures";

/** Why Auto (or the request) picked the model. */
export type ChoiceReason = "requested" | "photo-style" | "shortest-queue";

export type ModelChoice =
  | {
      ok: true;
      model: ModelEntry;
      reason: ChoiceReason;
      /** What narrowed the choice before the reason applied (e.g. `["transparent background"]`). */
      needs: Need[];
    }
  | {
      ok: false;
      /**
       * `unknown_model`: `model` names no served model (the gateway's 400, listing the valid ids);
       * `model_cannot`: the named model lacks what the job needs; `no_capable_model`: Auto found none that can.
       */
      code: "unknown_model" | "model_cannot" | "no_capable_model";
      message: string;
      /** The ids `model` may name (plus `auto`). */
      validModels: string[];
    };

function needsOf(job: ModelJob): Need[] {
  const needs: Need[] = [];
  if (job.background === "transparent") needs.push("transparent background");
  if (job.edit) needs.push("edits");
  if (job.edit?.mask) needs.push("a mask");
  if ((job.edit?.images ?? 1) > 1) needs.push("several input pictures");
  return needs;
}

function canDo(model: ModelEntry, need: Need, job: ModelJob): boolean {
  switch (need) {
    case "transparent background":
      return model.transparentBackground;
    case "edits":
      return model.edits;
    case "a mask":
      return model.mask;
    case "several input pictures":
      return model.maxReferenceImages >= (job.edit?.images ?? 1);
  }
}

/** Expected wait of a model's queue in ms: the reported wait, else waiting requests × the RPM's interval. */
function expectedWaitMs(model: ModelEntry, load: QueueLoad | undefined): number {
  if (load?.expectedWaitMs !== undefined) return load.expectedWaitMs;
  const waiting = load?.waiting ?? 0;
  return model.requestsPerMinute ? (waiting * 60_000) / model.requestsPerMinute : 0;
}

/**
 * Picks the model for a request from the gateway's served `models` (in configuration order).
 * - `job.model` names one (exact id, else case-insensitively): that one, if it can do the job.
 * - Auto (`model` absent or `"auto"`): among the models that can do the job (transparent background, edit,
 *   mask, input pictures) — preferring real models over the offline renderer — the configured `photoModel`
 *   for a photorealistic style, else the shortest expected queue wait (ties: the first configured).
 * Never throws: a refusal is `{ ok: false, code, message, validModels }` for the gateway's 400.
 */
export function chooseModel(models: readonly ModelEntry[], job: ModelJob): ModelChoice {
  const validModels = [...models.map((m) => m.id), AUTO_MODEL];
  const valid = validModels.join(", ");
  const needs = needsOf(job);
  const fail = (code: "unknown_model" | "model_cannot" | "no_capable_model", message: string): ModelChoice => ({
    ok: false,
    code,
    message,
    validModels,
  });

  const requested = job.model?.trim();
  if (requested && requested.toLowerCase() !== AUTO_MODEL) {
    const model = models.find((m) => m.id === requested) ?? models.find((m) => m.id.toLowerCase() === requested.toLowerCase());
    if (!model) return fail("unknown_model", `model ${JSON.stringify(requested.slice(0, 100))} is not served here; use one of: ${valid}`);
    const missing = needs.filter((need) => !canDo(model, need, job));
    if (missing.length > 0) {
      const able = models.filter((m) => needs.every((need) => canDo(m, need, job))).map((m) => m.id);
      return fail(
        "model_cannot",
        `${model.id} cannot do ${missing.join(" or ")}; ` + (able.length ? `models that can: ${able.join(", ")}, auto` : "no model served here can"),
      );
    }
    return { ok: true, model, reason: "requested", needs };
  }

  const capable = models.filter((m) => needs.every((need) => canDo(m, need, job)));
  if (capable.length === 0) {
    return fail("no_capable_model", needs.length ? `No model served here can do ${needs.join(" and ")}` : "No model is served here");
  }
  const online = capable.filter((m) => !m.offline);
  const pool = online.length > 0 ? online : capable;

  if (isPhotorealisticStyle(job.style) && job.photoModel !== undefined) {
    const photo = pool.find((m) => m.id === job.photoModel);
    if (photo) return { ok: true, model: photo, reason: "photo-style", needs };
  }
  let best = pool[0] as ModelEntry;
  let bestWait = expectedWaitMs(best, job.queues?.[best.id]);
  for (const model of pool.slice(1)) {
    const wait = expectedWaitMs(model, job.queues?.[model.id]);
    if (wait < bestWait) {
      best = model;
      bestWait = wait;
    }
  }
  return { ok: true, model: best, reason: "shortest-queue", needs };
}
