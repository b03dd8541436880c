// Draws a Scene as an SVG document of exactly the scene's pixel size (no text, no fonts); pure.
import { mix, type Hex } from "./color";
import type { LandLayer, Point, Scene, Subject } from "./scene";

/** Rounds to 0.1 px: smaller SVG, same picture. */
function f(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function pointsAttr(points: readonly Point[]): string {
  return points.map(([x, y]) => `${f(x)},${f(y)}`).join(" ");
}

/** A path through `points` as a smooth curve (Catmull-Rom converted to cubic Béziers). */
function smoothPath(points: readonly Point[]): string {
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
function areaPath(top: readonly Point[], bottomY: number, smooth: boolean): string {
  const first = top[0]!;
  const last = top[top.length - 1]!;
  const edge = smooth ? smoothPath(top) : `M${pointsAttr(top).replace(/ /g, " L")}`;
  return `${edge} L${f(last[0])},${f(bottomY)} L${f(first[0])},${f(bottomY)} Z`;
}

/** A vertical gradient from `far` (top) to `near` (bottom); over the shape's box, or from y1 to y2 in pixels. */
function gradient(id: string, stops: Array<[offset: number, color: Hex]>, pixels?: [y1: number, y2: number]): string {
  const stopTags = stops.map(([offset, color]) => `<stop offset="${offset}" stop-color="${color}"/>`).join("");
  const span = pixels ? `gradientUnits="userSpaceOnUse" x1="0" y1="${f(pixels[0])}" x2="0" y2="${f(pixels[1])}"` : `x1="0" y1="0" x2="0" y2="1"`;
  return `<linearGradient id="${id}" ${span}>${stopTags}</linearGradient>`;
}

function landLayer(layer: LandLayer, index: number, bottomY: number): string {
  const d = areaPath(layer.points, bottomY, layer.smooth);
  let svg = `<path d="${d}" fill="${layer.color}"/>`;
  if (layer.snowLine !== undefined) {
    // Snow: the layer clipped to a band above a wavy snow line.
    const top = Math.min(...layer.points.map((point) => point[1])) - 2;
    const depth = layer.snowLine - top;
    const line = layer.points.map(([x], i) => [x, layer.snowLine! + (Math.sin(i * 0.37) + Math.sin(i * 0.93) * 0.5) * depth * 0.12] as const);
    svg +=
      `<clipPath id="land${index}"><path d="${d}"/></clipPath>` +
      `<path clip-path="url(#land${index})" fill="${mix(layer.color, "#f4f7fb", 0.75)}" d="M${f(line[0]![0])},${f(top)} L${pointsAttr(line).replace(/ /g, " L")} L${f(line[line.length - 1]![0])},${f(top)} Z"/>`;
  }
  return svg;
}

/** SVG of one subject, drawn around its base point and mirrored when `flip`. */
function subject(s: Subject, scene: Scene): string {
  const { x, baseY: y, size: h, color, accent } = s;
  const lit = scene.darkness > 0.3;
  let body: string;
  switch (s.kind) {
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
        .map((angle) => `<ellipse cx="${f(topX + h * 0.2)}" cy="${f(topY)}" rx="${f(h * 0.22)}" ry="${f(h * 0.045)}" fill="${color}" transform="rotate(${angle + 180} ${f(topX)} ${f(topY)})"/>`)
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
  return s.flip && s.kind !== "lighthouse" ? `<g transform="translate(${f(2 * x)} 0) scale(-1 1)">${body}</g>` : body;
}

/**
 * The SVG markup of `scene`: `width`×`height` pixels, viewBox in pixels, no external references, no text.
 * Painter's order: sky, stars, light, clouds, land, skyline, water and reflections, ground, river, mist,
 * subjects (far to near), rain or snow, vignette. No filters, and leaf shapes use `fill-opacity` rather than
 * `opacity`: librsvg renders every filtered or `opacity` element through its own offscreen surface, and
 * hundreds of them (stars, windows) or one blur (clouds, mist) cost seconds at 1536×1024.
 */
export function sceneToSvg(scene: Scene): string {
  const { width: w, height: h, horizonY, sky, light } = scene;
  const defs = [
    gradient("sky", [
      [0, sky[0]],
      [0.55, sky[1]],
      [1, sky[2]],
    ]),
    `<radialGradient id="glow"><stop offset="0" stop-color="${light.glow}" stop-opacity="0.85"/><stop offset="0.25" stop-color="${light.glow}" stop-opacity="0.35"/><stop offset="1" stop-color="${light.glow}" stop-opacity="0"/></radialGradient>`,
    `<radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.6" stop-color="#000000" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="0.35"/></radialGradient>`,
    // Soft edges without filters (blur filters cost seconds in librsvg at these sizes): fading gradients.
    `<linearGradient id="band" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${scene.mistColor}" stop-opacity="0"/><stop offset="0.5" stop-color="${scene.mistColor}" stop-opacity="1"/><stop offset="1" stop-color="${scene.mistColor}" stop-opacity="0"/></linearGradient>`,
  ];
  const parts: string[] = [];
  parts.push(`<rect width="${w}" height="${f(horizonY + 2)}" fill="url(#sky)"/>`);
  for (const star of scene.stars) {
    parts.push(`<circle cx="${f(star.x)}" cy="${f(star.y)}" r="${f(star.r)}" fill="#ffffff" fill-opacity="${f(star.opacity)}"/>`);
  }
  const lightSvg =
    `<circle cx="${f(light.x)}" cy="${f(light.y)}" r="${f(light.radius * 7)}" fill="url(#glow)" fill-opacity="${f(0.4 + 0.6 * light.visibility)}"/>` +
    `<circle cx="${f(light.x)}" cy="${f(light.y)}" r="${f(light.radius)}" fill="${light.color}" fill-opacity="${f(Math.min(1, light.visibility * 1.2))}"/>` +
    (light.kind === "moon"
      ? `<circle cx="${f(light.x - light.radius * 0.3)}" cy="${f(light.y - light.radius * 0.2)}" r="${f(light.radius * 0.22)}" fill="#d9d5c3" fill-opacity="${f(light.visibility * 0.7)}"/>` +
        `<circle cx="${f(light.x + light.radius * 0.35)}" cy="${f(light.y + light.radius * 0.3)}" r="${f(light.radius * 0.15)}" fill="#d9d5c3" fill-opacity="${f(light.visibility * 0.7)}"/>`
      : "");
  parts.push(lightSvg);
  scene.clouds.forEach((cloud, i) => {
    // Each cloud: a shade layer below, the lit layer on top; puffs fade out at their rims.
    defs.push(
      `<radialGradient id="cloud${i}"><stop offset="0.5" stop-color="${cloud.color}"/><stop offset="1" stop-color="${cloud.color}" stop-opacity="0"/></radialGradient>` +
        `<radialGradient id="cloudShade${i}"><stop offset="0.5" stop-color="${cloud.shade}"/><stop offset="1" stop-color="${cloud.shade}" stop-opacity="0"/></radialGradient>`,
    );
    const puffs = (fill: string, dy: number) =>
      cloud.puffs.map((p) => `<ellipse cx="${f(p.x)}" cy="${f(p.y + dy)}" rx="${f(p.rx)}" ry="${f(p.ry)}" fill="${fill}"/>`).join("");
    const drop = (cloud.puffs[0]?.ry ?? 10) * 0.3;
    parts.push(`<g opacity="${f(cloud.opacity)}">${puffs(`url(#cloudShade${i})`, drop)}${puffs(`url(#cloud${i})`, 0)}</g>`);
  });
  const landSvg = scene.layers.map((layer, i) => landLayer(layer, i, horizonY + 1)).join("");
  const skylineSvg = scene.buildings
    .map(
      (b) =>
        `<rect x="${f(b.x)}" y="${f(horizonY - b.height)}" width="${f(b.width)}" height="${f(b.height + 1)}" fill="${b.color}"/>` +
        b.windows.map(([wx, wy]) => `<rect x="${f(wx)}" y="${f(wy)}" width="${scene.windowSize}" height="${scene.windowSize}" fill="${scene.windowColor}" fill-opacity="0.85"/>`).join(""),
    )
    .join("");
  parts.push(landSvg, skylineSvg);

  if (scene.waterBody) {
    const water = scene.waterBody;
    defs.push(gradient("water", [
      [0, water.far],
      [1, water.near],
    ]));
    defs.push(`<clipPath id="waterClip"><rect x="0" y="${f(horizonY)}" width="${w}" height="${f(h - horizonY)}"/></clipPath>`);
    parts.push(`<rect x="0" y="${f(horizonY)}" width="${w}" height="${f(h - horizonY)}" fill="url(#water)"/>`);
    // Reflection: the sky's light and the land mirrored about the horizon, faint and softened.
    parts.push(
      `<g clip-path="url(#waterClip)"><g opacity="0.35" transform="translate(0 ${f(2 * horizonY)}) scale(1 -1)">${lightSvg}${landSvg}${skylineSvg}</g></g>`,
    );
    // Ripples: thin lines in the water's colour, closer together toward the horizon, breaking the mirror.
    for (let i = 1, y = horizonY + 2; y < water.shoreY; i++, y = horizonY + 2 + i * i * (h / 900)) {
      const t = (y - horizonY) / (water.shoreY - horizonY);
      const x = ((Math.sin(i * 12.9898) + 1) / 2) * w * 0.5;
      parts.push(`<rect x="${f(x - w * 0.3)}" y="${f(y)}" width="${f(w * (0.6 + t))}" height="${f(Math.max(1, t * h * 0.003))}" fill="${mix(water.far, water.near, t)}" fill-opacity="0.35"/>`);
    }
    for (const glint of water.glints) {
      parts.push(`<rect x="${f(glint.x - glint.width / 2)}" y="${f(glint.y)}" width="${f(glint.width)}" height="${f(Math.max(1, h / 700))}" fill="${light.color}" fill-opacity="${f(0.55 * light.visibility)}"/>`);
    }
  }
  const groundTop = Math.min(...scene.ground.top.map((point) => point[1]));
  defs.push(gradient("ground", [
    [0, scene.ground.far],
    [1, scene.ground.near],
  ], [groundTop, h]));
  parts.push(`<path d="${areaPath(scene.ground.top, h, true)}" fill="url(#ground)"/>`);
  if (scene.ground.rise) {
    defs.push(gradient("rise", [
      [0, scene.ground.rise.color],
      [1, scene.ground.near],
    ]));
    parts.push(`<path d="${areaPath(scene.ground.rise.points, h, true)}" fill="url(#rise)"/>`);
  }
  if (scene.river) {
    defs.push(gradient("river", [
      [0, scene.river.far],
      [1, scene.river.near],
    ]));
    parts.push(`<polygon points="${pointsAttr(scene.river.points)}" fill="url(#river)"/>`);
  }
  for (const band of scene.mist) {
    parts.push(`<rect x="0" y="${f(band.y)}" width="${w}" height="${f(band.height)}" fill="url(#band)" fill-opacity="${f(band.opacity)}"/>`);
  }
  for (const s of scene.subjects) parts.push(subject(s, scene));
  if (scene.precipitation) {
    const { kind, color, particles } = scene.precipitation;
    parts.push(
      `<g fill-opacity="${kind === "snow" ? 0.85 : 0.35}" stroke-opacity="${kind === "snow" ? 0.85 : 0.35}">` +
        particles
          .map((p) =>
            kind === "snow"
              ? `<circle cx="${f(p.x)}" cy="${f(p.y)}" r="${f(p.length)}" fill="${color}"/>`
              : `<line x1="${f(p.x)}" y1="${f(p.y)}" x2="${f(p.x - p.length * 0.25)}" y2="${f(p.y + p.length)}" stroke="${color}" stroke-width="${f(Math.max(1, w / 900))}"/>`,
          )
          .join("") +
        `</g>`,
    );
  }
  parts.push(`<rect width="${w}" height="${h}" fill="url(#vignette)"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><defs>${defs.join("")}</defs>${parts.join("")}</svg>`;
}
