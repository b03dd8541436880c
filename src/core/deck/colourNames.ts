// Names a #RRGGBB colour in words for an image prompt ("deep navy"), by the nearest entry of a small table in CIELAB.

/** The named colours a palette is described with (English: prompts are in English). Hex values are sRGB. */
export const NAMED_COLOURS: readonly { name: string; hex: string }[] = [
  { name: "black", hex: "#000000" },
  { name: "charcoal", hex: "#36454F" },
  { name: "slate grey", hex: "#708090" },
  { name: "warm grey", hex: "#9E9589" },
  { name: "light grey", hex: "#D3D3D3" },
  { name: "white", hex: "#FFFFFF" },
  { name: "cream", hex: "#FFF8E1" },
  { name: "beige", hex: "#E8D8B8" },
  { name: "tan", hex: "#C8A27A" },
  { name: "brown", hex: "#7B4B2A" },
  { name: "deep navy", hex: "#1F2A44" },
  { name: "navy blue", hex: "#000080" },
  { name: "royal blue", hex: "#3050C8" },
  { name: "azure blue", hex: "#0078D4" },
  { name: "sky blue", hex: "#87CEEB" },
  { name: "pale blue", hex: "#CFE3F5" },
  { name: "teal", hex: "#008080" },
  { name: "turquoise", hex: "#40E0D0" },
  { name: "mint green", hex: "#98E2C6" },
  { name: "emerald green", hex: "#2E8B57" },
  { name: "forest green", hex: "#1F5130" },
  { name: "olive green", hex: "#708238" },
  { name: "lime green", hex: "#9ACD32" },
  { name: "mustard yellow", hex: "#D4A72C" },
  { name: "sunny yellow", hex: "#FFE135" },
  { name: "orange", hex: "#F28C28" },
  { name: "peach", hex: "#FFCBA4" },
  { name: "coral", hex: "#FF7F50" },
  { name: "brick red", hex: "#A93226" },
  { name: "bright red", hex: "#E41B17" },
  { name: "maroon", hex: "#800000" },
  { name: "burgundy", hex: "#800020" },
  { name: "pink", hex: "#F4A6C0" },
  { name: "magenta", hex: "#C2185B" },
  { name: "purple", hex: "#6A1B9A" },
  { name: "lavender", hex: "#B9A5E0" },
];

const HEX = /^#[0-9A-Fa-f]{6}$/;

/** True for a `#RRGGBB` colour (either case). Short forms (`#abc`), names and `rgb()` are not accepted. */
export function isHexColour(value: unknown): value is string {
  return typeof value === "string" && HEX.test(value);
}

type Lab = [number, number, number];

/** sRGB `#RRGGBB` → CIELAB (D65). Throws no error: call only with {@link isHexColour} values. */
function toLab(hex: string): Lab {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [channel(0), channel(1), channel(2)];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const TABLE = NAMED_COLOURS.map((c) => ({ name: c.name, lab: toLab(c.hex) }));

/**
 * The name of the nearest colour of {@link NAMED_COLOURS} (CIE76 distance in CIELAB), e.g. `#1F2A44` → "deep navy".
 * @throws RangeError when `hex` is not `#RRGGBB`.
 */
export function nameColour(hex: string): string {
  if (!isHexColour(hex)) throw new RangeError(`Not a #RRGGBB colour: ${JSON.stringify(hex)}`);
  const [l, a, b] = toLab(hex);
  let best = TABLE[0];
  let bestDistance = Infinity;
  for (const entry of TABLE) {
    const d = (entry.lab[0] - l) ** 2 + (entry.lab[1] - a) ** 2 + (entry.lab[2] - b) ** 2;
    if (d < bestDistance) {
      best = entry;
      bestDistance = d;
    }
  }
  return best.name;
}
