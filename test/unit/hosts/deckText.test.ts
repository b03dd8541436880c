// Slide title/body rules and deck colours (pure): what the PowerPoint adapter and the stand-in list for each slide.
import { titleAndBody } from "../../../src/hosts/powerpoint/deckText";
import { normaliseHex, rankColours } from "../../../src/hosts/powerpoint/palette";

describe("titleAndBody", () => {
  it("takes the title placeholder's text, else a shape named Title, else the first text", () => {
    expect(
      titleAndBody([
        { name: "Body", placeholderType: "Body", text: "Growth\rin EMEA" },
        { name: "X", placeholderType: "Title", text: "Revenue\vin EMEA" },
      ]),
    ).toEqual({
      title: "Revenue in EMEA",
      body: "Growth\nin EMEA",
    });
    expect(
      titleAndBody([
        { name: "TextBox 1", text: "Notes" },
        { name: "Title 2", text: "Roadmap" },
      ]).title,
    ).toBe("Roadmap");
    expect(
      titleAndBody([
        { name: "TextBox 1", text: "Notes" },
        { name: "TextBox 2", text: "More" },
      ]),
    ).toEqual({ title: "Notes", body: "More" });
    expect(titleAndBody([])).toEqual({ title: "", body: "" });
  });

  it("leaves out date, slide number, footer and header placeholders and empty text", () => {
    const shapes = [
      { name: "Title 1", placeholderType: "Title", text: "Hiring" },
      { name: "Footer", placeholderType: "Footer", text: "Confidential" },
      { name: "Slide Number", placeholderType: "SlideNumber", text: "4" },
      { name: "TextBox", text: "  " },
      { name: "Content", placeholderType: "Content", text: "Grow engineering" },
    ];
    expect(titleAndBody(shapes)).toEqual({ title: "Hiring", body: "Grow engineering" });
  });
});

describe("deck colours", () => {
  it("normalises #RRGGBB and ranks by use, without plain white and black", () => {
    expect(normaliseHex("ffa500")).toBe("#FFA500");
    expect(normaliseHex("#1f4e79 ")).toBe("#1F4E79");
    expect(normaliseHex("")).toBeUndefined();
    expect(normaliseHex(null)).toBeUndefined();
    expect(rankColours(["#FFFFFF", "#112233", "#445566", "#445566", "#000000", "bad"])).toEqual(["#445566", "#112233"]);
    expect(rankColours(["#111111", "#222222", "#333333", "#444444", "#555555", "#666666", "#777777"])).toHaveLength(6);
  });
});
