// The style picker's swatches: one small committed PNG per preset, at twice the displayed size, loaded by URL.
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { STYLE_PRESETS } from "../../../src/core/protocol/styles";
import { SWATCH_CSS_PX, swatchUrl } from "../../../src/taskpane/styleSwatches";

const ROOT = path.resolve(__dirname, "../../..");

describe("style swatches", () => {
  test.each(STYLE_PRESETS)("%s has a committed swatch of 2× the displayed size, a few KB", async (preset) => {
    const url = swatchUrl(preset);
    expect(url).toBe(`assets/styles/${preset}.png`);
    const bytes = await readFile(path.join(ROOT, url));
    expect(bytes.length).toBeLessThan(10_000);
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", SWATCH_CSS_PX.width * 2, SWATCH_CSS_PX.height * 2]);
  });
});
