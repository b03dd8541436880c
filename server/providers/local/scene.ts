// Composes a landscape scene (sky, light, land, water, subjects) from a prompt reading and a seed; pure.
import { mix, type Hex } from "./color";
import { clouds, landLayers, ridge, shoreLine, skyline, windingBand } from "./landscape";
import { DARKNESS, GRASS, SKY, shade, weatherTint } from "./palette";
import { placeSubjects } from "./placeSubjects";
import { Random } from "./random";
import type { Scene, SceneRequest } from "./sceneTypes";
import { readPrompt, type PromptReading, type SubjectMention } from "./understand";
import type { Land, Season, SubjectKind, TimeOfDay, Water, Weather } from "./vocabulary";

export type { Building, Cloud, LandLayer, Point, Scene, SceneRequest, Subject } from "./sceneTypes";

/** Choices the prompt left open, filled from a generator seeded by the prompt alone (stable across seeds). */
function decide(reading: PromptReading, theme: Random) {
  const subjectKinds = new Set(reading.subjects.map((subject) => subject.kind));
  const time: TimeOfDay = reading.time ?? (theme.chance(0.5) ? "day" : theme.pick<TimeOfDay>(["dawn", "dusk", "dusk", "night", "day"]));
  const weather: Weather = reading.weather ?? (reading.land === "desert" || theme.chance(0.7) ? "clear" : "cloudy");
  const season: Season = reading.season ?? (weather === "snow" ? "winter" : theme.pick<Season>(["summer", "summer", "spring", "autumn"]));
  let water: Water = reading.water ?? "none";
  if (water === "none" && subjectKinds.has("lighthouse")) water = "sea";
  if (water === "none" && subjectKinds.has("boat")) water = "lake";
  if (water === "none" && !reading.land && !reading.features.includes("road") && theme.chance(0.35)) water = "lake";
  const land: Land | "open" = reading.land ?? (water === "sea" ? "open" : theme.pick<Land>(["mountains", "hills", "hills", "plain"]));
  // Nothing named: the usual company of the land (pines on mountains, trees on hills, birds at sea).
  const usual: Record<Land | "open", SubjectKind | undefined> = {
    mountains: "pine",
    hills: "tree",
    plain: "tree",
    city: undefined,
    desert: "cactus",
    open: "bird",
  };
  const fallback = usual[land];
  const subjects: SubjectMention[] =
    reading.subjects.length > 0 ? reading.subjects : fallback && theme.chance(0.8) ? [{ kind: fallback, count: "many" }] : [];
  return { time, weather, season, land, water, subjects, features: reading.features };
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

  const { subjects: mentions, features, ...chosen } = choice;
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
    scene.river = {
      ...windingBand(random, scene, 0.4, 0.18),
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
  if (features.includes("road") && !scene.river && !scene.waterBody && choice.land !== "city") {
    scene.road = { ...windingBand(random, scene, 0.5, 0.1), color: shade("#6d6a66", darkness), line: shade("#e9e4d6", darkness) };
  }
  if (features.includes("rainbow") && choice.time !== "night") {
    const radius = width * random.range(0.35, 0.5);
    scene.rainbow = { x: random.range(0.3, 0.7) * width, y: horizonY + radius * 0.3, radius, band: width * 0.012, opacity: 0.4 };
  }
  scene.subjects = placeSubjects(scene, mentions, random);
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
  horse: ["a horse", "horses"],
  deer: ["a deer", "deer"],
  cow: ["a cow", "cows"],
  sheep: ["a sheep", "sheep"],
  dog: ["a dog", "dogs"],
  cat: ["a cat", "cats"],
  castle: ["a castle", "castles"],
  windmill: ["a windmill", "windmills"],
  tent: ["a tent", "tents"],
  car: ["a car", "cars"],
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
  const names = [
    ...(scene.rainbow ? ["a rainbow"] : []),
    ...(scene.road ? ["a road"] : []),
    ...kinds.map((kind) => SUBJECT_NAMES[kind][scene.subjects.filter((s) => s.kind === kind).length > 1 ? 1 : 0]),
  ];
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
  const opening = `${weather}${time}`;
  return `${opening[0]!.toUpperCase()}${opening.slice(1)} over ${land}${water}${list ? `, with ${list}` : ""}`;
}
