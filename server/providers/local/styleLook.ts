// How the local renderer draws each style preset: a colour map over the scene's SVG and a raster finish; data + pure colour maps.
import { presetInPrompt, STYLE_SUFFIX, type StylePreset } from "../../../src/core/protocol/styles";
import { desaturate, lightness, mix, type Hex } from "./color";

/**
 * Raster finishes ({@link finishRaster} in finish.ts): `ink` black outlines on white (line art), `pencil` grey
 * outlines over light graphite tone, `wash` blurred edges (watercolor), `paint` blotchy strokes (oil),
 * `soft` a slight blur (smooth 3D materials, studio light), `poster` flat areas of a few colours (flat
 * illustration), `outline` flat colours with dark outlines (vector icon).
 */
export type Finish = "ink" | "pencil" | "wash" | "paint" | "soft" | "poster" | "outline";

/** One preset's look in the offline renderer. */
export interface StyleLook {
  /** Maps every colour of the scene's SVG (sky, land, subjects…); identity when absent. */
  colour?: (colour: Hex) => Hex;
  finish?: Finish;
  /** Appended to `revised_prompt` ("…, drawn as line art"), so the person sees the style was honoured. */
  drawnAs?: string;
}

function channels(colour: Hex): [number, number, number] {
  const value = parseInt(colour.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The entry of `palette` nearest to `colour` (squared RGB distance, weighted for the eye: 2, 4, 3). */
export function nearest(colour: Hex, palette: readonly Hex[]): Hex {
  const [r, g, b] = channels(colour);
  let best = palette[0]!;
  let bestDistance = Infinity;
  for (const candidate of palette) {
    const [cr, cg, cb] = channels(candidate);
    const distance = 2 * (r - cr) ** 2 + 4 * (g - cg) ** 2 + 3 * (b - cb) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Moves `colour` away from its grey by `amount` (0 = unchanged, 0.5 = half again as saturated). */
export function saturate(colour: Hex, amount: number): Hex {
  const grey = desaturate(colour, 1);
  const [r, g, b] = channels(colour);
  const [gr] = channels(grey);
  const push = (c: number) => Math.max(0, Math.min(255, Math.round(c + (c - gr) * amount)));
  return `#${((1 << 24) | (push(r) << 16) | (push(g) << 8) | push(b)).toString(16).slice(1)}`;
}

/** Bright, flat poster colours (flat illustration). */
const FLAT: readonly Hex[] = [
  "#1d3557",
  "#264f8c",
  "#3d7dd8",
  "#8ec5f0",
  "#dcefff",
  "#ffffff",
  "#f4e3c1",
  "#f2b134",
  "#ee6c3b",
  "#c8423a",
  "#7b2d3b",
  "#2a9d6f",
  "#7cc45b",
  "#3f6b35",
  "#8a6240",
  "#2b2b2b",
];
/** Few bold colours (vector icon). */
const ICON: readonly Hex[] = ["#ffffff", "#ffd23f", "#ff6b35", "#3a86ff", "#2ec4b6", "#1b1b3a"];
/** Navy, blues and greys on white (minimal corporate). */
const CORPORATE: readonly Hex[] = ["#ffffff", "#eef2f7", "#c9d3df", "#8d9cb0", "#4f6a8c", "#0f6cbd", "#1f3552"];
/** Soft pastels (isometric). */
const PASTEL: readonly Hex[] = ["#fdfcf7", "#f7d6e0", "#f2b5d4", "#b8e0d2", "#95b8d1", "#eac4d5", "#d6eadf", "#809bce", "#f9e79f", "#5c6f91"];

const PAPER: Hex = "#fbf6ec";

/** Shadows toward teal, highlights toward orange, a little darker and less saturated: the film-grade look. */
function filmGrade(colour: Hex): Hex {
  const l = lightness(colour);
  const toned = l < 0.5 ? mix(colour, "#0f4c5c", (0.5 - l) * 0.9) : mix(colour, "#f29d52", (l - 0.5) * 0.6);
  return mix(desaturate(toned, 0.15), "#000000", 0.08);
}

/** A matte clay ramp (deep terracotta → cream) at the colour's lightness, keeping a hint of its hue. */
function clay(colour: Hex): Hex {
  const l = lightness(colour);
  return mix(mix("#7a3e2b", "#f3e3cf", l), colour, 0.2);
}

/**
 * The look of every preset. `photo` and `none` are the renderer's own look. Typed by {@link StylePreset}, so a
 * preset added to src/core/protocol/styles.ts without a look here fails the build.
 */
export const STYLE_LOOKS: Record<StylePreset, StyleLook> = {
  none: {},
  photo: {},
  cinematicPhoto: { colour: filmGrade, drawnAs: "graded like a film still" },
  productShot: { colour: (c) => desaturate(mix(c, "#ffffff", 0.3), 0.15), finish: "soft", drawnAs: "in bright studio light" },
  illustration: { colour: (c) => nearest(c, FLAT), finish: "poster", drawnAs: "in flat colours" },
  vectorIcon: { colour: (c) => nearest(c, ICON), finish: "outline", drawnAs: "as a bold outlined icon" },
  minimalCorporate: { colour: (c) => nearest(desaturate(c, 0.5), CORPORATE), finish: "poster", drawnAs: "in corporate blues and greys" },
  isometric: { colour: (c) => nearest(mix(c, "#ffffff", 0.35), PASTEL), finish: "poster", drawnAs: "in pastel colours" },
  watercolor: { colour: (c) => desaturate(mix(c, PAPER, 0.4), 0.15), finish: "wash", drawnAs: "as a watercolor" },
  oilPainting: { colour: (c) => saturate(c, 0.5), finish: "paint", drawnAs: "as an oil painting" },
  pencilSketch: { finish: "pencil", drawnAs: "as a pencil sketch" },
  lineArt: { finish: "ink", drawnAs: "as line art" },
  render3d: { colour: (c) => saturate(c, 0.15), finish: "soft", drawnAs: "with smooth 3D shading" },
  clayRender: { colour: clay, finish: "soft", drawnAs: "in matte clay" },
};

/** `svg` with every `#rrggbb` colour passed through `look.colour` (the scene writes only six-digit hex colours). */
export function recolourSvg(svg: string, look: StyleLook): string {
  const map = look.colour;
  if (!map) return svg;
  const cache = new Map<string, Hex>();
  return svg.replace(/#[0-9a-fA-F]{6}\b/g, (hex) => {
    const key = hex.toLowerCase();
    let mapped = cache.get(key);
    if (mapped === undefined) cache.set(key, (mapped = map(key as Hex)));
    return mapped;
  });
}

/** What a prompt asks of the renderer: its style preset and look, and the words that say what to draw. */
export interface PromptStyle {
  preset: StylePreset;
  look: StyleLook;
  /** The prompt without the preset's suffix, so style words ("orange grading") do not change the scene. */
  content: string;
}

/** Reads the style suffix (from src/core/protocol/styles.ts: the pane's and the deck's) out of `prompt`. */
export function readStyle(prompt: string): PromptStyle {
  const preset = presetInPrompt(prompt);
  const suffix = STYLE_SUFFIX[preset];
  const at = suffix ? prompt.toLowerCase().indexOf(suffix.toLowerCase()) : -1;
  if (at < 0) return { preset, look: STYLE_LOOKS[preset], content: prompt };
  // Drop the suffix and the ", " that joined it (styledPrompt), so the content is the person's own text.
  const before = prompt.slice(0, at).replace(/[\s,]+$/u, "");
  const after = prompt.slice(at + suffix.length).trim();
  const content = after ? `${before} ${after}`.trim() : before;
  return { preset, look: STYLE_LOOKS[preset], content };
}
