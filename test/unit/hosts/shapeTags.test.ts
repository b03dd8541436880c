// Illustrate's PowerPoint shape tags: writing provenance, reading it back, never claiming a stranger's picture.
import { provenanceOf, provenanceTags, promptOf, withIllustrateTags, withPromptTag, tagsToRecord } from "../../../src/hosts/powerpoint/shapeTags";

const full = { libraryId: "pic-7", prompt: "A lighthouse", style: "ink", model: "gpt-image-1", size: "1024x1024" };

describe("shape tags", () => {
  it("round-trips provenance through tags, in any key case", () => {
    expect(provenanceOf(provenanceTags(full))).toEqual(full);
    const lower = provenanceTags(full).map((t) => ({ key: t.key.toLowerCase(), value: t.value }));
    expect(provenanceOf(lower)).toEqual(full);
    expect(provenanceOf(provenanceTags({ libraryId: "a", prompt: "p", style: "s" }))).toEqual({ libraryId: "a", prompt: "p", style: "s" });
  });

  it("claims nothing without a library id, a prompt and a style", () => {
    expect(provenanceOf([])).toBeUndefined();
    expect(provenanceOf([{ key: "ILLUSTRATE_PROMPT", value: "x" }])).toBeUndefined();
    expect(
      provenanceOf([
        { key: "ILLUSTRATE_ID", value: "" },
        { key: "ILLUSTRATE_PROMPT", value: "x" },
        { key: "ILLUSTRATE_STYLE", value: "s" },
      ]),
    ).toBeUndefined();
    expect(
      provenanceOf([
        { key: "ILLUSTRATE_ID", value: "a" },
        { key: "ILLUSTRATE_STYLE", value: "s" },
      ]),
    ).toBeUndefined();
  });

  it("rewrites Illustrate's keys only, keeps other tags in order, drops a stale model", () => {
    const old = [{ key: "TOPIC", value: "sea" }, ...provenanceTags(full), { key: "OWNER", value: "ann" }];
    const next = withIllustrateTags(old, "A harbour", { libraryId: "pic-8", prompt: "ignored", style: "ink" });
    expect(tagsToRecord(next)).toEqual({
      TOPIC: "sea",
      OWNER: "ann",
      ILLUSTRATE_PROMPT: "A harbour",
      ILLUSTRATE_ID: "pic-8",
      ILLUSTRATE_STYLE: "ink",
    });
    expect(withIllustrateTags(old, "Only a prompt")).toEqual([
      { key: "TOPIC", value: "sea" },
      { key: "OWNER", value: "ann" },
      { key: "ILLUSTRATE_PROMPT", value: "Only a prompt" },
    ]);
    expect(promptOf(withPromptTag([{ key: "illustrate_prompt", value: "a" }], "b"))).toBe("b");
    expect(withPromptTag([{ key: "illustrate_prompt", value: "a" }], "b")).toHaveLength(1);
  });
});
