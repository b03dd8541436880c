// Colours of the local renderer's scenes: skies per time of day, foliage and grass per season, shading; pure.
import { desaturate, mix, type Hex } from "./color";
import type { Season, TimeOfDay, Weather } from "./vocabulary";

export const SKY: Record<TimeOfDay, [Hex, Hex, Hex]> = {
  dawn: ["#34426f", "#b27c9b", "#f8c69b"],
  day: ["#2f6fc4", "#6ea9e6", "#d3e7f7"],
  dusk: ["#232550", "#a9476b", "#f89c54"],
  night: ["#03060f", "#0b1631", "#223a62"],
};
export const DARKNESS: Record<TimeOfDay, number> = { dawn: 0.25, day: 0, dusk: 0.4, night: 0.72 };
const NIGHT_INK: Hex = "#0a1024";
export const FOLIAGE: Record<Season, Hex> = { spring: "#6fb552", summer: "#3d8a3a", autumn: "#cf6a24", winter: "#48604f" };
export const GRASS: Record<Season, [far: Hex, near: Hex]> = {
  spring: ["#8cc46a", "#4f8f3c"],
  summer: ["#6fa64e", "#356b2b"],
  autumn: ["#b79a52", "#7a5a2a"],
  winter: ["#e6edf4", "#c9d5e2"],
};

export function weatherTint(color: Hex, weather: Weather, time: TimeOfDay): Hex {
  const night = time === "night";
  switch (weather) {
    case "cloudy":
      return mix(desaturate(color, 0.45), night ? "#1b2230" : "#8a93a0", 0.25);
    case "rain":
      return mix(desaturate(color, 0.6), night ? "#141a24" : "#5d6570", 0.45);
    case "misty":
      return mix(color, night ? "#3a4658" : "#dde3ea", 0.4);
    case "snow":
      return mix(desaturate(color, 0.3), night ? "#2a3444" : "#c9d3de", 0.35);
    default:
      return color;
  }
}

/** Shades a daylight colour for the scene's light (toward night ink as darkness grows). */
export function shade(color: Hex, darkness: number): Hex {
  return mix(color, NIGHT_INK, darkness * 0.85);
}
