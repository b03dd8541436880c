// Draws the add-in's icons (a sparkle over a picture frame) from SVG into assets/icon-<size>.png with sharp.
//
// Usage: `node scripts/make-icons.mjs` (rewrites the PNGs; they are committed, the build does not run this).
// The manifest references 16/32/80 px (ribbon), 32 px (IconUrl) and 64 px (HighResolutionIconUrl);
// 128 px is for stores and the README; 192 px is the unified manifest's color icon and outline-32.png its outline
// icon (white on transparent, as the Microsoft 365 app manifest asks). Sizes ≤ 20 px use a simplified drawing on a 16-unit grid with
// strokes on half pixels, so the frame stays crisp on the ribbon instead of blurring into grey.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = path.join(ROOT, "assets");

/** Pixel sizes written as `assets/icon-<size>.png`. */
export const ICON_SIZES = [16, 32, 64, 80, 128, 192];

// Fluent palette (brand blue frame, green land, amber sun, purple sparkle) so the icon sits well on the ribbon.
const FRAME = "#0F6CBD";
const LAND = "#107C41";
const HILL = "#6BB700";
const SUN = "#F7B500";
const SPARKLE = "#8A3FFC";

/** A four-pointed sparkle centred on (cx, cy) with outer radius r and waist w (fraction of r). */
function sparkle(cx, cy, r, w = 0.28) {
  const k = r * w;
  const p = [
    [cx, cy - r],
    [cx + k, cy - k],
    [cx + r, cy],
    [cx + k, cy + k],
    [cx, cy + r],
    [cx - k, cy + k],
    [cx - r, cy],
    [cx - k, cy - k],
  ];
  return `M${p.map(([x, y]) => `${x.toFixed(2)} ${y.toFixed(2)}`).join(" L")} Z`;
}

/** Detailed drawing on a 32-unit grid, for 32 px and up. */
function detailedSvg(size) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">
  <defs><clipPath id="inside"><rect x="4" y="9" width="20" height="18" rx="2"/></clipPath></defs>
  <rect x="3" y="8" width="22" height="20" rx="3" fill="#FFFFFF" stroke="${FRAME}" stroke-width="2"/>
  <g clip-path="url(#inside)">
    <rect x="4" y="9" width="20" height="18" fill="#DEECF9"/>
    <circle cx="10" cy="14.5" r="2.5" fill="${SUN}"/>
    <path d="M4 27 L4 24 L9 19 L13 23 L17 18.5 L24 25 L24 27 Z" fill="${HILL}"/>
    <path d="M4 27 L4 25.5 L11 22 L16 24.5 L24 22.5 L24 27 Z" fill="${LAND}"/>
  </g>
  <path d="${sparkle(25, 7.5, 6.5)}" fill="${SPARKLE}" stroke="#FFFFFF" stroke-width="1.5" stroke-linejoin="round" paint-order="stroke"/>
  <path d="${sparkle(29.5, 14.5, 2.5, 0.3)}" fill="${SPARKLE}" stroke="#FFFFFF" stroke-width="1" stroke-linejoin="round" paint-order="stroke"/>
</svg>`;
}

/** Simplified drawing on a 16-unit grid (one unit = one pixel at 16 px), for the small ribbon icon. */
function smallSvg(size) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 16 16" shape-rendering="geometricPrecision">
  <rect x="1.5" y="4.5" width="11" height="10" rx="1" fill="#DEECF9" stroke="${FRAME}" stroke-width="1"/>
  <rect x="4" y="7" width="2" height="2" rx="1" fill="${SUN}"/>
  <path d="M2 14 L2 12 L5 10 L7 12 L9 10 L12 12.5 L12 14 Z" fill="${LAND}"/>
  <path d="${sparkle(12.5, 3.5, 3.5, 0.36)}" fill="${SPARKLE}" stroke="#FFFFFF" stroke-width="1" stroke-linejoin="round" paint-order="stroke"/>
</svg>`;
}

/** The outline icon of the unified manifest: the same frame and sparkle, white strokes on transparent, 32 px. */
export function outlineSvg() {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">
  <rect x="3" y="8" width="22" height="20" rx="3" fill="none" stroke="#FFFFFF" stroke-width="2"/>
  <path d="M5 26 L11 19.5 L15 23.5 L19 19 L23 23" fill="none" stroke="#FFFFFF" stroke-width="2" stroke-linejoin="round"/>
  <circle cx="10" cy="14.5" r="2" fill="none" stroke="#FFFFFF" stroke-width="1.5"/>
  <path d="${sparkle(25, 7.5, 6.5)}" fill="#FFFFFF"/>
</svg>`;
}

/** The SVG source for one pixel size. */
export function iconSvg(size) {
  return size <= 20 ? smallSvg(size) : detailedSvg(size);
}

async function main() {
  await mkdir(OUT_DIR, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    const info = await sharp(Buffer.from(iconSvg(size)))
      .png({ compressionLevel: 9, palette: false })
      .toFile(file);
    if (info.width !== size || info.height !== size) {
      throw new Error(`${file}: rendered ${info.width}×${info.height} px, expected ${size}×${size}`);
    }
    console.log(`${path.relative(ROOT, file)}  ${info.width}×${info.height} px  ${info.size} bytes`);
  }
  const outline = path.join(OUT_DIR, "outline-32.png");
  const info = await sharp(Buffer.from(outlineSvg())).png({ compressionLevel: 9, palette: false }).toFile(outline);
  console.log(`${path.relative(ROOT, outline)}  ${info.width}×${info.height} px  ${info.size} bytes`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
