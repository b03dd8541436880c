// The Word adapter's memory of the alt texts it wrote: found by description, bounded, oldest dropped first.
import { altTextFor } from "../../../src/core/altText";
import { AltTextMemory } from "../../../src/hosts/word/altTextMemory";

describe("AltTextMemory", () => {
  it("knows the prompt of an alt text it wrote, by its trimmed description", () => {
    const memory = new AltTextMemory();
    const written = altTextFor("A fox in the snow");
    memory.remember(written, "A fox in the snow");
    expect(memory.promptFor(written)).toBe("A fox in the snow");
    expect(memory.promptFor({ title: "another title", description: `  ${written.description}  ` })).toBe("A fox in the snow");
  });

  it("knows nothing of alt text a person wrote, or of a picture without alt text", () => {
    const memory = new AltTextMemory();
    memory.remember(altTextFor("A fox"), "A fox");
    expect(memory.promptFor({ title: "Fox", description: "My fox, photographed in 2019" })).toBeUndefined();
    expect(memory.promptFor(undefined)).toBeUndefined();
  });

  it("drops the oldest entry past its capacity; remembering again makes an entry the newest", () => {
    const memory = new AltTextMemory(2);
    const [a, b, c] = ["A", "B", "C"].map((p) => altTextFor(p));
    memory.remember(a, "A");
    memory.remember(b, "B");
    memory.remember(a, "A again");
    memory.remember(c, "C");
    expect(memory.promptFor(b)).toBeUndefined();
    expect(memory.promptFor(a)).toBe("A again");
    expect(memory.promptFor(c)).toBe("C");
  });
});
