// Land layers, skyline, clouds and shore lines of a scene, drawn from a seeded Random; pure.
import { mix, type Hex } from "./color";
import { GRASS, shade } from "./palette";
import type { Random } from "./random";
import type { Band, Building, Cloud, LandLayer, Point, Scene } from "./sceneTypes";

/** Midpoint displacement between two ends: a jagged ridge of 2^depth segments. */
export function ridge(random: Random, width: number, baseY: number, amplitude: number, roughness: number, depth: number): Point[] {
  const count = 2 ** depth;
  const ys = new Array<number>(count + 1).fill(0);
  ys[0] = random.range(-0.5, 0.5) * amplitude;
  ys[count] = random.range(-0.5, 0.5) * amplitude;
  let step = count;
  let spread = amplitude;
  while (step > 1) {
    const half = step / 2;
    for (let i = half; i < count; i += step) {
      ys[i] = ((ys[i - half] ?? 0) + (ys[i + half] ?? 0)) / 2 + random.range(-0.5, 0.5) * spread;
    }
    spread *= roughness;
    step = half;
  }
  const min = Math.min(...ys);
  return ys.map((y, i) => [(i / count) * width, baseY - amplitude + (y - min) * 0.9] as const);
}

export function landLayers(scene: Scene, random: Random): LandLayer[] {
  const { width, height, horizonY, sky } = scene;
  const haze = scene.weather === "misty" ? 0.75 : 0.55;
  const far = (color: Hex, depth: number) => shade(mix(color, sky[2], haze * depth), scene.darkness);
  const snowy = scene.season === "winter" || scene.weather === "snow";
  switch (scene.land) {
    case "mountains":
      return [0.95, 0.6, 0.3].map((depth, i) => {
        const amplitude = height * [0.34, 0.24, 0.12][i]! * random.range(0.8, 1.15);
        const points = ridge(random, width, horizonY, amplitude, 0.55, 6);
        const top = Math.min(...points.map((point) => point[1]));
        return {
          points,
          color: far(i === 2 ? "#3c5247" : "#4a5a78", depth),
          smooth: false,
          ...(i < 2 && (snowy || i === 0) ? { snowLine: top + amplitude * (snowy ? 0.45 : 0.2) } : {}),
        };
      });
    case "hills":
      return [0.8, 0.45, 0.15].map((depth, i) => ({
        points: ridge(random, width, horizonY, height * [0.14, 0.1, 0.06][i]!, 0.35, 3),
        color: far(i === 2 ? GRASS[scene.season][1] : "#557a4c", depth),
        smooth: true,
      }));
    case "desert":
      return [0.7, 0.35].map((depth, i) => ({
        points: ridge(random, width, horizonY, height * [0.1, 0.06][i]!, 0.4, 3),
        color: far(i === 1 ? "#d9a45f" : "#c98f56", depth),
        smooth: true,
      }));
    case "plain":
    case "city":
      return [{ points: ridge(random, width, horizonY, height * 0.025, 0.5, 5), color: far("#3f5f48", 0.6), smooth: true }];
    default:
      // Open sea: sometimes a far island.
      if (!random.chance(0.5)) return [];
      {
        const start = random.range(0, width * 0.6);
        const islandWidth = width * random.range(0.15, 0.35);
        const points = ridge(random, islandWidth, horizonY, height * 0.05, 0.45, 3).map(([x, y]) => [x + start, y] as const);
        const island: Point[] = [[start, horizonY], ...points.slice(1, -1), [start + islandWidth, horizonY]];
        return [{ points: island, color: far("#4a5a68", 0.8), smooth: true }];
      }
  }
}

