// What the pane sends for the chosen model and shape (size, crop_to_ratio, model) and which options it can offer.
import {
  AUTO_MODEL,
  ASPECT_RATIO_IDS,
  askedSizeFor,
  FALLBACK_MODEL_ID,
  targetRatio,
  type ModelEntry,
  type ModelList,
  type SizeNotice,
  type SizeTarget,
} from "../core/protocol/models";
import { nearestAspect } from "../core/sizes";
import type { AspectRatio, PointSize } from "../core/types";
import type { FitBox } from "../core/placement";

/** The shapes the pane lists: Fit (the box the picture will fill, when the pane knows one), then the named ratios. */
export const SHAPE_IDS = ["fit", ...ASPECT_RATIO_IDS] as const;
export type { ShapeId } from "./modelDefaults";

import { QUALITY_IDS, type ModelOptions, type QualityId, type ShapeId } from "./modelDefaults";
export { DEFAULT_QUALITY, DEFAULT_SHAPE, QUALITY_IDS, type QualityId } from "./modelDefaults";

/** True if `value` is a {@link ShapeId} (for values read back from storage). */
export function isShapeId(value: unknown): value is ShapeId {
  return typeof value === "string" && (SHAPE_IDS as readonly string[]).includes(value);
}

/**
 * The shape a run uses: the chosen one, except Fit without a box (the host cannot tell where the picture goes)
 * → 1:1, as before.
 */
export function effectiveShape(shape: ShapeId, fitBox: PointSize | undefined): ShapeId {
  return shape === "fit" && !fitBox ? "1:1" : shape;
}

/** `4` → `4:1`, `0.0025` → `1:400`, `1.7778` → `1.78:1`: a ratio for people (≤ 2 decimals). */
export function formatRatio(ratio: number): string {
  const n = (x: number) => String(Math.round(x * 100) / 100);
  return ratio >= 1 ? `${n(ratio)}:1` : `1:${n(1 / ratio)}`;
}

/** The pane's three legacy aspect values nearest a shape (kept with the pictures in the library and history). */
export function aspectOfShape(shape: ShapeId, fitBox: PointSize | undefined): AspectRatio {
  const target = sizeTarget(effectiveShape(shape, fitBox), fitBox);
  const ratio = targetRatio(target);
  return nearestAspect(ratio * 1000, 1000);
}

/** The request fields that carry the shape. */
export interface ShapeFields {
  /** Absent on Auto with several models: the gateway picks the chosen model's size for `crop_to_ratio`. */
  size?: string;
  /** Width ÷ height the gateway centre-crops to (only to a gateway that lists its models). */
  crop_to_ratio?: number;
  /** The box was wider than the model can deliver: the picture is the clamped ratio (say so). */
  notice?: SizeNotice;
}

/** True when `list` is the fallback of a gateway without `GET /v1/models` (it knows neither `model` nor `crop_to_ratio`). */
export function isFallbackList(list: ModelList): boolean {
  return list.data.length === 1 && list.data[0]?.id === FALLBACK_MODEL_ID;
}

/** The model picker is shown only when the gateway serves more than one model. */
export function showsModelPicker(list: ModelList): boolean {
  return list.data.length > 1;
}

/** The served model `modelId` names, or `undefined` for Auto (several models) — the only model otherwise. */
export function modelFor(list: ModelList, modelId: string): ModelEntry | undefined {
  if (list.data.length === 1) return list.data[0];
  return modelId === AUTO_MODEL ? undefined : list.data.find((m) => m.id === modelId);
}

/**
 * What to ask for: Fit with a box (`fitBox`, points: the selected picture on Replace) → that box; Fit without
 * one → 1:1; else the named ratio.
 */
export function sizeTarget(shape: ShapeId, fitBox: PointSize | undefined): SizeTarget {
  if (shape === "fit") return fitBox ? { fit: fitBox, source: "picture" } : { aspect: "1:1" };
  return { aspect: shape };
}

