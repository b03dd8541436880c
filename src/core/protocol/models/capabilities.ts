// Wire types of `GET /v1/models`: the models a gateway serves and what each accepts (size rule, n, edits…).
import type { ImageQuality, OutputFormat } from "../../types";

/**
 * The image model families Illustrate knows the rules of. Source: shared/docs/image-api.md, "Models and what
 * they accept" (gpt-image-1 was shut down on 2026-10-23, gpt-image-1.5 retires on 2026-12-16, gpt-image-1-mini
 * on 2027-04-07; MAI-Image-2.5-Flash/-Pro and 2.6-Flash share their family's limits). `local` is the
 * gateway's offline renderer, not an AI model.
 */
export const MODEL_FAMILIES = ["gpt-image-2", "gpt-image-1.5", "gpt-image-1-mini", "mai-image-2.5", "mai-image-2.6", "local"] as const;
export type ModelFamily = (typeof MODEL_FAMILIES)[number];

/** True if `value` is a known {@link ModelFamily} (for `IMAGE_MODEL_FAMILY` and values read off the wire). */
export function isModelFamily(value: unknown): value is ModelFamily {
  return typeof value === "string" && (MODEL_FAMILIES as readonly string[]).includes(value);
}

/** The image API's `size` value: width × height in pixels, e.g. `"2048x1152"`. */
export type ApiSize = `${number}x${number}`;

/** Only these exact sizes (gpt-image-1.5, gpt-image-1-mini: `1024x1024`, `1536x1024`, `1024x1536`). */
export interface FixedSizeRule {
  kind: "fixed";
  sizes: readonly ApiSize[];
}

/**
 * Any width × height whose sides are multiples of `multipleOfPx`, within a pixel count, a long edge and a
 * ratio (gpt-image-2: multiples of 16, long edge ≤ 3840 px, ratio ≤ 3:1, 655,360–8,294,400 px).
 */
export interface MultipleSizeRule {
  kind: "multiple";
  /** Both sides are multiples of this, in pixels. */
  multipleOfPx: number;
  /** Fewest pixels in all (width × height). */
  minPixels: number;
  /** Most pixels in all (width × height). */
  maxPixels: number;
  /** Longest allowed side, in pixels. */
  maxLongEdgePx: number;
  /** Largest long side ÷ short side (3 = 3:1). */
  maxRatio: number;
  /**
   * Pixel count Illustrate aims for when it picks a size (a choice of ours, not an API rule: enough for a
   * full slide, well under the slowest high-quality times). 2,359,296 = 2048 × 1152.
   */
  preferredPixels: number;
}

/**
 * Foundry MAI: `width` and `height` each ≥ `minSidePx`, width × height ≤ `maxPixels` (MAI-Image-2.5
 * family 1,048,576; 2.6 family 2,359,296). No stated step; Illustrate asks for multiples of 16 (as
 * Microsoft's examples 1360×768, 1168×880 are) but accepts any integer sides.
 */
export interface MaiSizeRule {
  kind: "mai";
  minSidePx: number;
  maxPixels: number;
}

/** How a model's `size` is constrained, as data (so the pane needs no per-model constants). */
export type SizeRule = FixedSizeRule | MultipleSizeRule | MaiSizeRule;

/**
 * What one model served by the gateway accepts. Spread into its `GET /v1/models` entry ({@link ModelEntry}).
 * Field names follow the gateway's own extensions (camelCase, like `backend` in image responses).
 */
export interface ModelCapabilities {
  family: ModelFamily;
  sizeRule: SizeRule;
  /**
   * Widest long:short ratio Illustrate delivers for this model, exactly or by a centre crop (≥ the ratio the
   * rule itself reaches). A Fit box beyond it is clamped to it, with a notice.
   */
  maxAspectRatio: number;
  /** Most images per request (`n`), as the gateway serves them (MAI: parallel single calls). */
  maxN: number;
  /** `stream: true` yields partial images (gpt-image); false: the pane shows progress instead. */
  streaming: boolean;
  /** `POST /v1/images/edits` works. */
  edits: boolean;
  /** Edits take a `mask` (PNG, transparent = area to change). */
  mask: boolean;
  /** `background: "transparent"` works (needs `output_format: "png"`). */
  transparentBackground: boolean;
  /** `quality` values worth offering, lowest first; empty when the model has no levels. */
  qualityLevels: readonly Exclude<ImageQuality, "auto">[];
  /** Output formats it can return. */
  outputFormats: readonly OutputFormat[];
  /** Edits accept `input_fidelity` (gpt-image-2 answers 400 to it: it is always high fidelity). */
  inputFidelity: boolean;
  /** Most input pictures one edit takes (`image[]`); 0 when it has no edits. */
  maxReferenceImages: number;
  /** MAI 2.6 `auto_aspect_ratio`: the model may choose the ratio itself. */
  autoAspectRatio: boolean;
  /** Upstream calls per minute this model's queue allows; `null` = no limit (the offline renderer). */
  requestsPerMinute: number | null;
  /** True for the offline renderer: not an AI model, the pane says so. */
  offline: boolean;
}

/** One entry of `GET /v1/models`: OpenAI's model object plus {@link ModelCapabilities}. */
export interface ModelEntry extends ModelCapabilities {
  /** What the request's `model` names, e.g. the deployment name `gpt-image-2` or `MAI-Image-2.6`. */
  id: string;
  object: "model";
  /** The provider id: `azure-openai`, `foundry-mai` or `local`. */
  owned_by: string;
}

/** Body of `GET /v1/models` (OpenAI's list shape). */
export interface ModelList {
  object: "list";
  data: ModelEntry[];
}