export function skyline(scene: Scene, random: Random): Building[] {
  if (scene.land !== "city") return [];
  const buildings: Building[] = [];
  const lit = scene.darkness > 0.3;
  let x = -random.range(0, scene.width * 0.03);
  let windows = 0;
  while (x < scene.width) {
    const width = scene.width * random.range(0.035, 0.085);
    const centre = 1 - Math.abs(x / scene.width - 0.5) * 1.2;
    const height = scene.height * random.range(0.06, 0.28) * (0.5 + centre);
    const building: Building = {
      x,
      width,
      height,
      color: shade(mix(random.pick<Hex>(["#5b6577", "#4c5566", "#6b7384", "#3f4756"]), scene.sky[2], 0.25), scene.darkness),
      windows: [],
    };
    if (lit) {
      for (let wy = scene.horizonY - height + scene.windowSize * 1.5; wy < scene.horizonY - scene.windowSize * 2; wy += scene.windowSize * 2.2) {
        for (let wx = x + scene.windowSize; wx < x + width - scene.windowSize * 1.5; wx += scene.windowSize * 2) {
          if (windows < 700 && random.chance(0.3)) {
            building.windows.push([wx, wy]);
            windows++;
          }
        }
      }
    }
    buildings.push(building);
    x += width + scene.width * random.range(0, 0.01);
  }
  return buildings;
}

export function clouds(scene: Scene, random: Random): Cloud[] {
  const amount = { clear: random.int(0, 2), cloudy: random.int(6, 10), misty: random.int(1, 3), rain: random.int(8, 12), snow: random.int(5, 8) }[
    scene.weather
  ];
  const base: Hex = scene.time === "night" ? "#47516a" : mix("#ffffff", scene.sky[2], scene.time === "day" ? 0.1 : 0.45);
  const color = scene.weather === "rain" ? mix(base, "#6c737d", 0.5) : scene.weather === "cloudy" ? mix(base, "#b7bec8", 0.35) : base;
  return Array.from({ length: amount }, () => {
    const cx = random.range(-0.1, 1.1) * scene.width;
    const cy = random.range(0.05, 0.75) * scene.horizonY;
    const span = scene.width * random.range(0.12, 0.3);
    const puffs = Array.from({ length: random.int(4, 7) }, () => {
      const r = span * random.range(0.18, 0.32);
      return { x: cx + random.range(-0.5, 0.5) * span, y: cy + random.range(-0.15, 0.1) * span, rx: r, ry: r * random.range(0.55, 0.8) };
    });
    return { puffs, color, shade: mix(color, scene.sky[0], 0.3), opacity: scene.time === "night" ? 0.55 : random.range(0.75, 0.95) };
  });
}

/** A wavy line from left to right at about `y`, for shores and beaches. */
export function shoreLine(random: Random, width: number, y: number, wobble: number): Point[] {
  const phase = random.range(0, Math.PI * 2);
  const waves = random.range(1, 2.5);
  return Array.from({ length: 17 }, (_, i) => {
    const x = (i / 16) * width;
    return [x, y + Math.sin(phase + (i / 16) * Math.PI * 2 * waves) * wobble] as const;
  });
}

/**
 * A band winding from the horizon (almost a point) to the bottom edge, where it is `frontWidth` wide; `sway`
 * is how far it bends sideways (fraction of the width). Rivers and roads.
 */
export function windingBand(random: Random, scene: Pick<Scene, "width" | "height" | "horizonY">, frontWidth: number, sway: number): Band {
  const { width, height, horizonY } = scene;
  const bends = random.range(1.2, 2.2);
  const phase = random.range(0, Math.PI * 2);
  const startX = random.range(0.35, 0.65) * width;
  const centre: Band["centre"] = [];
  for (let i = 0; i <= 24; i++) {
    const t = i / 24;
    centre.push({
      x: startX + Math.sin(phase + t * Math.PI * bends) * width * sway * t,
      y: horizonY + (height - horizonY) * t,
      width: width * (0.008 + frontWidth * t * t),
    });
  }
  const left = centre.map((c) => [c.x - c.width / 2, c.y] as const);
  const right = centre.map((c) => [c.x + c.width / 2, c.y] as const).reverse();
  return { points: [...left, ...right], centre };
}