/**
 * The shape fields for `shape` on the model `modelId` picks from `list`:
 * - one model or a named one: `askedSizeFor` — its exact size, or the nearest allowed one plus `crop_to_ratio`;
 * - Auto among several: only `crop_to_ratio` (the gateway asks the chosen model's own size for it);
 * - the fallback list (an older gateway): the nearest of its three sizes and no `crop_to_ratio` (it would refuse
 *   the field), so the picture is the nearest shape, as before.
 * @throws RangeError for a Fit box without a positive width and height (see `targetRatio`)
 */
export function shapeFields(list: ModelList, modelId: string, shape: ShapeId, fitBox?: PointSize): ShapeFields {
  const target = sizeTarget(shape, fitBox);
  const model = modelFor(list, modelId);
  if (!model) return { crop_to_ratio: targetRatio(target) };
  const asked = askedSizeFor(model, target);
  if (isFallbackList(list)) return { size: asked.apiSize };
  return { size: asked.apiSize, ...(asked.crop ? { crop_to_ratio: asked.ratio } : {}), ...(asked.notice ? { notice: asked.notice } : {}) };
}

/**
 * Why the picture will not have the box's shape, to tell the person before they generate: the Fit box is wider
 * (or taller) than the model can deliver, so it is clamped to the model's `maxAspectRatio` (a 1 × 400 pt sliver
 * on gpt-image-2 → 1:3). On Auto, against the narrowest limit of the served models (the gateway may pick any).
 * `undefined` when the shape is delivered exactly (or the Fit box is not a real box).
 */
export function shapeNotice(list: ModelList, modelId: string, shape: ShapeId, fitBox?: PointSize): SizeNotice | undefined {
  let target: SizeTarget;
  try {
    target = sizeTarget(shape, fitBox);
    targetRatio(target);
  } catch {
    return undefined;
  }
  const model = modelFor(list, modelId);
  const limits = model ? [model] : list.data;
  const narrowest = limits.reduce((a, b) => (b.maxAspectRatio < a.maxAspectRatio ? b : a));
  return askedSizeFor(narrowest, target).notice;
}

/** The `model` field: the picked id when the gateway serves several (Auto: `auto`), else none. */
export function modelField(list: ModelList, modelId: string): { model?: string } {
  return showsModelPicker(list) ? { model: list.data.some((m) => m.id === modelId) ? modelId : AUTO_MODEL } : {};
}

/**
 * Whether the transparent-background option applies, and why not: the picked model cannot (`model`), or on
 * Auto no served model can (`none`). On Auto with a capable model, the gateway sends the job there.
 */
export function transparentAvailability(list: ModelList, modelId: string): { available: true } | { available: false; reason: "model" | "none" } {
  const model = modelFor(list, modelId);
  if (model)
    return model.transparentBackground
      ? { available: true }
      : { available: false, reason: model === list.data[0] && list.data.length === 1 ? "none" : "model" };
  return list.data.some((m) => m.transparentBackground) ? { available: true } : { available: false, reason: "none" };
}

/** Quality levels to offer: the picked model's (on Auto, those every served model has); empty: no choice shown. */
export function qualityLevels(list: ModelList, modelId: string): readonly QualityId[] {
  const model = modelFor(list, modelId);
  if (model) return model.qualityLevels;
  return QUALITY_IDS.filter((q) => list.data.every((m) => m.qualityLevels.includes(q)));
}

/**
 * The model-driven fields of a request: `model`, the shape (Fit to `fitBox` — the selected picture on Replace,
 * else where the picture will go — or the chosen ratio, by `askedSizeFor`), `quality` where the model has levels,
 * transparency. The clamp notice is shown by the shape field before Generate, not sent.
 */
export function modelRequestFields(models: ModelList, chosen: ModelOptions | undefined, fitBox: FitBox | undefined) {
  const model = chosen?.model ?? AUTO_MODEL;
  const { notice: _notice, ...shape } = shapeFields(models, model, effectiveShape(chosen?.shape ?? "fit", fitBox?.sizePt), fitBox?.sizePt);
  const quality = chosen && qualityLevels(models, model).includes(chosen.quality) ? { quality: chosen.quality } : {};
  const transparent = chosen?.transparent && transparentAvailability(models, model).available ? { background: "transparent" as const } : {};
  return { ...modelField(models, model), ...shape, ...quality, ...transparent };
}
