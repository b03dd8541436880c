// Style presets (shared by the pane and the gateway's local renderer and Auto model choice): ids, groups, the prompt text each adds. Data and pure functions only.
import { MAX_PROMPT_CHARS } from "./limits";

/** Groups of presets, in the order the pane lists them. */
export const STYLE_GROUPS = ["photo", "illustration", "art", "render3d"] as const;
export type StyleGroup = (typeof STYLE_GROUPS)[number];

/**
 * Style preset ids, in the order the pane lists them (grouped by {@link STYLE_GROUP}). Ids are stored (options,
 * history, deck runs), so an id is never renamed or removed: `photo`, `illustration`, `watercolor`, `lineArt` and
 * `render3d` are the first six presets' ids and keep their meaning ("illustration" is the flat illustration).
 */
export const STYLE_PRESETS = [
  "none",
  "photo",
  "cinematicPhoto",
  "productShot",
  "illustration",
  "vectorIcon",
  "minimalCorporate",
  "isometric",
  "watercolor",
  "oilPainting",
  "pencilSketch",
  "lineArt",
  "render3d",
  "clayRender",
] as const;
export type StylePreset = (typeof STYLE_PRESETS)[number];

/** The group each preset is listed under; `none` (no style) stands alone before the groups. */
export const STYLE_GROUP: Record<Exclude<StylePreset, "none">, StyleGroup> = {
  photo: "photo",
  cinematicPhoto: "photo",
  productShot: "photo",
  illustration: "illustration",
  vectorIcon: "illustration",
  minimalCorporate: "illustration",
  isometric: "illustration",
  watercolor: "art",
  oilPainting: "art",
  pencilSketch: "art",
  lineArt: "art",
  render3d: "render3d",
  clayRender: "render3d",
};

/**
 * Text appended to the prompt for each preset (English: image models are prompted in English whatever the
 * pane's language). `none` adds nothing. The local renderer recognises these phrases ({@link presetInPrompt}),
 * so each must be distinct and none may contain another.
 */
export const STYLE_SUFFIX: Record<StylePreset, string> = {
  none: "",
  photo: "photograph, natural light, realistic detail",
  cinematicPhoto: "cinematic film still, anamorphic lens, dramatic teal and orange colour grading, shallow depth of field",
  productShot: "professional product photograph, clean seamless backdrop, soft studio lighting, crisp focus",
  illustration: "digital illustration, clean shapes, flat colours",
  vectorIcon: "flat vector icon, bold simple shapes, thick outlines, limited colour palette",
  minimalCorporate: "minimal corporate illustration, muted blue and grey palette, generous white space",
  isometric: "isometric illustration, 30-degree isometric projection, pastel colours, clean geometric forms",
  watercolor: "watercolor painting, soft washes, paper texture",
  oilPainting: "oil painting on canvas, visible brushstrokes, rich impasto colour",
  pencilSketch: "graphite pencil sketch, hand-drawn hatching, on white paper",
  lineArt: "black and white line art, ink drawing, no shading",
  render3d: "3D render, soft studio lighting, smooth materials",
  clayRender: "3D clay render, matte plasticine materials, soft ambient occlusion",
};

/** Presets that ask for a photograph (Auto sends them to the photo model; see protocol/models/chooseModel.ts). */
export const PHOTOGRAPHIC_PRESETS = ["photo", "cinematicPhoto", "productShot"] as const satisfies readonly StylePreset[];

/** True if `value` is a known preset id (for values read back from storage). */
export function isStylePreset(value: unknown): value is StylePreset {
  return typeof value === "string" && (STYLE_PRESETS as readonly string[]).includes(value);
}

/** The presets of `group`, in list order. */
export function presetsInGroup(group: StyleGroup): StylePreset[] {
  return STYLE_PRESETS.filter((preset) => preset !== "none" && STYLE_GROUP[preset] === group);
}

/**
 * The preset whose suffix `prompt` carries (anywhere, case-insensitive: a deck brief puts it mid-sentence as
 * "Style: …;"), or `"none"`. Used by the local renderer to draw the look the pane asked for.
 */
export function presetInPrompt(prompt: string): StylePreset {
  const text = prompt.toLowerCase();
  return STYLE_PRESETS.find((preset) => preset !== "none" && text.includes(STYLE_SUFFIX[preset].toLowerCase())) ?? "none";
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
