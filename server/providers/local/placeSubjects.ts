// Places the subjects a prompt names (trees, houses, boats, birds, people, ...) in a scene; pure.
import { mix, type Hex } from "./color";
import { FOLIAGE, shade } from "./palette";
import type { Random } from "./random";
import type { Scene, Subject } from "./sceneTypes";
import type { SubjectMention } from "./understand";
import type { SubjectKind } from "./vocabulary";

/** Subjects that simply stand on the ground: how many a plural means, how near (0 far .. 1 front), where across, size (base + perspective share of the height), colours. */
const STANDING: Record<
  "house" | "windmill" | "tent",
  { many: [number, number]; near: number; across: [number, number]; size: [number, number]; colors: Hex[]; accent: Hex }
> = {
  house: {
    many: [2, 4],
    near: 0.05,
    across: [0.1, 0.9],
    size: [0.07, 0.18],
    colors: ["#c9b79c", "#b5643c", "#e4dccb", "#8a6f55"],
    accent: "#7a2f24",
  },
  windmill: { many: [2, 3], near: 0.1, across: [0.15, 0.85], size: [0.12, 0.3], colors: ["#e8e0cf"], accent: "#5b4a3a" },
  tent: { many: [2, 3], near: 0.3, across: [0.2, 0.8], size: [0.04, 0.12], colors: ["#e07b2a", "#3f8f5a", "#c9412f", "#e8c547"], accent: "#3a2a20" },
};

function count(mention: SubjectMention, random: Random, many: [number, number]): number {
  if (typeof mention.count === "number") return Math.max(1, Math.min(mention.count, 12));
  return mention.count === "many" ? random.int(many[0], many[1]) : 1;
}

/** Places the subjects; `area` is where land subjects may stand (y range), `waterArea` where boats float. */
export function placeSubjects(scene: Scene, mentions: readonly SubjectMention[], random: Random): Subject[] {
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
            add(
              "pine",
              x,
              horizonY + height * 0.004,
              height * random.range(0.03, 0.055),
              shade(mix("#1f4a2c", scene.sky[2], 0.35), darkness),
              shade("#3d3326", darkness),
            );
          }
        }
        break;
      }
      case "house":
      case "windmill":
      case "tent": {
        const look = STANDING[mention.kind];
        const n = count(mention, random, look.many);
        for (let i = 0; i < n; i++) {
          const baseY = groundY(look.near);
          const size = height * (look.size[0] + look.size[1] * perspective(baseY));
          add(
            mention.kind,
            random.range(look.across[0], look.across[1]) * width,
            baseY,
            size,
            shade(random.pick(look.colors), darkness),
            shade(look.accent, darkness),
          );
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
          add(
            "bird",
            cx + random.range(-0.18, 0.18) * width,
            cy + random.range(-0.12, 0.12) * horizonY,
            height * random.range(0.012, 0.024),
            shade("#2a2a33", darkness * 0.5),
            "#000000",
          );
        }
        break;
      }
      case "person": {
        const n = count(mention, random, [2, 3]);
        const x = random.range(0.3, 0.7) * width;
        const baseY = random.range(groundTop + (height - groundTop) * 0.5, height * 0.96);
        for (let i = 0; i < n; i++) {
          const y = baseY + random.range(-0.02, 0.02) * height;
          add(
            "person",
            x + i * width * 0.035,
            y,
            height * (0.06 + 0.16 * perspective(y)),
            shade("#2b2f3a", darkness * 0.6),
            shade(random.pick<Hex>(["#b33a3a", "#2f5fa8", "#d08a2a"]), darkness),
          );
        }
        break;
      }
      case "flower": {
        const petal = random.pick<Hex>(["#e8455a", "#f2c230", "#f7f0f5", "#9b59d0", "#ff8a3d"]);
        for (let i = 0; i < 60; i++) {
          const baseY = groundY(0.45);
          add(
            "flower",
            random.range(0, 1) * width,
            baseY,
            height * (0.015 + 0.05 * perspective(baseY)),
            shade("#3f7a34", darkness),
            shade(random.chance(0.8) ? petal : "#ffffff", darkness),
          );
        }
        break;
      }
      case "horse":
      case "deer":
      case "cow":
      case "sheep":
      case "dog":
      case "cat": {
        const kind = mention.kind;
        const n = count(mention, random, kind === "sheep" ? [5, 9] : [2, 4]);
        const look: Record<typeof kind, [size: number, color: Hex, accent: Hex]> = {
          horse: [0.16, "#6b4226", "#2e1c10"],
          deer: [0.15, "#8b5a2b", "#d9c3a0"],
          cow: [0.13, "#f2efe8", "#2b2b2b"],
          sheep: [0.08, "#f4f1ea", "#2e2e2e"],
          dog: [0.12, "#a0703c", "#5a3b1c"],
          cat: [0.09, "#4a4a4a", "#e8c07a"],
        };
        const [relative, color, accent] = look[kind];
        const cx = random.range(0.25, 0.75) * width;
        for (let i = 0; i < n; i++) {
          // A single animal (and pets always) stands in the foreground, where it can be seen.
          const near = n === 1 || kind === "dog" || kind === "cat";
          const baseY = near ? random.range(groundTop + (height - groundTop) * 0.55, height * 0.95) : groundY(0.2);
          const x = n === 1 ? cx : cx + random.range(-0.25, 0.25) * width;
          add(kind, x, baseY, height * relative * (0.35 + 0.9 * perspective(baseY)), shade(color, darkness), shade(accent, darkness));
        }
        break;
      }
      case "castle": {
        const baseY = groundTop + (height - groundTop) * random.range(0.02, 0.12);
        add(
          "castle",
          random.range(0.3, 0.7) * width,
          baseY,
          height * random.range(0.16, 0.22),
          shade(mix("#9a968c", scene.sky[2], 0.2), darkness),
          shade("#b8372e", darkness),
        );
        break;
      }
      case "car": {
        const n = count(mention, random, [2, 3]);
        for (let i = 0; i < n; i++) {
          let baseY = groundY(0.4);
          let x = random.range(0.2, 0.8) * width;
          if (scene.road) {
            // On the road, facing along it.
            const at = scene.road.centre[random.int(12, 22)]!;
            baseY = at.y;
            x = at.x + random.range(-0.2, 0.2) * at.width;
          }
          add(
            "car",
            x,
            baseY,
            height * (0.03 + 0.09 * perspective(baseY)),
            shade(random.pick<Hex>(["#c0392b", "#2e6fb5", "#f2f2f2", "#2b2b2b", "#e6b422"]), darkness),
            shade("#9fc2d8", darkness),
          );
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
