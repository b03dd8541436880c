// Alt text for generated pictures.
import { altTextFor, DEFAULT_ALT_TITLE, MAX_ALT_DESCRIPTION_CHARS } from "../../../src/core/altText";

describe("altTextFor", () => {
  it("uses the fixed title and the prompt as description", () => {
    expect(altTextFor("A misty mountain lake at dawn")).toEqual({
      title: DEFAULT_ALT_TITLE,
      description: "A misty mountain lake at dawn",
    });
  });

  it("caps a long description with an ellipsis", () => {
    const description = altTextFor("a".repeat(5000)).description;
    expect(description).toHaveLength(MAX_ALT_DESCRIPTION_CHARS);
    expect(description.endsWith("…")).toBe(true);
  });
});
