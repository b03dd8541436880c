// The model options the pane starts with (Fit, medium quality): first paint needs these, not the model rules (./modelRequest).
import type { AspectRatioId } from "../core/protocol/models";

/** Fit (the box the picture will fill) or a named ratio. */
export type ShapeId = AspectRatioId | "fit";

/** What the person chose in the model options (`components/ModelOptionsFields`). */
export interface ModelOptions {
  /** A model id from the list, or `auto`. */
  model: string;
  /** Fit (the box the picture will fill) or a named ratio. */
  shape: ShapeId;
  quality: QualityId;
  transparent: boolean;
}

/** The shape before the person picks one: Fit (it applies whenever the pane knows the box). */
export const DEFAULT_SHAPE: ShapeId = "fit";

/** Quality levels the pane offers, and its default (the trade: time and cost against detail). */
export const QUALITY_IDS = ["low", "medium", "high"] as const;
export type QualityId = (typeof QUALITY_IDS)[number];
export const DEFAULT_QUALITY: QualityId = "medium";
