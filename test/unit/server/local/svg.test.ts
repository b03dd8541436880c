// The SVG drawn from a scene: well-formed, exactly the scene's pixel size, no text and no external references.
import { DOMParser } from "@xmldom/xmldom";
import { buildScene } from "../../../../server/providers/local/scene";
import { sceneToSvg } from "../../../../server/providers/local/svg";

const prompts = [
  "A misty mountain lake at dawn",
  "A lighthouse on the coast at night",
  "two boats on a river at sunset with birds",
  "a city skyline at night in the rain",
  "a cottage in a snowy forest",
  "a person in a meadow of flowers",
  "desert dunes under a clear sky",
  "horses, cows, sheep and a deer by a windmill under a rainbow",
  "a dog and a cat by a castle, tents and a car on the road at night",
];

describe("sceneToSvg", () => {
  it.each(prompts)("draws %p as a well-formed SVG of the scene's size", (prompt) => {
    const scene = buildScene({ prompt, size: { widthPx: 1024, heightPx: 1536 }, seed: 3, variation: 0 });
    const svg = sceneToSvg(scene);
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, message) => void (level !== "warning" && errors.push(message)) }).parseFromString(
      svg,
      "image/svg+xml",
    );
    expect(errors).toEqual([]);
    const root = doc.documentElement!;
    expect(root.getAttribute("width")).toBe("1024");
    expect(root.getAttribute("height")).toBe("1536");
    expect(root.getAttribute("viewBox")).toBe("0 0 1024 1536");
    expect(svg).not.toMatch(/<text|<image|href=|NaN|undefined|Infinity/);
  });

  it("gives each id once", () => {
    const svg = sceneToSvg(
      buildScene({ prompt: "cloudy lighthouse at night with boats", size: { widthPx: 1024, heightPx: 1024 }, seed: 5, variation: 0 }),
    );
    const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
