// Draws an animal (horse, deer, cow, sheep, dog, cat) as a side-view silhouette facing right; pure.
import { mix, type Hex } from "./color";
import type { Subject } from "./sceneTypes";
import { f } from "./svgMarkup";

export type AnimalKind = "horse" | "deer" | "cow" | "sheep" | "dog" | "cat";

/** Proportions, as fractions of the animal's height `h` (ground to the top of its head). */
interface Build {
  bodyWidth: number;
  bodyHeight: number;
  legHeight: number;
  headSize: number;
  /** How far the head sits ahead of the body's front. */
  headForward: number;
  /** Tail: `down` (hangs) or `up` (raised). */
  tail: "down" | "up";
}

const BUILDS: Record<AnimalKind, Build> = {
  horse: { bodyWidth: 0.8, bodyHeight: 0.3, legHeight: 0.42, headSize: 0.1, headForward: 0.12, tail: "down" },
  deer: { bodyWidth: 0.62, bodyHeight: 0.24, legHeight: 0.46, headSize: 0.08, headForward: 0.08, tail: "up" },
  cow: { bodyWidth: 0.9, bodyHeight: 0.38, legHeight: 0.32, headSize: 0.11, headForward: 0.1, tail: "down" },
  sheep: { bodyWidth: 0.85, bodyHeight: 0.45, legHeight: 0.25, headSize: 0.13, headForward: 0.05, tail: "down" },
  dog: { bodyWidth: 0.85, bodyHeight: 0.3, legHeight: 0.36, headSize: 0.14, headForward: 0.08, tail: "up" },
  cat: { bodyWidth: 0.8, bodyHeight: 0.3, legHeight: 0.3, headSize: 0.15, headForward: 0.02, tail: "up" },
};

/** SVG of one animal standing on its base point (`s.x`, `s.baseY`), `s.size` high, facing right. */
export function drawAnimal(kind: AnimalKind, s: Subject): string {
  const { x, baseY: y, size: h, color, accent } = s;
  const b = BUILDS[kind];
  const bodyW = b.bodyWidth * h;
  const bodyH = b.bodyHeight * h;
  const bodyY = y - b.legHeight * h - bodyH * 0.35; // centre of the body
  const legW = Math.max(1, h * 0.06);
  const far = mix(color, "#000000", 0.25);
  const headR = b.headSize * h;
  const headX = x + bodyW / 2 + b.headForward * h;
  const headY = y - h + headR;
  const parts: string[] = [];
  const leg = (lx: number, fill: Hex) => `<rect x="${f(lx - legW / 2)}" y="${f(bodyY)}" width="${f(legW)}" height="${f(y - bodyY)}" fill="${fill}"/>`;
  const legColor = kind === "sheep" ? accent : color;
  // Far legs first, a shade darker, then the tail, body, near legs, neck and head.
  parts.push(leg(x - bodyW * 0.28, kind === "sheep" ? accent : far), leg(x + bodyW * 0.32, kind === "sheep" ? accent : far));
  const tailX = x - bodyW / 2;
  const tailY = bodyY - bodyH * 0.25;
  parts.push(
    b.tail === "down"
      ? `<path d="M${f(tailX)},${f(tailY)} q${f(-h * 0.08)},${f(h * 0.12)} ${f(-h * 0.04)},${f(h * 0.3)}" stroke="${kind === "horse" ? accent : color}" stroke-width="${f(legW)}" fill="none" stroke-linecap="round"/>`
      : `<path d="M${f(tailX)},${f(tailY)} q${f(-h * 0.15)},${f(-h * 0.05)} ${f(-h * 0.1)},${f(-h * 0.25)}" stroke="${color}" stroke-width="${f(legW * 0.9)}" fill="none" stroke-linecap="round"/>`,
  );
  if (kind === "sheep") {
    for (const [dx, dy, r] of [
      [-0.3, 0, 0.22],
      [0, -0.1, 0.25],
      [0.3, 0, 0.22],
      [-0.12, 0.1, 0.22],
      [0.15, 0.1, 0.22],
    ] as const) {
      parts.push(`<circle cx="${f(x + dx * bodyW)}" cy="${f(bodyY + dy * bodyH)}" r="${f(r * bodyW)}" fill="${color}"/>`);
    }
  } else {
    parts.push(`<ellipse cx="${f(x)}" cy="${f(bodyY)}" rx="${f(bodyW / 2)}" ry="${f(bodyH / 2)}" fill="${color}"/>`);
  }
  if (kind === "cow") {
    parts.push(
      `<ellipse cx="${f(x - bodyW * 0.15)}" cy="${f(bodyY - bodyH * 0.1)}" rx="${f(bodyW * 0.14)}" ry="${f(bodyH * 0.25)}" fill="${accent}"/>`,
      `<ellipse cx="${f(x + bodyW * 0.2)}" cy="${f(bodyY + bodyH * 0.1)}" rx="${f(bodyW * 0.1)}" ry="${f(bodyH * 0.2)}" fill="${accent}"/>`,
    );
  }
  parts.push(leg(x - bodyW * 0.36, legColor), leg(x + bodyW * 0.4, legColor));
  // Neck: a thick stroke from the body's front to the head.
  parts.push(
    `<line x1="${f(x + bodyW * 0.35)}" y1="${f(bodyY)}" x2="${f(headX - headR * 0.3)}" y2="${f(headY + headR * 0.3)}" stroke="${kind === "sheep" ? accent : color}" stroke-width="${f(headR * 1.3)}" stroke-linecap="round"/>`,
  );
  if (kind === "horse") {
    parts.push(
      `<line x1="${f(x + bodyW * 0.3)}" y1="${f(bodyY - bodyH * 0.45)}" x2="${f(headX - headR * 0.8)}" y2="${f(headY - headR * 0.5)}" stroke="${accent}" stroke-width="${f(legW)}" stroke-linecap="round"/>`,
    );
  }
  const headFill = kind === "sheep" ? accent : color;
  parts.push(
    `<ellipse cx="${f(headX)}" cy="${f(headY)}" rx="${f(headR * (kind === "cat" || kind === "sheep" ? 1 : 1.35))}" ry="${f(headR)}" fill="${headFill}"/>`,
  );
  // Ears (and antlers for deer).
  const ear = (ex: number) =>
    `<polygon points="${f(ex - headR * 0.3)},${f(headY - headR * 0.6)} ${f(ex + headR * 0.3)},${f(headY - headR * 0.6)} ${f(ex)},${f(headY - headR * 1.5)}" fill="${headFill}"/>`;
  parts.push(ear(headX - headR * 0.45), ear(headX + headR * 0.25));
  if (kind === "deer") {
    const antler = (ax: number, lean: number) =>
      `<path d="M${f(ax)},${f(headY - headR)} l${f(lean * h * 0.08)},${f(-h * 0.2)} M${f(ax + lean * h * 0.04)},${f(headY - headR - h * 0.1)} l${f(lean * h * 0.07)},${f(-h * 0.05)}" stroke="${accent}" stroke-width="${f(Math.max(1, h * 0.02))}" fill="none" stroke-linecap="round"/>`;
    parts.push(antler(headX - headR * 0.3, -1), antler(headX + headR * 0.2, 1));
  }
  if (kind === "cat") {
    parts.push(`<circle cx="${f(headX + headR * 0.35)}" cy="${f(headY - headR * 0.1)}" r="${f(Math.max(0.8, headR * 0.14))}" fill="${accent}"/>`);
  }
  return parts.join("");
}
