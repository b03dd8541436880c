// Alt text for generated pictures.
import { altTextFor, altTextOf, altTextOnReplace, DEFAULT_ALT_TITLE, isGeneratedAltText, MAX_ALT_DESCRIPTION_CHARS } from "../../../src/core/altText";

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

describe("isGeneratedAltText", () => {
  const prompt = "A misty mountain lake at dawn";

  it("counts no alt text or empty alt text as Illustrate's own", () => {
    expect(isGeneratedAltText(undefined)).toBe(true);
    expect(isGeneratedAltText({ title: " ", description: "" })).toBe(true);
  });

  it("counts the default title with the stored prompt as description as Illustrate's own", () => {
    expect(isGeneratedAltText(altTextFor(prompt), prompt)).toBe(true);
    expect(isGeneratedAltText({ title: DEFAULT_ALT_TITLE, description: `${prompt} ` }, prompt)).toBe(true);
  });

  it("recognizes the capped description of a long stored prompt", () => {
    const long = "b".repeat(3000);
    expect(isGeneratedAltText(altTextFor(long), long)).toBe(true);
  });

  it("accepts a localized default title given by the pane", () => {
    expect(isGeneratedAltText(altTextFor(prompt, "Image générée par IA"), prompt, "Image générée par IA")).toBe(true);
  });

  it("counts a description a person edited as theirs, even under the default title", () => {
    expect(isGeneratedAltText({ title: DEFAULT_ALT_TITLE, description: "Our team at the lake, 2024" }, prompt)).toBe(false);
  });

  it("counts another title as written by a person", () => {
    expect(isGeneratedAltText({ title: "Lake photo", description: prompt }, prompt)).toBe(false);
  });

  it("counts non-empty alt text as a person's when no prompt is stored with the picture", () => {
    expect(isGeneratedAltText(altTextFor(prompt))).toBe(false);
    expect(isGeneratedAltText({ title: "", description: "Logo" })).toBe(false);
  });
});

describe("altTextOnReplace", () => {
  const next = altTextFor("A red fox in snow");

  it("writes the new alt text over Illustrate's own", () => {
    expect(altTextOnReplace(altTextFor("A lake"), "A lake", next)).toEqual(next);
    expect(altTextOnReplace(undefined, undefined, next)).toEqual(next);
  });

  it("keeps alt text a person wrote unless asked", () => {
    const person = { title: "Team photo", description: "Our team at the lake" };
    expect(altTextOnReplace(person, "A lake", next)).toEqual(person);
    expect(altTextOnReplace(person, "A lake", next, true)).toEqual(next);
  });
});

describe("altTextOf", () => {
  it.each([
    [{ altTextTitle: "", altTextDescription: "" }, undefined],
    [
      { altTextTitle: "Fox", altTextDescription: "" },
      { title: "Fox", description: "" },
    ],
    [
      { altTextTitle: "", altTextDescription: "A fox in the snow" },
      { title: "", description: "A fox in the snow" },
    ],
  ])("reads %o as %o", (fields, expected) => {
    expect(altTextOf(fields)).toEqual(expected);
  });
});
