// Style presets the person picks in the pane, and the prompt text each one adds. Data and pure functions only.
import { MAX_PROMPT_CHARS } from "./protocol/limits";

/** Style preset ids, in the order the pane lists them. */
export const STYLE_PRESETS = ["none", "photo", "illustration", "watercolor", "lineArt", "render3d"] as const;
export type StylePreset = (typeof STYLE_PRESETS)[number];

/**
 * Text appended to the prompt for each preset (English: image models are prompted in English whatever the
 * pane's language). `none` adds nothing.
 */
export const STYLE_SUFFIX: Record<StylePreset, string> = {
  none: "",
  photo: "photograph, natural light, realistic detail",
  illustration: "digital illustration, clean shapes, flat colours",
  watercolor: "watercolor painting, soft washes, paper texture",
  lineArt: "black and white line art, ink drawing, no shading",
  render3d: "3D render, soft studio lighting, smooth materials",
};

/** True if `value` is a known preset id (for values read back from storage). */
export function isStylePreset(value: unknown): value is StylePreset {
  return typeof value === "string" && (STYLE_PRESETS as readonly string[]).includes(value);
}

/**
 * The prompt sent to the image API: the person's prompt plus the preset's suffix, joined with ", ".
 * The person's text is trimmed (and cut so the whole stays within `maxChars`); an empty prompt stays empty
 * (the caller refuses to generate).
 */
export function styledPrompt(prompt: string, preset: StylePreset, maxChars = MAX_PROMPT_CHARS): string {
  const base = prompt.trim();
  const suffix = STYLE_SUFFIX[preset];
  if (!base || !suffix) return base.slice(0, maxChars);
  const joiner = ", ";
  const room = Math.max(0, maxChars - suffix.length - joiner.length);
  return `${base.slice(0, room).replace(/[\s.,;:]+$/, "")}${joiner}${suffix}`;
}
