// The scene description shared by the scene builder and the SVG writer (data shapes only).
import type { PixelSize } from "../../../src/core/protocol/wire";
import type { Hex } from "./color";
import type { Land, Season, SubjectKind, TimeOfDay, Water, Weather } from "./vocabulary";

/** A point in pixels, origin top-left. */
export type Point = readonly [x: number, y: number];

/** A band that narrows toward the horizon (rivers, roads): its outline and its centre line with the width at each point. */
export interface Band {
  /** Outline: left edge from the horizon down, then right edge back up. */
  points: Point[];
  centre: Array<{ x: number; y: number; width: number }>;
}

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
  /** A river winding from the horizon to the bottom edge. */
  river?: Band & { far: Hex; near: Hex };
  /** A road winding from the horizon to the bottom edge, with a dashed centre line. */
  road?: Band & { color: Hex; line: Hex };
  /** A rainbow: concentric arcs around a centre below the horizon. */
  rainbow?: { x: number; y: number; radius: number; band: number; opacity: number };
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
