// Small SVG-writing helpers of the local renderer: number formatting, paths, gradients; pure.
import type { Hex } from "./color";
import type { Point } from "./sceneTypes";

/** Rounds to 0.1 px: smaller SVG, same picture. */
export function f(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export function pointsAttr(points: readonly Point[]): string {
  return points.map(([x, y]) => `${f(x)},${f(y)}`).join(" ");
}

/** A path through `points` as a smooth curve (Catmull-Rom converted to cubic Béziers). */
export function smoothPath(points: readonly Point[]): string {
  if (points.length < 3) return `M${points.map(([x, y]) => `${f(x)},${f(y)}`).join(" L")}`;
  let d = `M${f(points[0]![0])},${f(points[0]![1])}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[Math.min(points.length - 1, i + 2)]!;
    const c1: Point = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2: Point = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += ` C${f(c1[0])},${f(c1[1])} ${f(c2[0])},${f(c2[1])} ${f(p2[0])},${f(p2[1])}`;
  }
  return d;
}

/** A closed area under a top edge, down to `bottomY`. */
export function areaPath(top: readonly Point[], bottomY: number, smooth: boolean): string {
  const first = top[0]!;
  const last = top[top.length - 1]!;
  const edge = smooth ? smoothPath(top) : `M${pointsAttr(top).replace(/ /g, " L")}`;
  return `${edge} L${f(last[0])},${f(bottomY)} L${f(first[0])},${f(bottomY)} Z`;
}

/** A vertical gradient from `far` (top) to `near` (bottom); over the shape's box, or from y1 to y2 in pixels. */
export function gradient(id: string, stops: Array<[offset: number, color: Hex]>, pixels?: [y1: number, y2: number]): string {
  const stopTags = stops.map(([offset, color]) => `<stop offset="${offset}" stop-color="${color}"/>`).join("");
  const span = pixels ? `gradientUnits="userSpaceOnUse" x1="0" y1="${f(pixels[0])}" x2="0" y2="${f(pixels[1])}"` : `x1="0" y1="0" x2="0" y2="1"`;
  return `<linearGradient id="${id}" ${span}>${stopTags}</linearGradient>`;
}
