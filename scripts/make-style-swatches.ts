// Renders the style picker's preview swatches into assets/styles/<preset>.png with the local offline renderer.
//
// Usage: `npx tsx scripts/make-style-swatches.ts` (rewrites the PNGs; they are committed, the build does not run this).
// Each swatch is the offline renderer's drawing (server/providers/local/, not an AI model) of one fixed scene in
// that preset's look, so the picker shows how the looks differ; `none` is a plain frame drawn in SVG.
// Size: SWATCH_CSS_PX at 2× for high-DPI screens; PNG with a 64-colour palette keeps each file a few KB.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { LocalProvider } from "../server/providers/local/LocalProvider";
import { STYLE_PRESETS, styledPrompt, type StylePreset } from "../src/core/protocol/styles";
import { SWATCH_CSS_PX } from "../src/taskpane/styleSwatches";

const OUT_DIR = path.resolve(__dirname, "..", "assets", "styles");
const SCENE = "a lighthouse and a house on green hills at dusk, with a tree";
/** Drawn at this multiple of the file's size, then scaled down, so thin outlines survive as soft lines. */
const OVERSAMPLE = 2;

const width = SWATCH_CSS_PX.width * 2;
const height = SWATCH_CSS_PX.height * 2;

/** "No style": an empty frame with a diagonal stroke. */
function noneSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect width="${width}" height="${height}" fill="#f5f5f5"/>
  <line x1="${width * 0.3}" y1="${height * 0.8}" x2="${width * 0.7}" y2="${height * 0.2}" stroke="#707070" stroke-width="4" stroke-linecap="round"/>
</svg>`;
}

async function swatch(provider: LocalProvider, preset: StylePreset): Promise<Buffer> {
  if (preset === "none") return sharp(Buffer.from(noneSvg())).png({ palette: true, colours: 64 }).toBuffer();
  const size = { widthPx: width * OVERSAMPLE, heightPx: height * OVERSAMPLE };
  const [image] = await provider.generate(
    { prompt: styledPrompt(SCENE, preset), n: 1, apiSize: `${size.widthPx}x${size.heightPx}`, size, quality: "high", outputFormat: "png", seed: 7 },
    { signal: new AbortController().signal },
  );
  return sharp(Buffer.from(image!.b64_json, "base64")).resize(width, height).png({ palette: true, colours: 64, compressionLevel: 9 }).toBuffer();
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const provider = new LocalProvider();
  for (const preset of STYLE_PRESETS) {
    const bytes = await swatch(provider, preset);
    const file = path.join(OUT_DIR, `${preset}.png`);
    await writeFile(file, bytes);
    console.log(`${path.relative(process.cwd(), file)}  ${bytes.length} bytes`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
