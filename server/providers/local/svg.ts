// Draws a Scene as an SVG document of exactly the scene's pixel size (no text, no fonts); pure.
import { mix } from "./color";
import { drawSubject } from "./drawSubject";
import type { LandLayer, Scene } from "./sceneTypes";
import { areaPath, f, gradient, pointsAttr } from "./svgMarkup";

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

/**
 * The SVG markup of `scene`: `width`×`height` pixels, viewBox in pixels, no external references, no text.
 * Painter's order: sky, stars, light, clouds, rainbow, land, skyline, water and reflections, ground, river or road, mist,
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
  if (scene.rainbow) {
    const { x, y, radius, band, opacity } = scene.rainbow;
    const colours = ["#e8505b", "#f39c45", "#f5d547", "#5cc26a", "#4a8fe0", "#8a5cc8"];
    defs.push(`<clipPath id="skyClip"><rect width="${w}" height="${f(horizonY)}"/></clipPath>`);
    parts.push(
      `<g clip-path="url(#skyClip)" fill="none" stroke-opacity="${f(opacity)}">` +
        colours
          .map((colour, i) => `<circle cx="${f(x)}" cy="${f(y)}" r="${f(radius - i * band)}" stroke="${colour}" stroke-width="${f(band)}"/>`)
          .join("") +
        `</g>`,
    );
  }
  const landSvg = scene.layers.map((layer, i) => landLayer(layer, i, horizonY + 1)).join("");
  const skylineSvg = scene.buildings
    .map(
      (b) =>
        `<rect x="${f(b.x)}" y="${f(horizonY - b.height)}" width="${f(b.width)}" height="${f(b.height + 1)}" fill="${b.color}"/>` +
        b.windows
          .map(
            ([wx, wy]) =>
              `<rect x="${f(wx)}" y="${f(wy)}" width="${scene.windowSize}" height="${scene.windowSize}" fill="${scene.windowColor}" fill-opacity="0.85"/>`,
          )
          .join(""),
    )
    .join("");
  parts.push(landSvg, skylineSvg);

  if (scene.waterBody) {
    const water = scene.waterBody;
    defs.push(
      gradient("water", [
        [0, water.far],
        [1, water.near],
      ]),
    );
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
      parts.push(
        `<rect x="${f(x - w * 0.3)}" y="${f(y)}" width="${f(w * (0.6 + t))}" height="${f(Math.max(1, t * h * 0.003))}" fill="${mix(water.far, water.near, t)}" fill-opacity="0.35"/>`,
      );
    }
    for (const glint of water.glints) {
      parts.push(
        `<rect x="${f(glint.x - glint.width / 2)}" y="${f(glint.y)}" width="${f(glint.width)}" height="${f(Math.max(1, h / 700))}" fill="${light.color}" fill-opacity="${f(0.55 * light.visibility)}"/>`,
      );
    }
  }
  const groundTop = Math.min(...scene.ground.top.map((point) => point[1]));
  defs.push(
    gradient(
      "ground",
      [
        [0, scene.ground.far],
        [1, scene.ground.near],
      ],
      [groundTop, h],
    ),
  );
  parts.push(`<path d="${areaPath(scene.ground.top, h, true)}" fill="url(#ground)"/>`);
  if (scene.ground.rise) {
    defs.push(
      gradient("rise", [
        [0, scene.ground.rise.color],
        [1, scene.ground.near],
      ]),
    );
    parts.push(`<path d="${areaPath(scene.ground.rise.points, h, true)}" fill="url(#rise)"/>`);
  }
  if (scene.river) {
    defs.push(
      gradient("river", [
        [0, scene.river.far],
        [1, scene.river.near],
      ]),
    );
    parts.push(`<polygon points="${pointsAttr(scene.river.points)}" fill="url(#river)"/>`);
  }
  if (scene.road) {
    const { points, centre, color, line } = scene.road;
    parts.push(`<polygon points="${pointsAttr(points)}" fill="${color}"/>`);
    parts.push(
      `<polyline points="${pointsAttr(centre.map((c) => [c.x, c.y] as const))}" fill="none" stroke="${line}" stroke-width="${f(Math.max(1, w / 400))}" stroke-dasharray="${f(h / 40)} ${f(h / 50)}" stroke-opacity="0.8"/>`,
    );
  }
  for (const band of scene.mist) {
    parts.push(`<rect x="0" y="${f(band.y)}" width="${w}" height="${f(band.height)}" fill="url(#band)" fill-opacity="${f(band.opacity)}"/>`);
  }
  for (const s of scene.subjects) parts.push(drawSubject(s, scene));
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
