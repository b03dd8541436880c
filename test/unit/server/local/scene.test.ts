// The scene builder: what the prompt asks for is in the scene; same inputs → same scene; seeds vary layout.
import { buildScene, describeScene, type SceneRequest } from "../../../../server/providers/local/scene";

const LANDSCAPE = { widthPx: 1536, heightPx: 1024 };
const request = (prompt: string, seed = 1, variation = 0, size = LANDSCAPE): SceneRequest => ({ prompt, size, seed, variation });

describe("buildScene", () => {
  it("draws what the words say: dawn light over mountains, a lake, mist", () => {
    const scene = buildScene(request("A misty mountain lake at dawn"));
    expect(scene).toMatchObject({ time: "dawn", weather: "misty", land: "mountains", water: "lake", width: 1536, height: 1024 });
    expect(scene.light.kind).toBe("sun");
    expect(scene.layers.length).toBe(3);
    expect(scene.waterBody).toBeDefined();
    expect(scene.mist.length).toBeGreaterThan(0);
    // The sun is low but above the mountains (their highest point).
    const peak = Math.min(...scene.layers.flatMap((layer) => layer.points.map((point) => point[1])));
    expect(scene.light.y).toBeLessThan(peak);
  });

  it("night has a moon and stars; rain hides the stars", () => {
    const night = buildScene(request("a starry night"));
    expect(night.light.kind).toBe("moon");
    expect(night.stars.length).toBeGreaterThan(50);
    const rainy = buildScene(request("night rain in the city"));
    expect(rainy.stars).toEqual([]);
    expect(rainy.precipitation?.kind).toBe("rain");
    expect(rainy.buildings.length).toBeGreaterThan(5);
    expect(rainy.buildings.some((building) => building.windows.length > 0)).toBe(true);
  });

  it("places each named subject, in the count asked for", () => {
    const scene = buildScene(request("two boats, a house and birds by a lake"));
    const count = (kind: string) => scene.subjects.filter((subject) => subject.kind === kind).length;
    expect(count("boat")).toBe(2);
    expect(count("house")).toBe(1);
    expect(count("bird")).toBeGreaterThanOrEqual(4);
    // Boats float on the water, between the horizon and the shore.
    for (const boat of scene.subjects.filter((subject) => subject.kind === "boat")) {
      expect(boat.baseY).toBeGreaterThan(scene.horizonY);
      expect(boat.baseY).toBeLessThan(scene.waterBody!.shoreY);
    }
    // Birds fly above the horizon.
    for (const bird of scene.subjects.filter((subject) => subject.kind === "bird")) expect(bird.baseY).toBeLessThan(scene.horizonY);
  });

  it("adds the water a subject needs: a boat gets a lake, a lighthouse the sea", () => {
    expect(buildScene(request("a boat")).water).toBe("lake");
    expect(buildScene(request("a lighthouse")).water).toBe("sea");
  });

  it("boats on a river sit inside the river", () => {
    const scene = buildScene(request("a boat on the river"));
    const boat = scene.subjects.find((subject) => subject.kind === "boat")!;
    const at = scene.river!.centre.find((point) => point.y === boat.baseY)!;
    expect(Math.abs(boat.x - at.x)).toBeLessThanOrEqual(at.width / 2);
  });

  it("a road winds from the horizon to the bottom edge, and cars drive on it", () => {
    const scene = buildScene(request("two cars on a country road"));
    expect(scene.road!.centre[0]!.y).toBeCloseTo(scene.horizonY);
    expect(scene.road!.centre.at(-1)!.y).toBeCloseTo(1024);
    for (const car of scene.subjects.filter((subject) => subject.kind === "car")) {
      const at = scene.road!.centre.find((point) => point.y === car.baseY)!;
      expect(Math.abs(car.x - at.x)).toBeLessThanOrEqual(at.width / 2);
    }
  });

  it("a rainbow by day, none at night", () => {
    expect(buildScene(request("a rainbow over the hills")).rainbow).toBeDefined();
    expect(buildScene(request("a night sky with a rainbow")).rainbow).toBeUndefined();
  });

  it("is deterministic: the same prompt, seed and variation give the same scene", () => {
    expect(buildScene(request("hills at noon", 42, 1))).toEqual(buildScene(request("hills at noon", 42, 1)));
  });

  it("seeds and variations change the layout but not what the prompt decided", () => {
    const a = buildScene(request("a quiet valley", 1, 0));
    const b = buildScene(request("a quiet valley", 2, 0));
    const c = buildScene(request("a quiet valley", 1, 1));
    for (const other of [b, c]) {
      expect(other).toMatchObject({ time: a.time, weather: a.weather, land: a.land, water: a.water, season: a.season });
      expect(other.layers[0]!.points).not.toEqual(a.layers[0]!.points);
    }
  });

  it("keeps everything inside the picture for every supported size", () => {
    for (const size of [LANDSCAPE, { widthPx: 1024, heightPx: 1024 }, { widthPx: 1024, heightPx: 1536 }]) {
      const scene = buildScene(request("sunset over the sea with a boat, palm trees and a lighthouse", 9, 0, size));
      expect(scene.horizonY).toBeGreaterThan(size.heightPx * 0.4);
      expect(scene.horizonY).toBeLessThan(size.heightPx * 0.75);
      for (const subject of scene.subjects) {
        expect(subject.baseY).toBeLessThanOrEqual(size.heightPx);
        expect(subject.baseY - subject.size).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe("describeScene", () => {
  it("is the same for every size and seed of a prompt (the prompt decides what is drawn)", () => {
    const sizes = [LANDSCAPE, { widthPx: 1024, heightPx: 1024 }, { widthPx: 1024, heightPx: 1536 }];
    const descriptions = sizes.flatMap((size) =>
      [1, 2, 3].map((seed) => describeScene(buildScene(request("an evening by the water", seed, 0, size)))),
    );
    expect(new Set(descriptions).size).toBe(1);
  });

  it("says in words what was drawn", () => {
    expect(describeScene(buildScene(request("A misty mountain lake at dawn with two boats")))).toBe(
      "Misty dawn over mountains by a lake, with boats",
    );
    expect(describeScene(buildScene(request("a lighthouse at night")))).toMatch(/^Night over .*, with a lighthouse$/);
  });
});
