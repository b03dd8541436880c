// The generation options' values, defaults and validation (for values read back from storage).
import { API_SIZE } from "../core/sizes";
import { isStylePreset } from "../core/protocol/styles";
import type { AspectRatio } from "../core/types";
import type { GenerationOptions } from "./TaskPane.types";

/** Aspect ratios in the order the pane lists them. */
export const ASPECT_RATIOS = Object.keys(API_SIZE) as AspectRatio[];

/** Number of pictures one Generate may ask for (the gateway's `n` limit). */
export const PICTURE_COUNTS = [1, 2, 3, 4] as const;

/** localStorage key of the generation options. */
export const OPTIONS_STORAGE_KEY = "illustrate.options.v1";

/** Options before the person picks any. */
export const DEFAULT_OPTIONS: GenerationOptions = { style: "none", aspect: "square", count: 1 };

/** True if `value` is a complete, valid options object. */
export function isGenerationOptions(value: unknown): value is GenerationOptions {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<GenerationOptions>;
  return (
    isStylePreset(v.style) &&
    ASPECT_RATIOS.includes(v.aspect as AspectRatio) &&
    (PICTURE_COUNTS as readonly number[]).includes(v.count as number)
  );
}
