// Places the subjects a prompt names (trees, houses, boats, birds, people, ...) in a scene; pure.
import { mix, type Hex } from "./color";
import { FOLIAGE, shade } from "./palette";
import type { Random } from "./random";
import type { Scene, Subject } from "./sceneTypes";
import type { SubjectMention } from "./understand";
import type { SubjectKind } from "./vocabulary";

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
