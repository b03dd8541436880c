// The local renderer's style looks: each preset's picture differs measurably (palette, line art, pencil, watercolor, oil…).
import sharp from "sharp";
import { LocalProvider } from "../../../../server/providers/local/LocalProvider";
import type { NormalizedGenerateRequest } from "../../../../server/providers/Provider";
import { readStyle, recolourSvg, STYLE_LOOKS } from "../../../../server/providers/local/styleLook";
import { STYLE_PRESETS, STYLE_SUFFIX, styledPrompt, type StylePreset } from "../../../../src/core/protocol/styles";

jest.setTimeout(60_000);

const SCENE = "a lighthouse and a house by the sea at dusk, with a boat";
const WIDTH = 240;
const HEIGHT = 160;

interface Stats {
  raw: Buffer;
  revised: string;
  /** Mean HSV saturation, 0..1. */
  saturation: number;
  /** Mean lightness, 0..1. */
  lightness: number;
  /** Mean absolute difference between horizontal neighbours, 0..255: how crisp the edges are. */
  edges: number;
  /** Share of pixels in the picture's 24 most common colours: high for flat colour, low for gradients. */
  flatness: number;
  /** Share of near-white (all channels ≥ 235) and near-black (all ≤ 40) pixels. */
  white: number;
  black: number;
  /** Mean red minus blue, −255..255 (warm > 0). */
  warmth: number;
}

async function render(preset: StylePreset, prompt = styledPrompt(SCENE, preset)): Promise<Stats> {
  const request: NormalizedGenerateRequest = {
    prompt,
    n: 1,
    apiSize: `${WIDTH}x${HEIGHT}`,
    size: { widthPx: WIDTH, heightPx: HEIGHT },
    quality: "low",
    outputFormat: "png",
    seed: 11,
  };
  const [image] = await new LocalProvider().generate(request, { signal: new AbortController().signal });
  const { data, info } = await sharp(Buffer.from(image!.b64_json, "base64")).raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height, info.channels]).toEqual([WIDTH, HEIGHT, 3]);
  const pixels = WIDTH * HEIGHT;
  let saturation = 0,
    lightness = 0,
    edges = 0,
    white = 0,
    black = 0,
    warmth = 0;
  const colours = new Map<number, number>();
  for (let i = 0; i < pixels; i++) {
    const [r, g, b] = [data[i * 3]!, data[i * 3 + 1]!, data[i * 3 + 2]!];
    const max = Math.max(r, g, b),
      min = Math.min(r, g, b);
    saturation += max === 0 ? 0 : (max - min) / max;
    lightness += (0.3 * r + 0.59 * g + 0.11 * b) / 255;
    if (min >= 235) white++;
    if (max <= 40) black++;
    warmth += r - b;
    const key = (r << 16) | (g << 8) | b;
    colours.set(key, (colours.get(key) ?? 0) + 1);
    if (i % WIDTH !== WIDTH - 1) edges += (Math.abs(r - data[i * 3 + 3]!) + Math.abs(g - data[i * 3 + 4]!) + Math.abs(b - data[i * 3 + 5]!)) / 3;
  }
  return {
    raw: data,
    revised: image!.revised_prompt ?? "",
    saturation: saturation / pixels,
    lightness: lightness / pixels,
    edges: edges / (pixels - HEIGHT),
    flatness:
      [...colours.values()]
        .sort((x, y) => y - x)
        .slice(0, 24)
        .reduce((sum, n) => sum + n, 0) / pixels,
    white: white / pixels,
    black: black / pixels,
    warmth: warmth / pixels,
  };
}

