// Composes a landscape scene (sky, light, land, water, subjects) from a prompt reading and a seed; pure.
import type { PixelSize } from "../../../src/core/types";
import { desaturate, mix, type Hex } from "./color";
import { Random } from "./random";
import { readPrompt, type PromptReading, type SubjectMention } from "./understand";
import type { Land, Season, SubjectKind, TimeOfDay, Water, Weather } from "./vocabulary";

/** A point in pixels, origin top-left. */
export type Point = readonly [x: number, y: number];

/** A band of land drawn above (or on) the horizon; `points` run left to right along its top edge. */
export interface LandLayer {
  points: Point[];
  color: Hex;
  /** Draw the top edge as a smooth curve (hills, dunes) rather than straight segments (rock). */
  smooth: boolean;
  /** Snow above this y (pixels), for high mountains in winter or snow. */
  snowLine?: number;
}

/** A building of a skyline, standing on the horizon. */
export interface Building {
  x: number;
  width: number;
  height: number;
  color: Hex;
  /** Lit windows (top-left corners, pixels), each `windowSize` square. */
  windows: Point[];
}

/** A cloud: overlapping puffs around a centre. */
export interface Cloud {
  puffs: Array<{ x: number; y: number; rx: number; ry: number }>;
  color: Hex;
  shade: Hex;
  opacity: number;
}

/** One drawn subject, anchored at the middle of its base; `size` is its height in pixels. */
export interface Subject {
  kind: SubjectKind;
  x: number;
  baseY: number;
  size: number;
  /** Main colour (foliage, hull, body), already shaded for the light. */
  color: Hex;
  /** Second colour (trunk, sail, roof, petals). */
  accent: Hex;
  /** Mirror horizontally. */
  flip: boolean;
}

/** Everything svg.ts needs to draw one picture, in pixels. Built by {@link buildScene}. */
export interface Scene {
  width: number;
  height: number;
  time: TimeOfDay;
  weather: Weather;
  season: Season;
  land: Land | "open";
  water: Water;
  /** y of the horizon (pixels). */
  horizonY: number;
  /** Sky gradient from top to horizon. */
  sky: [top: Hex, middle: Hex, horizon: Hex];
  light: { kind: "sun" | "moon"; x: number; y: number; radius: number; color: Hex; glow: Hex; visibility: number };
  stars: Array<{ x: number; y: number; r: number; opacity: number }>;
  clouds: Cloud[];
  /** Land above the horizon, back to front. */
  layers: LandLayer[];
  buildings: Building[];
  windowSize: number;
  windowColor: Hex;
  /** Water between the horizon and `shoreY`; undefined when there is none (rivers use `river`). */
  waterBody?: { shoreY: number; far: Hex; near: Hex; shore: Point[]; glints: Array<{ x: number; y: number; width: number }> };
  /** Ground from the horizon (or the shore) to the bottom edge, and a nearer rise in front (for depth). */
  ground: { far: Hex; near: Hex; top: Point[]; rise?: { points: Point[]; color: Hex } };
  /** River polygon (left bank down, right bank up) and its centre line with the width at each point. */
  river?: { points: Point[]; centre: Array<{ x: number; y: number; width: number }>; far: Hex; near: Hex };
  subjects: Subject[];
  mist: Array<{ y: number; height: number; opacity: number }>;
  mistColor: Hex;
  precipitation?: { kind: "rain" | "snow"; particles: Array<{ x: number; y: number; length: number }>; color: Hex };
  /** 0 (day) .. 1 (night): how dark things in the scene are. */
  darkness: number;
}

/** Inputs of {@link buildScene}. */
export interface SceneRequest {
  prompt: string;
  size: PixelSize;
  /** The request seed; same prompt + seed + variation → same scene. */
  seed: number;
  /** Index of the image within one request (0..n-1): each gets a different layout. */
  variation: number;
}

