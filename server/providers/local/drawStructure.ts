// Draws a structure (castle, windmill, tent, car) standing on its base point; pure.
import { mix } from "./color";
import type { Scene, Subject } from "./sceneTypes";
import { f } from "./svgMarkup";

export type StructureKind = "castle" | "windmill" | "tent" | "car";

/** SVG of one structure `s.size` high on (`s.x`, `s.baseY`); lit windows and lamps when the scene is dark. */
export function drawStructure(kind: StructureKind, s: Subject, scene: Scene): string {
  const { x, baseY: y, size: h, color, accent } = s;
  const lit = scene.darkness > 0.3;
  const dark = mix(color, "#000000", 0.35);
  const rect = (rx: number, ry: number, w: number, rh: number, fill: string) =>
    `<rect x="${f(rx)}" y="${f(ry)}" width="${f(w)}" height="${f(rh)}" fill="${fill}"/>`;
  switch (kind) {
    case "castle": {
      const w = h * 1.6;
      const wallTop = y - h * 0.55;
      const merlons = (left: number, width: number, top: number) =>
        Array.from({ length: 4 }, (_, i) => rect(left + (i * width) / 3.5, top - h * 0.06, width / 7, h * 0.06, color)).join("");
      const tower = (tx: number) =>
        rect(tx - h * 0.16, y - h * 0.85, h * 0.32, h * 0.85, color) +
        merlons(tx - h * 0.16, h * 0.32, y - h * 0.85) +
        rect(tx - h * 0.03, y - h * 0.7, h * 0.06, h * 0.1, lit ? scene.windowColor : dark);
      return (
        rect(x - w / 2, wallTop, w, h * 0.55, color) +
        merlons(x - w / 2, w, wallTop) +
        tower(x - w / 2) +
        tower(x + w / 2) +
        rect(x - h * 0.1, y - h, h * 0.2, h, mix(color, "#ffffff", 0.08)) +
        `<line x1="${f(x)}" y1="${f(y - h)}" x2="${f(x)}" y2="${f(y - h * 1.25)}" stroke="${dark}" stroke-width="${f(Math.max(1, h * 0.015))}"/>` +
        `<polygon points="${f(x)},${f(y - h * 1.25)} ${f(x + h * 0.16)},${f(y - h * 1.2)} ${f(x)},${f(y - h * 1.15)}" fill="${accent}"/>` +
        `<path d="M${f(x - h * 0.12)},${f(y)} v${f(-h * 0.18)} a${f(h * 0.12)},${f(h * 0.12)} 0 0 1 ${f(h * 0.24)},0 v${f(h * 0.18)} Z" fill="${dark}"/>`
      );
    }
    case "windmill": {
      const hubY = y - h * 0.78;
      const blade = (angle: number) =>
        `<rect x="${f(x - h * 0.035)}" y="${f(hubY - h * 0.5)}" width="${f(h * 0.07)}" height="${f(h * 0.48)}" fill="${accent}" fill-opacity="0.9" transform="rotate(${angle} ${f(x)} ${f(hubY)})"/>`;
      const turn = (s.flip ? 20 : 50) + (x % 30);
      return (
        `<polygon points="${f(x - h * 0.15)},${f(y)} ${f(x + h * 0.15)},${f(y)} ${f(x + h * 0.09)},${f(hubY)} ${f(x - h * 0.09)},${f(hubY)}" fill="${color}"/>` +
        `<polygon points="${f(x - h * 0.12)},${f(hubY)} ${f(x + h * 0.12)},${f(hubY)} ${f(x)},${f(hubY - h * 0.12)}" fill="${dark}"/>` +
        rect(x - h * 0.04, y - h * 0.16, h * 0.08, h * 0.16, dark) +
        [0, 90, 180, 270].map((a) => blade(a + turn)).join("") +
        `<circle cx="${f(x)}" cy="${f(hubY)}" r="${f(h * 0.03)}" fill="${dark}"/>`
      );
    }
    case "tent": {
      const w = h * 1.5;
      return (
        `<polygon points="${f(x - w / 2)},${f(y)} ${f(x + w / 2)},${f(y)} ${f(x)},${f(y - h)}" fill="${color}"/>` +
        `<polygon points="${f(x - w * 0.15)},${f(y)} ${f(x + w * 0.15)},${f(y)} ${f(x)},${f(y - h * 0.55)}" fill="${lit ? scene.windowColor : accent}"/>` +
        `<line x1="${f(x)}" y1="${f(y - h)}" x2="${f(x)}" y2="${f(y - h * 1.12)}" stroke="${accent}" stroke-width="${f(Math.max(1, h * 0.03))}"/>`
      );
    }
    case "car": {
      const w = h * 2.4;
      const wheel = (wx: number) =>
        `<circle cx="${f(wx)}" cy="${f(y - h * 0.18)}" r="${f(h * 0.18)}" fill="#1f1f22"/><circle cx="${f(wx)}" cy="${f(y - h * 0.18)}" r="${f(h * 0.07)}" fill="#9a9a9a"/>`;
      const lamp = lit ? `<circle cx="${f(x + w / 2 - h * 0.05)}" cy="${f(y - h * 0.42)}" r="${f(h * 0.07)}" fill="${scene.windowColor}"/>` : "";
      return (
        `<path d="M${f(x - w * 0.28)},${f(y - h * 0.55)} L${f(x - w * 0.16)},${f(y - h)} L${f(x + w * 0.14)},${f(y - h)} L${f(x + w * 0.28)},${f(y - h * 0.55)} Z" fill="${color}"/>` +
        `<path d="M${f(x - w * 0.22)},${f(y - h * 0.58)} L${f(x - w * 0.13)},${f(y - h * 0.92)} L${f(x + w * 0.12)},${f(y - h * 0.92)} L${f(x + w * 0.22)},${f(y - h * 0.58)} Z" fill="${accent}"/>` +
        `<rect x="${f(x - w / 2)}" y="${f(y - h * 0.6)}" width="${f(w)}" height="${f(h * 0.42)}" rx="${f(h * 0.1)}" fill="${color}"/>` +
        lamp +
        wheel(x - w * 0.3) +
        wheel(x + w * 0.3)
      );
    }
  }
}