/** Mean absolute channel difference between two pictures, 0..255. */
function difference(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

const stats = new Map<StylePreset, Stats>();
beforeAll(async () => {
  for (const preset of STYLE_PRESETS) stats.set(preset, await render(preset));
});
const of = (preset: StylePreset) => stats.get(preset)!;

describe("local renderer style looks", () => {
  test("the style words are not read as scene words: photo draws the plain prompt's picture", async () => {
    expect(readStyle(styledPrompt(SCENE, "cinematicPhoto"))).toMatchObject({ preset: "cinematicPhoto", content: SCENE });
    expect(readStyle(`A desk. Style: ${STYLE_SUFFIX.lineArt}; palette of navy`)).toMatchObject({
      preset: "lineArt",
      content: "A desk. Style: ; palette of navy",
    });
    expect(readStyle(SCENE)).toMatchObject({ preset: "none", content: SCENE });
    expect(difference(of("photo").raw, of("none").raw)).toBe(0);
  });

  test("every other pair of presets gives visibly different pictures", () => {
    const presets = STYLE_PRESETS.filter((preset) => preset !== "none");
    for (const a of presets) for (const b of presets) if (a < b) expect([a, b, difference(of(a).raw, of(b).raw) > 3]).toEqual([a, b, true]);
  });

  test("revised_prompt says which look was drawn", () => {
    expect(of("photo").revised).not.toMatch(/drawn|as /);
    expect(of("lineArt").revised).toMatch(/, as line art$/);
    expect(of("watercolor").revised).toMatch(/, as a watercolor$/);
  });

  test("line art: black lines on white, no colour", () => {
    const line = of("lineArt");
    expect(line.saturation).toBeLessThan(0.01);
    expect(line.white).toBeGreaterThan(0.75);
    expect(line.black).toBeGreaterThan(0.02);
  });

  test("pencil sketch: grey, lighter than the photo, with dark strokes", () => {
    const pencil = of("pencilSketch");
    expect(pencil.saturation).toBeLessThan(0.01);
    expect(pencil.lightness).toBeGreaterThan(of("photo").lightness + 0.1);
    expect(pencil.black + pencil.white).toBeLessThan(0.5); // tone, not pure ink
  });

  test("watercolor: softer edges, a lighter and paler palette than the photo", () => {
    const [water, photo] = [of("watercolor"), of("photo")];
    expect(water.edges).toBeLessThan(photo.edges * 0.75);
    expect(water.lightness).toBeGreaterThan(photo.lightness + 0.1);
    expect(water.saturation).toBeLessThan(photo.saturation * 0.8);
  });

  test("oil painting: richer colour than the photo", () => {
    expect(of("oilPainting").saturation).toBeGreaterThan(of("photo").saturation * 1.15);
  });

  test.each(["illustration", "vectorIcon", "minimalCorporate", "isometric"] as const)("%s: a small flat palette instead of gradients", (preset) => {
    expect(of(preset).flatness).toBeGreaterThan(0.95);
    expect(of("photo").flatness).toBeLessThan(0.5);
  });

  test("minimal corporate: muted and cool; clay: warm even on a blue day; product shot: high key", async () => {
    const photo = of("photo");
    const day = "a lake on a clear day";
    const [dayPhoto, dayClay] = [await render("photo", styledPrompt(day, "photo")), await render("clayRender", styledPrompt(day, "clayRender"))];
    expect(dayPhoto.warmth).toBeLessThan(0);
    expect(dayClay.warmth).toBeGreaterThan(20);
    expect(of("minimalCorporate").saturation).toBeLessThan(photo.saturation);
    expect(of("minimalCorporate").warmth).toBeLessThan(-10);
    expect(of("productShot").lightness).toBeGreaterThan(photo.lightness + 0.1);
  });

  test("3D looks are smoother than the photo", () => {
    for (const preset of ["render3d", "clayRender", "productShot"] as const) expect(of(preset).edges).toBeLessThan(of("photo").edges);
  });

  test("recolourSvg maps every six-digit colour and leaves the rest of the markup", () => {
    const svg = `<svg><rect fill="#AABBCC"/><path stroke="#000000" fill="none"/></svg>`;
    expect(recolourSvg(svg, { colour: () => "#123456" })).toBe(`<svg><rect fill="#123456"/><path stroke="#123456" fill="none"/></svg>`);
    expect(recolourSvg(svg, STYLE_LOOKS.photo)).toBe(svg);
  });
});
