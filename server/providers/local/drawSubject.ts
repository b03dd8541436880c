// Draws one subject (tree, house, boat, bird, person, ...) as SVG around its base point; pure.
import { mix, type Hex } from "./color";
import type { Scene, Subject } from "./sceneTypes";
import { drawAnimal } from "./drawAnimal";
import { drawStructure } from "./drawStructure";
import { f } from "./svgMarkup";

/** Subjects never mirrored (the lighthouse beam and the castle flag point one way on purpose). */
const UNFLIPPED = new Set<Subject["kind"]>(["lighthouse", "castle"]);

/** SVG of one subject, drawn around its base point and mirrored when `flip`. */
export function drawSubject(s: Subject, scene: Scene): string {
  const { x, baseY: y, size: h, color, accent } = s;
  const lit = scene.darkness > 0.3;
  let body: string;
  switch (s.kind) {
    case "horse":
    case "deer":
    case "cow":
    case "sheep":
    case "dog":
    case "cat":
      body = drawAnimal(s.kind, s);
      break;
    case "castle":
    case "windmill":
    case "tent":
    case "car":
      body = drawStructure(s.kind, s, scene);
      break;
    case "pine": {
      const tiers = [0, 1, 2].map((i) => {
        const bottom = y - h * (0.12 + i * 0.24);
        const half = h * (0.27 - i * 0.06);
        return `${f(x - half)},${f(bottom)} ${f(x + half)},${f(bottom)} ${f(x)},${f(bottom - h * (0.5 - i * 0.06))}`;
      });
      body =
        `<rect x="${f(x - h * 0.035)}" y="${f(y - h * 0.16)}" width="${f(h * 0.07)}" height="${f(h * 0.16)}" fill="${accent}"/>` +
        tiers.map((points) => `<polygon points="${points}" fill="${color}"/>`).join("");
      break;
    }
    case "tree": {
      const light = mix(color, "#fff6d0", 0.18);
      body =
        `<path d="M${f(x - h * 0.05)},${f(y)} L${f(x - h * 0.03)},${f(y - h * 0.55)} L${f(x + h * 0.03)},${f(y - h * 0.55)} L${f(x + h * 0.05)},${f(y)} Z" fill="${accent}"/>` +
        `<circle cx="${f(x - h * 0.18)}" cy="${f(y - h * 0.55)}" r="${f(h * 0.22)}" fill="${color}"/>` +
        `<circle cx="${f(x + h * 0.18)}" cy="${f(y - h * 0.58)}" r="${f(h * 0.21)}" fill="${color}"/>` +
        `<circle cx="${f(x)}" cy="${f(y - h * 0.75)}" r="${f(h * 0.25)}" fill="${color}"/>` +
        `<circle cx="${f(x - h * 0.07)}" cy="${f(y - h * 0.82)}" r="${f(h * 0.13)}" fill="${light}" fill-opacity="0.6"/>`;
      break;
    }
    case "palm": {
      const topX = x + h * 0.18;
      const topY = y - h;
      const leaves = [-160, -125, -90, -55, -20, 20]
        .map(
          (angle) =>
            `<ellipse cx="${f(topX + h * 0.2)}" cy="${f(topY)}" rx="${f(h * 0.22)}" ry="${f(h * 0.045)}" fill="${color}" transform="rotate(${angle + 180} ${f(topX)} ${f(topY)})"/>`,
        )
        .join("");
      body = `<path d="M${f(x)},${f(y)} Q${f(x + h * 0.02)},${f(y - h * 0.6)} ${f(topX)},${f(topY)}" stroke="${accent}" stroke-width="${f(h * 0.05)}" fill="none"/>${leaves}`;
      break;
    }
    case "house": {
      const w = h * 1.1;
      const wall = y - h * 0.55;
      const window = lit ? scene.windowColor : mix(color, "#9fc2d8", 0.6);
      body =
        `<rect x="${f(x + w * 0.22)}" y="${f(y - h * 0.98)}" width="${f(w * 0.09)}" height="${f(h * 0.3)}" fill="${accent}"/>` +
        `<rect x="${f(x - w / 2)}" y="${f(wall)}" width="${f(w)}" height="${f(h * 0.55)}" fill="${color}"/>` +
        `<polygon points="${f(x - w * 0.58)},${f(wall)} ${f(x + w * 0.58)},${f(wall)} ${f(x)},${f(y - h)}" fill="${accent}"/>` +
        `<rect x="${f(x - w * 0.08)}" y="${f(y - h * 0.3)}" width="${f(w * 0.16)}" height="${f(h * 0.3)}" fill="${mix(accent, "#000000", 0.3)}"/>` +
        `<rect x="${f(x - w * 0.38)}" y="${f(y - h * 0.42)}" width="${f(w * 0.18)}" height="${f(h * 0.16)}" fill="${window}"/>` +
        `<rect x="${f(x + w * 0.2)}" y="${f(y - h * 0.42)}" width="${f(w * 0.18)}" height="${f(h * 0.16)}" fill="${window}"/>`;
      break;
    }
    case "boat": {
      const w = h * 0.95;
      const hull = `${f(x - w / 2)},${f(y - h * 0.14)} ${f(x + w / 2)},${f(y - h * 0.14)} ${f(x + w * 0.36)},${f(y)} ${f(x - w * 0.36)},${f(y)}`;
      const boat =
        `<polygon points="${hull}" fill="${color}"/>` +
        `<line x1="${f(x)}" y1="${f(y - h * 0.14)}" x2="${f(x)}" y2="${f(y - h)}" stroke="${color}" stroke-width="${f(Math.max(1, h * 0.02))}"/>` +
        `<polygon points="${f(x + h * 0.02)},${f(y - h * 0.96)} ${f(x + h * 0.02)},${f(y - h * 0.2)} ${f(x + w * 0.42)},${f(y - h * 0.2)}" fill="${accent}"/>` +
        `<polygon points="${f(x - h * 0.02)},${f(y - h * 0.8)} ${f(x - h * 0.02)},${f(y - h * 0.2)} ${f(x - w * 0.3)},${f(y - h * 0.2)}" fill="${mix(accent, color, 0.15)}"/>`;
      body = `${boat}<g opacity="0.25" transform="translate(0 ${f(2 * y)}) scale(1 -1)">${boat}</g>`;
      break;
    }
    case "cactus": {
      // A saguaro: a rounded trunk and two bent arms.
      const arm = (side: number, from: number, up: number) =>
        `<path d="M${f(x)},${f(y - h * from)} h${f(side * h * 0.22)} v${f(-h * up)}" stroke="${color}" stroke-width="${f(h * 0.1)}" stroke-linecap="round" stroke-linejoin="round" fill="none"/>`;
      body =
        arm(-1, 0.45, 0.25) +
        arm(1, 0.6, 0.22) +
        `<rect x="${f(x - h * 0.07)}" y="${f(y - h)}" width="${f(h * 0.14)}" height="${f(h)}" rx="${f(h * 0.07)}" fill="${color}"/>` +
        `<rect x="${f(x - h * 0.02)}" y="${f(y - h * 0.95)}" width="${f(h * 0.025)}" height="${f(h * 0.9)}" fill="${mix(color, "#ffffff", 0.2)}" fill-opacity="0.5"/>`;
      break;
    }
    case "bird":
      body = `<path d="M${f(x - h)},${f(y)} Q${f(x - h / 2)},${f(y - h * 0.6)} ${f(x)},${f(y)} Q${f(x + h / 2)},${f(y - h * 0.6)} ${f(x + h)},${f(y)}" stroke="${color}" stroke-width="${f(Math.max(1, h * 0.14))}" fill="none" stroke-linecap="round"/>`;
      break;
    case "person":
      body =
        `<rect x="${f(x - h * 0.09)}" y="${f(y - h * 0.42)}" width="${f(h * 0.07)}" height="${f(h * 0.42)}" fill="${color}"/>` +
        `<rect x="${f(x + h * 0.02)}" y="${f(y - h * 0.42)}" width="${f(h * 0.07)}" height="${f(h * 0.42)}" fill="${color}"/>` +
        `<path d="M${f(x - h * 0.12)},${f(y - h * 0.8)} L${f(x + h * 0.12)},${f(y - h * 0.8)} L${f(x + h * 0.16)},${f(y - h * 0.36)} L${f(x - h * 0.16)},${f(y - h * 0.36)} Z" fill="${accent}"/>` +
        `<circle cx="${f(x)}" cy="${f(y - h * 0.9)}" r="${f(h * 0.095)}" fill="${color}"/>`;
      break;
    case "flower":
      body =
        `<line x1="${f(x)}" y1="${f(y)}" x2="${f(x)}" y2="${f(y - h)}" stroke="${color}" stroke-width="${f(Math.max(1, h * 0.08))}"/>` +
        `<circle cx="${f(x)}" cy="${f(y - h)}" r="${f(h * 0.22)}" fill="${accent}"/>` +
        `<circle cx="${f(x)}" cy="${f(y - h)}" r="${f(h * 0.08)}" fill="#f2c230"/>`;
      break;
    case "lighthouse": {
      const half = (t: number) => h * (0.11 - 0.04 * t); // t: 0 at the base, 1 at the gallery
      const band = (t0: number, t1: number, fill: Hex) =>
        `<polygon points="${f(x - half(t0))},${f(y - h * 0.75 * t0)} ${f(x + half(t0))},${f(y - h * 0.75 * t0)} ${f(x + half(t1))},${f(y - h * 0.75 * t1)} ${f(x - half(t1))},${f(y - h * 0.75 * t1)}" fill="${fill}"/>`;
      const lampY = y - h * 0.83;
      const beam = lit
        ? `<linearGradient id="beam" gradientUnits="userSpaceOnUse" x1="${f(x)}" y1="0" x2="${f(x - scene.width * 0.5)}" y2="0"><stop offset="0" stop-color="#fff3b0" stop-opacity="0.55"/><stop offset="1" stop-color="#fff3b0" stop-opacity="0"/></linearGradient>` +
          `<polygon points="${f(x)},${f(lampY)} ${f(x - scene.width * 0.5)},${f(lampY - h * 0.12)} ${f(x - scene.width * 0.5)},${f(lampY + h * 0.08)}" fill="url(#beam)"/>`
        : "";
      body =
        beam +
        `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(h * 0.22)}" ry="${f(h * 0.05)}" fill="${mix(color, "#3b3f46", 0.75)}"/>` +
        [0, 1, 2, 3, 4].map((i) => band(i / 5, (i + 1) / 5, i % 2 === 0 ? color : accent)).join("") +
        `<rect x="${f(x - h * 0.09)}" y="${f(y - h * 0.77)}" width="${f(h * 0.18)}" height="${f(h * 0.025)}" fill="#2f3540"/>` +
        `<rect x="${f(x - h * 0.05)}" y="${f(y - h * 0.88)}" width="${f(h * 0.1)}" height="${f(h * 0.11)}" fill="${lit ? "#fff3b0" : "#cfe3ea"}"/>` +
        `<polygon points="${f(x - h * 0.075)},${f(y - h * 0.88)} ${f(x + h * 0.075)},${f(y - h * 0.88)} ${f(x)},${f(y - h * 0.96)}" fill="#2f3540"/>`;
      break;
    }
  }
  return s.flip && !UNFLIPPED.has(s.kind) ? `<g transform="translate(${f(2 * x)} 0) scale(-1 1)">${body}</g>` : body;
}
