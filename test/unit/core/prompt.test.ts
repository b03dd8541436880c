// Prompt from selection: cleaning and capping what the person selected.
import { MAX_PROMPT_CHARS } from "../../../src/core/protocol/limits";
import { promptFromSelection } from "../../../src/core/prompt";

describe("promptFromSelection", () => {
  it("trims and collapses whitespace, including Word paragraph marks and tabs", () => {
    const result = promptFromSelection("  A misty\r\rmountain\tlake \n at   dawn\r");
    expect(result).toEqual({ prompt: "A misty mountain lake at dawn", truncated: false, originalLength: 29 });
  });

  it("drops Word's field and object control characters", () => {
    expect(promptFromSelection("A\u0013 HYPERLINK \u0014lake\u0015 at\u0001 dawn").prompt).toBe("A HYPERLINK lake at dawn");
  });

  it("returns an empty prompt for an empty or blank selection", () => {
    expect(promptFromSelection("").prompt).toBe("");
    expect(promptFromSelection(" \r\n\t ").prompt).toBe("");
  });

  it("caps a long selection at a word boundary and says it was cut", () => {
    const words = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(" ");
    const result = promptFromSelection(words);
    expect(result.truncated).toBe(true);
    expect(result.prompt.length).toBeLessThanOrEqual(MAX_PROMPT_CHARS);
    expect(result.prompt.length).toBeGreaterThan(MAX_PROMPT_CHARS * 0.8);
    expect(words.startsWith(result.prompt)).toBe(true);
    expect(result.prompt.endsWith(" ")).toBe(false);
    expect(words.charAt(result.prompt.length)).toBe(" ");
    expect(result.originalLength).toBe(words.length);
  });

  it("cuts mid-word only when there is no space near the cap", () => {
    const result = promptFromSelection("x".repeat(5000), 100);
    expect(result).toEqual({ prompt: "x".repeat(100), truncated: true, originalLength: 5000 });
  });
});
