// Style presets: the groups, the suffixes (English, distinct), styledPrompt for every preset, and reading a preset back from a prompt.
import { isPhotorealisticStyle, PHOTOREALISTIC_STYLES } from "../../../../src/core/protocol/models/chooseModel";
import {
  isStylePreset,
  PHOTOGRAPHIC_PRESETS,
  presetInPrompt,
  presetsInGroup,
  STYLE_GROUP,
  STYLE_GROUPS,
  STYLE_PRESETS,
  STYLE_SUFFIX,
  styledPrompt,
} from "../../../../src/core/protocol/styles";
import { hasString } from "../../../../src/taskpane/strings/strings";

const styled = STYLE_PRESETS.filter((preset) => preset !== "none");

describe("style presets", () => {
  test("at least 12 presets besides None, each in one group, every group used", () => {
    expect(styled.length).toBeGreaterThanOrEqual(12);
    expect(STYLE_GROUPS.flatMap((group) => presetsInGroup(group)).sort()).toEqual([...styled].sort());
    for (const group of STYLE_GROUPS) expect(presetsInGroup(group).length).toBeGreaterThanOrEqual(2);
  });

  test("the first six ids still read back from storage, with their old meaning", () => {
    for (const id of ["none", "photo", "illustration", "watercolor", "lineArt", "render3d"]) expect(isStylePreset(id)).toBe(true);
    expect(STYLE_SUFFIX.watercolor).toBe("watercolor painting, soft washes, paper texture");
    expect(STYLE_SUFFIX.lineArt).toBe("black and white line art, ink drawing, no shading");
    expect(STYLE_GROUP.illustration).toBe("illustration");
    for (const bad of ["Photo", "oil", "", null, 3, undefined]) expect(isStylePreset(bad)).toBe(false);
  });

  test("suffixes are English words, and none contains another (the renderer tells them apart)", () => {
    for (const preset of styled) {
      expect(STYLE_SUFFIX[preset]).toMatch(/^[A-Za-z0-9 ,-]+$/);
      for (const other of styled) if (other !== preset) expect(STYLE_SUFFIX[preset]).not.toContain(STYLE_SUFFIX[other]);
    }
  });

  test.each(STYLE_PRESETS)("styledPrompt(%s): the person's text, then the suffix once, within the limit", (preset) => {
    const suffix = STYLE_SUFFIX[preset];
    expect(styledPrompt("  A fox in the snow. ", preset)).toBe(suffix ? `A fox in the snow, ${suffix}` : "A fox in the snow.");
    expect(styledPrompt("   ", preset)).toBe("");
    const long = styledPrompt("a".repeat(5000), preset, 4000);
    expect(long.length).toBeLessThanOrEqual(4000);
    expect(long.endsWith(suffix)).toBe(true);
    expect(presetInPrompt(styledPrompt("A fox", preset))).toBe(preset);
  });

  test("presetInPrompt finds a suffix mid-sentence (deck briefs) and is case-blind; plain prompts are none", () => {
    expect(presetInPrompt(`Two people at a desk. Style: ${STYLE_SUFFIX.pencilSketch.toUpperCase()}; colour palette of navy`)).toBe("pencilSketch");
    expect(presetInPrompt("a watercolor of a lake")).toBe("none");
  });

  test("every preset and group has a name and a description in the pane's strings", () => {
    for (const preset of STYLE_PRESETS) {
      expect(hasString(`style.${preset}`)).toBe(true);
      expect(hasString(`styleDescription.${preset}`)).toBe(true);
    }
    for (const group of STYLE_GROUPS) expect(hasString(`styleGroup.${group}`)).toBe(true);
  });

  test("Auto's photorealistic styles are exactly the photo group", () => {
    expect([...PHOTOREALISTIC_STYLES].sort()).toEqual(presetsInGroup("photo").sort());
    expect([...PHOTOGRAPHIC_PRESETS]).toEqual(["photo", "cinematicPhoto", "productShot"]);
    expect(isPhotorealisticStyle("cinematicPhoto")).toBe(true);
    expect(isPhotorealisticStyle("watercolor")).toBe(false);
  });
});
