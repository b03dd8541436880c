// Colour arithmetic for the local renderer: hex parsing, mixing and shading (pure).

/** A colour as `#rrggbb`. */
export type Hex = `#${string}`;

function channels(color: Hex): [number, number, number] {
  const value = parseInt(color.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex(r: number, g: number, b: number): Hex {
  const clamp = (c: number) => Math.max(0, Math.min(255, Math.round(c)));
  return `#${((1 << 24) | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b)).toString(16).slice(1)}`;
}

/** Linear mix: `amount` 0 → `a`, 1 → `b`. */
export function mix(a: Hex, b: Hex, amount: number): Hex {
  const [ar, ag, ab] = channels(a);
  const [br, bg, bb] = channels(b);
  const t = Math.max(0, Math.min(1, amount));
  return toHex(ar + (br - ar) * t, ag + (bg - ag) * t, ab + (bb - ab) * t);
}

/** Moves `color` toward grey by `amount` (0..1), keeping its lightness. */
export function desaturate(color: Hex, amount: number): Hex {
  const [r, g, b] = channels(color);
  const grey = Math.round(0.3 * r + 0.59 * g + 0.11 * b);
  return mix(color, toHex(grey, grey, grey), amount);
}

/** Relative lightness 0 (black) .. 1 (white), for choosing contrasting details. */
export function lightness(color: Hex): number {
  const [r, g, b] = channels(color);
  return (0.3 * r + 0.59 * g + 0.11 * b) / 255;
}