const SKY: Record<TimeOfDay, [Hex, Hex, Hex]> = {
  dawn: ["#34426f", "#b27c9b", "#f8c69b"],
  day: ["#2f6fc4", "#6ea9e6", "#d3e7f7"],
  dusk: ["#232550", "#a9476b", "#f89c54"],
  night: ["#03060f", "#0b1631", "#223a62"],
};
const DARKNESS: Record<TimeOfDay, number> = { dawn: 0.25, day: 0, dusk: 0.4, night: 0.72 };
const NIGHT_INK: Hex = "#0a1024";
const FOLIAGE: Record<Season, Hex> = { spring: "#6fb552", summer: "#3d8a3a", autumn: "#cf6a24", winter: "#48604f" };
const GRASS: Record<Season, [far: Hex, near: Hex]> = {
  spring: ["#8cc46a", "#4f8f3c"],
  summer: ["#6fa64e", "#356b2b"],
  autumn: ["#b79a52", "#7a5a2a"],
  winter: ["#e6edf4", "#c9d5e2"],
};

function weatherTint(color: Hex, weather: Weather, time: TimeOfDay): Hex {
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
function shade(color: Hex, darkness: number): Hex {
  return mix(color, NIGHT_INK, darkness * 0.85);
}

/** Choices the prompt left open, filled from a generator seeded by the prompt alone (stable across seeds). */
function decide(reading: PromptReading, theme: Random) {
  const subjectKinds = new Set(reading.subjects.map((subject) => subject.kind));
  const time: TimeOfDay =
    reading.time ?? (theme.chance(0.5) ? "day" : theme.pick<TimeOfDay>(["dawn", "dusk", "dusk", "night", "day"]));
  const weather: Weather = reading.weather ?? (reading.land === "desert" || theme.chance(0.7) ? "clear" : "cloudy");
  const season: Season =
    reading.season ?? (weather === "snow" ? "winter" : theme.pick<Season>(["summer", "summer", "spring", "autumn"]));
  let water: Water = reading.water ?? "none";
  if (water === "none" && subjectKinds.has("lighthouse")) water = "sea";
  if (water === "none" && subjectKinds.has("boat")) water = "lake";
  if (water === "none" && !reading.land && theme.chance(0.35)) water = "lake";
  const land: Land | "open" =
    reading.land ?? (water === "sea" ? "open" : theme.pick<Land>(["mountains", "hills", "hills", "plain"]));
  // Nothing named: the usual company of the land (pines on mountains, trees on hills, birds at sea).
  const usual: Record<Land | "open", SubjectKind | undefined> = {
    mountains: "pine", hills: "tree", plain: "tree", city: undefined, desert: "cactus", open: "bird",
  };
  const fallback = usual[land];
  const subjects: SubjectMention[] =
    reading.subjects.length > 0 ? reading.subjects : fallback && theme.chance(0.8) ? [{ kind: fallback, count: "many" }] : [];
  return { time, weather, season, land, water, subjects };
}

/** Midpoint displacement between two ends: a jagged ridge of 2^depth segments. */
function ridge(random: Random, width: number, baseY: number, amplitude: number, roughness: number, depth: number): Point[] {
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

function landLayers(scene: Scene, random: Random): LandLayer[] {
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
      return [
        { points: ridge(random, width, horizonY, height * 0.025, 0.5, 5), color: far("#3f5f48", 0.6), smooth: true },
      ];
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

function skyline(scene: Scene, random: Random): Building[] {
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

function clouds(scene: Scene, random: Random): Cloud[] {
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

function count(mention: SubjectMention, random: Random, many: [number, number]): number {
  if (typeof mention.count === "number") return Math.max(1, Math.min(mention.count, 12));
  return mention.count === "many" ? random.int(many[0], many[1]) : 1;
}

/** Places the subjects; `area` is where land subjects may stand (y range), `waterArea` where boats float. */
function subjects(scene: Scene, mentions: readonly SubjectMention[], random: Random): Subject[] {
  const { width, height, horizonY, darkness } = scene;
  const groundTop = scene.waterBody ? scene.waterBody.shoreY : horizonY + (height - horizonY) * 0.08;
  const placed: Subject[] = [];
  const perspective = (baseY: number) => Math.max(0.05, (baseY - horizonY) / (height - horizonY));
  const add = (kind: SubjectKind, x: number, baseY: number, size: number, color: Hex, accent: Hex) =>
    placed.push({ kind, x, baseY, size, color, accent, flip: random.chance(0.5) });
  // Keep the middle third free for the main subject when there are groups of trees.
  const sideX = () => (random.chance(0.5) ? random.range(-0.02, 0.27) : random.range(0.73, 1.02)) * width;
  const groundY = (near = 0) => random.range(groundTop + (height - groundTop) * near, height * 0.98);

  for (const mention of mentions) {
    switch (mention.kind) {
      case "tree":
      case "pine":
      case "palm":
      case "cactus": {
        const n = count(mention, random, [5, 9]);
        const colours: Partial<Record<SubjectKind, Hex>> = { pine: "#1f4a2c", palm: "#2f7d3a", cactus: "#4f7f3a" };
        const colour = shade(colours[mention.kind] ?? FOLIAGE[scene.season], darkness);
        for (let i = 0; i < n; i++) {
          const baseY = groundY(0.05);
          const x = n === 1 ? random.range(0.15, 0.85) * width : sideX();
          add(mention.kind, x, baseY, height * (0.1 + 0.22 * perspective(baseY)) * random.range(0.8, 1.15), colour, shade("#5a3d26", darkness));
        }
        // A far tree line along the horizon for forests and pines by a lake.
        if (mention.kind === "pine" && (n > 3 || scene.waterBody)) {
          for (let x = random.range(0, width * 0.02); x < width; x += width * random.range(0.008, 0.02)) {
            add("pine", x, horizonY + height * 0.004, height * random.range(0.03, 0.055), shade(mix("#1f4a2c", scene.sky[2], 0.35), darkness), shade("#3d3326", darkness));
          }
        }
        break;
      }
      case "house": {
        const n = count(mention, random, [2, 4]);
        for (let i = 0; i < n; i++) {
          const baseY = groundY(0.05);
          add("house", random.range(0.1, 0.9) * width, baseY, height * (0.07 + 0.18 * perspective(baseY)), shade(random.pick<Hex>(["#c9b79c", "#b5643c", "#e4dccb", "#8a6f55"]), darkness), shade("#7a2f24", darkness));
        }
        break;
      }
      case "boat": {
        const n = count(mention, random, [2, 4]);
        const top = horizonY;
        const bottom = scene.waterBody ? scene.waterBody.shoreY : height;
        for (let i = 0; i < n; i++) {
          let baseY = random.range(top + (bottom - top) * 0.25, bottom - (bottom - top) * 0.08);
          let x = random.range(0.3, 0.7) * width;
          let size = height * (0.05 + 0.2 * perspective(baseY));
          if (scene.river) {
            // On the river: on its centre line, no wider than the river there.
            const at = scene.river.centre[random.int(10, 21)]!;
            baseY = at.y;
            x = at.x + random.range(-0.15, 0.15) * at.width;
            size = Math.min(size, (at.width * 0.7) / 0.95);
          }
          add("boat", x, baseY, size, shade("#6b3b24", darkness), shade("#f3eee2", darkness * 0.8));
        }
        break;
      }
      case "bird": {
        const n = count(mention, random, [4, 9]);
        const cx = random.range(0.25, 0.75) * width;
        const cy = random.range(0.18, 0.55) * horizonY;
        for (let i = 0; i < n; i++) {
          add("bird", cx + random.range(-0.18, 0.18) * width, cy + random.range(-0.12, 0.12) * horizonY, height * random.range(0.012, 0.024), shade("#2a2a33", darkness * 0.5), "#000000");
        }
        break;
      }
      case "person": {
        const n = count(mention, random, [2, 3]);
        const x = random.range(0.3, 0.7) * width;
        const baseY = random.range(groundTop + (height - groundTop) * 0.5, height * 0.96);
        for (let i = 0; i < n; i++) {
          const y = baseY + random.range(-0.02, 0.02) * height;
          add("person", x + i * width * 0.035, y, height * (0.06 + 0.16 * perspective(y)), shade("#2b2f3a", darkness * 0.6), shade(random.pick<Hex>(["#b33a3a", "#2f5fa8", "#d08a2a"]), darkness));
        }
        break;
      }
      case "flower": {
        const petal = random.pick<Hex>(["#e8455a", "#f2c230", "#f7f0f5", "#9b59d0", "#ff8a3d"]);
        for (let i = 0; i < 60; i++) {
          const baseY = groundY(0.45);
          add("flower", random.range(0, 1) * width, baseY, height * (0.015 + 0.05 * perspective(baseY)), shade("#3f7a34", darkness), shade(random.chance(0.8) ? petal : "#ffffff", darkness));
        }
        break;
      }
      case "lighthouse": {
        const x = (random.chance(0.5) ? random.range(0.08, 0.22) : random.range(0.78, 0.92)) * width;
        const baseY = scene.waterBody ? scene.waterBody.shoreY + (height - scene.waterBody.shoreY) * 0.35 : groundY(0.3);
        add("lighthouse", x, baseY, height * random.range(0.38, 0.48), shade("#f1ede4", darkness * 0.8), shade("#c0392b", darkness * 0.8));
        break;
      }
    }
  }
  // Painter's order: far (small y) first; birds (in the sky) before land.
  return placed.sort((a, b) => (a.kind === "bird" ? -1 : 0) - (b.kind === "bird" ? -1 : 0) || a.baseY - b.baseY);
}

/** A wavy line from left to right at about `y`, for shores and beaches. */
function shoreLine(random: Random, width: number, y: number, wobble: number): Point[] {
  const phase = random.range(0, Math.PI * 2);
  const waves = random.range(1, 2.5);
  return Array.from({ length: 17 }, (_, i) => {
    const x = (i / 16) * width;
    return [x, y + Math.sin(phase + (i / 16) * Math.PI * 2 * waves) * wobble] as const;
  });
}

/**
 * Builds the scene for a prompt. The prompt alone decides what the picture shows (time, weather, season,
 * land, water, subjects, as {@link readPrompt} reads it, and the choices it leaves open); the seed and
 * variation decide the layout (ridges, clouds, positions). Same request → identical scene.
 */
export function buildScene(request: SceneRequest): Scene {
  const { widthPx: width, heightPx: height } = request.size;
  const reading = readPrompt(request.prompt);
  const theme = Random.from("theme", request.prompt);
  const random = Random.from("layout", request.prompt, request.seed, request.variation);
  const choice = decide(reading, theme);
  const darkness = DARKNESS[choice.time];
  const horizonY = height * (choice.land === "city" ? random.range(0.6, 0.68) : random.range(0.52, 0.62));
  const sky = SKY[choice.time].map((color) => weatherTint(color, choice.weather, choice.time)) as Scene["sky"];

  const { subjects: mentions, ...chosen } = choice;
  const scene: Scene = {
    width,
    height,
    ...chosen,
    horizonY,
    sky,
    light: lightFor(choice.time, choice.weather, choice.land === "mountains", width, height, horizonY, random),
    stars: [],
    clouds: [],
    layers: [],
    buildings: [],
    windowSize: Math.max(2, Math.round(width / 220)),
    windowColor: "#ffd27a",
    ground: { far: "#000000", near: "#000000", top: [] },
    subjects: [],
    mist: [],
    mistColor: choice.time === "night" ? "#56627a" : mix("#f2f4f7", sky[2], 0.35),
    darkness,
  };

  if (choice.time === "night" && choice.weather !== "rain" && choice.weather !== "cloudy") {
    scene.stars = Array.from({ length: random.int(90, 160) }, () => ({
      x: random.range(0, width),
      y: random.range(0, horizonY * 0.85) ** 1.1 / (horizonY * 0.85) ** 0.1,
      r: random.range(0.5, 1.6) * (width / 1024),
      opacity: random.range(0.35, 1),
    }));
  }
  scene.clouds = clouds(scene, random);
  scene.layers = landLayers(scene, random);
  scene.buildings = skyline(scene, random);

  const desert = choice.land === "desert";
  const [grassFar, grassNear] = desert
    ? (["#e2bd84", "#c99a5e"] as const)
    : choice.land === "city"
      ? (["#7a7d86", "#44474f"] as const) // streets and squares
      : GRASS[choice.season];
  // The far ground blends into the nearest land layer, so the horizon is not a hard seam.
  const front = scene.layers.at(-1)?.color;
  const groundFar = shade(mix(grassFar, sky[2], 0.25), darkness);
  scene.ground = { far: front ? mix(groundFar, front, 0.35) : groundFar, near: shade(grassNear, darkness), top: [] };

  if (choice.water === "lake" || choice.water === "sea") {
    const shoreY = height * (choice.water === "sea" ? random.range(0.8, 0.88) : random.range(0.78, 0.88));
    const deep: Hex = choice.water === "sea" ? "#0f3b5c" : "#1c4150";
    const glints: Array<{ x: number; y: number; width: number }> = [];
    if (scene.light.visibility > 0.3) {
      for (let y = horizonY + 2; y < shoreY; y += Math.max(3, (y - horizonY) * 0.09)) {
        const spread = scene.light.radius * (1 + ((y - horizonY) / (shoreY - horizonY)) * 2.5);
        glints.push({ x: scene.light.x + random.range(-0.6, 0.6) * spread, y, width: spread * random.range(0.3, 1.1) });
      }
    }
    scene.waterBody = {
      shoreY,
      far: shade(mix(sky[2], deep, 0.25), darkness * 0.6),
      near: shade(mix(sky[0], deep, 0.55), darkness * 0.7),
      shore: shoreLine(random, width, shoreY, height * 0.015),
      glints,
    };
    if (choice.water === "sea") {
      scene.ground = { far: shade("#e8d3a6", darkness), near: shade("#cdb283", darkness), top: scene.waterBody.shore };
    } else {
      scene.ground = { ...scene.ground, top: scene.waterBody.shore };
    }
  } else {
    scene.ground.top = [
      [0, horizonY],
      [width, horizonY],
    ];
    if (choice.water !== "river" && choice.land !== "city") {
      // A gentle rise in the foreground, a shade darker, so open ground has depth.
      const riseY = horizonY + (height - horizonY) * random.range(0.45, 0.65);
      scene.ground.rise = {
        points: ridge(random, width, riseY, (height - horizonY) * 0.12, 0.35, 3),
        color: mix(scene.ground.far, scene.ground.near, 0.75),
      };
    }
  }
  if (choice.water === "river") {
    const bends = random.range(1.2, 2.2);
    const phase = random.range(0, Math.PI * 2);
    const startX = random.range(0.35, 0.65) * width;
    const centre: Array<{ x: number; y: number; width: number }> = [];
    for (let i = 0; i <= 24; i++) {
      const t = i / 24;
      centre.push({
        x: startX + Math.sin(phase + t * Math.PI * bends) * width * 0.18 * t,
        y: horizonY + (height - horizonY) * t,
        width: width * (0.008 + 0.4 * t * t),
      });
    }
    scene.river = {
      points: [...centre.map((c) => [c.x - c.width / 2, c.y] as const), ...centre.map((c) => [c.x + c.width / 2, c.y] as const).reverse()],
      centre,
      far: shade(mix(sky[2], "#2a5870", 0.2), darkness * 0.6),
      near: shade(mix(sky[0], "#1c4150", 0.5), darkness * 0.7),
    };
  }
  if (choice.weather === "misty") {
    scene.mist = Array.from({ length: 4 }, (_, i) => ({
      y: horizonY - height * 0.06 + i * height * random.range(0.03, 0.06),
      height: height * random.range(0.05, 0.1),
      opacity: random.range(0.35, 0.6),
    }));
  }
  if (choice.weather === "rain" || choice.weather === "snow") {
    const snow = choice.weather === "snow";
    scene.precipitation = {
      kind: snow ? "snow" : "rain",
      color: snow ? "#ffffff" : "#c8d2de",
      particles: Array.from({ length: snow ? 260 : 180 }, () => ({
        x: random.range(0, width),
        y: random.range(0, height),
        length: snow ? random.range(1, 3.2) * (width / 1024) : random.range(0.02, 0.05) * height,
      })),
    };
  }
  scene.subjects = subjects(scene, mentions, random);
  return scene;
}

function lightFor(
  time: TimeOfDay,
  weather: Weather,
  mountains: boolean,
  width: number,
  height: number,
  horizonY: number,
  random: Random,
): Scene["light"] {
  const visibility = { clear: 1, cloudy: 0.35, misty: 0.6, rain: 0.15, snow: 0.3 }[weather];
  const x = random.range(0.2, 0.8) * width;
  const radius = Math.min(width, height) * (time === "night" ? 0.035 : 0.045);
  switch (time) {
    case "night":
      return { kind: "moon", x, y: random.range(0.1, 0.3) * height, radius, color: "#f4f1e0", glow: "#9fb4d8", visibility };
    case "day":
      return { kind: "sun", x, y: random.range(0.1, 0.22) * height, radius, color: "#fffbe8", glow: "#fff6c8", visibility };
    default:
      return {
        kind: "sun",
        x,
        // Low in the sky, but above the peaks when there are mountains.
        y: horizonY - (mountains ? random.range(0.4, 0.46) : random.range(0.08, 0.2)) * height,
        radius: radius * 1.25,
        color: time === "dawn" ? "#fff0c0" : "#ffd08a",
        glow: time === "dawn" ? "#ffc98a" : "#ff8c42",
        visibility,
      };
  }
}

const SUBJECT_NAMES: Record<SubjectKind, [one: string, many: string]> = {
  tree: ["a tree", "trees"],
  pine: ["a pine tree", "pine trees"],
  palm: ["a palm tree", "palm trees"],
  house: ["a house", "houses"],
  boat: ["a boat", "boats"],
  bird: ["a bird", "birds"],
  person: ["a person", "people"],
  flower: ["a flower", "flowers"],
  lighthouse: ["a lighthouse", "lighthouses"],
  cactus: ["a cactus", "cacti"],
};

/**
 * One sentence saying what the renderer drew, e.g. "Misty dawn over mountains by a lake, with pine trees and
 * a boat". Returned as `revised_prompt`, so the person sees what the offline renderer understood.
 */
export function describeScene(scene: Scene): string {
  const weather = { clear: "", cloudy: "cloudy ", misty: "misty ", rain: "rainy ", snow: "snowy " }[scene.weather];
  const time = { dawn: "dawn", day: "day", dusk: "dusk", night: "night" }[scene.time];
  const land = { mountains: "mountains", hills: "hills", plain: "open fields", city: "a city skyline", desert: "desert dunes", open: "the open sea" }[
    scene.land
  ];
  const water = { none: "", lake: " by a lake", sea: scene.land === "open" ? "" : " by the sea", river: " with a river" }[scene.water];
  const kinds = [...new Set(scene.subjects.map((subject) => subject.kind))];
  const names = kinds.map((kind) => SUBJECT_NAMES[kind][scene.subjects.filter((s) => s.kind === kind).length > 1 ? 1 : 0]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
  const opening = `${weather}${time}`;
  return `${opening[0]!.toUpperCase()}${opening.slice(1)} over ${land}${water}${list ? `, with ${list}` : ""}`;
}
