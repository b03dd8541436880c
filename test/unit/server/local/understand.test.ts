// What the local renderer reads from a prompt's words.
import { readPrompt, words } from "../../../../server/providers/local/understand";

describe("readPrompt", () => {
  it("reads the issue's example: a misty mountain lake at dawn", () => {
    const reading = readPrompt("A misty mountain lake at dawn");
    expect(reading).toMatchObject({ time: "dawn", weather: "misty", land: "mountains", water: "lake", subjects: [], features: [] });
    expect(reading.matched).toEqual(["misty", "mountain", "lake", "dawn"]);
  });

  it("the first word of a kind decides it", () => {
    expect(readPrompt("sunset, not sunrise").time).toBe("dusk");
    expect(readPrompt("sunrise, not sunset").time).toBe("dawn");
  });

  it("understands plurals and counts", () => {
    expect(readPrompt("two boats and birds over the sea").subjects).toEqual([
      { kind: "boat", count: 2 },
      { kind: "bird", count: "many" },
    ]);
    expect(readPrompt("a lone house").subjects).toEqual([{ kind: "house", count: 1 }]);
    expect(readPrompt("house").subjects).toEqual([{ kind: "house", count: undefined }]);
    expect(readPrompt("3 cottages").subjects).toEqual([{ kind: "house", count: 3 }]);
    expect(readPrompt("a forest").subjects).toEqual([{ kind: "pine", count: "many" }]);
  });

  it('"palm trees" is one subject (palms), not palms and trees', () => {
    expect(readPrompt("palm trees on the beach").subjects).toEqual([{ kind: "palm", count: "many" }]);
    expect(readPrompt("a pine tree").subjects).toEqual([{ kind: "pine", count: 1 }]);
  });

  it("ignores case, punctuation and unknown words", () => {
    expect(words("Night-time: STARS, über Berge!")).toEqual(["night", "time", "stars", "über", "berge"]);
    const reading = readPrompt("Quarterly revenue report");
    expect(reading).toEqual({ subjects: [], features: [], matched: [] });
  });

  it("reads animals, structures and features", () => {
    const reading = readPrompt("sheep, a horse and two dogs by a windmill on a country road under a rainbow");
    expect(reading.subjects).toEqual([
      { kind: "sheep", count: "many" },
      { kind: "horse", count: 1 },
      { kind: "dog", count: 2 },
      { kind: "windmill", count: 1 },
    ]);
    expect(reading.features).toEqual(["road", "rainbow"]);
    expect(readPrompt("a sheep").subjects).toEqual([{ kind: "sheep", count: 1 }]);
  });

  it("a subject named twice takes the more specific count", () => {
    expect(readPrompt("camping with three tents").subjects).toEqual([{ kind: "tent", count: 3 }]);
    expect(readPrompt("camping with tents").subjects).toEqual([{ kind: "tent", count: "many" }]);
  });
});
