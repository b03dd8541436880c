// Deck style: palette validation, colour names, style words, and the one suffix every prompt of a run ends with.
import { nameColour, isHexColour } from "../../../../src/core/deck/colourNames";
import {
  deckPrompt,
  deckStyleSuffix,
  MAX_STYLE_WORDS_CHARS,
  NO_DECK_STYLE,
  NO_TEXT_CLAUSE,
  parseDeckStyle,
  type DeckStyle,
} from "../../../../src/core/deck/deckStyle";
import { writeLocalBrief } from "../../../../src/core/deck/localPromptWriter";
import { MAX_PROMPT_CHARS } from "../../../../src/core/protocol/limits";

function style(input: Parameters<typeof parseDeckStyle>[0]): DeckStyle {
  const parsed = parseDeckStyle(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.style;
}

describe("nameColour", () => {
  it.each([
    ["#1F2A44", "deep navy"],
    ["#FFFFFF", "white"],
    ["#000000", "black"],
    ["#FF7F50", "coral"],
    ["#E8735A", "coral"],
    ["#0078d4", "azure blue"],
    ["#2E8B57", "emerald green"],
    ["#808080", "slate grey"],
    ["#F2F2F2", "white"],
    ["#7F0000", "maroon"],
    ["#7A1F3D", "burgundy"],
  ])("%s → %s", (hex, name) => {
    expect(nameColour(hex)).toBe(name);
  });

  it("refuses anything but #RRGGBB", () => {
    for (const bad of ["#abc", "1F2A44", "navy", "rgb(0,0,0)", "#1F2A4G", "#1F2A445"]) {
      expect(isHexColour(bad)).toBe(false);
      expect(() => nameColour(bad)).toThrow(RangeError);
    }
  });
});

describe("parseDeckStyle", () => {
  it("accepts a preset, up to 4 colours (upper-cased, duplicates merged) and style words", () => {
    expect(
      parseDeckStyle({ preset: "watercolor", palette: ["#1f2a44", "#FF7F50", "#1F2A44", "#ffffff"], styleWords: "  calm,\n corporate  " }),
    ).toEqual({
      ok: true,
      style: { preset: "watercolor", palette: ["#1F2A44", "#FF7F50", "#FFFFFF"], styleWords: "calm, corporate" },
      styleWordsCut: false,
    });
  });

  it("gives the empty style for empty input", () => {
    expect(parseDeckStyle({})).toEqual({ ok: true, style: NO_DECK_STYLE, styleWordsCut: false });
  });

  it("names every bad colour with its position, and a palette over 4", () => {
    const parsed = parseDeckStyle({ preset: "photo", palette: ["#111111", "red", "#222222", "#333333", "#444444", "#55555", "#666666"] });
    expect(parsed).toEqual({
      ok: false,
      issues: [
        { key: "deckStyle.badColour", index: 1, value: "red" },
        { key: "deckStyle.badColour", index: 5, value: "#55555" },
        { key: "deckStyle.tooManyColours", count: 5, max: 4 },
      ],
    });
  });

  it("refuses an unknown preset", () => {
    expect(parseDeckStyle({ preset: "cubism" })).toEqual({ ok: false, issues: [{ key: "deckStyle.unknownPreset", value: "cubism" }] });
  });

  it("caps the style words at a word boundary and says so", () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");
    const parsed = parseDeckStyle({ styleWords: words });
    if (!parsed.ok) throw new Error("expected ok");
    expect(parsed.styleWordsCut).toBe(true);
    expect(parsed.style.styleWords.length).toBeLessThanOrEqual(MAX_STYLE_WORDS_CHARS);
    expect(words.startsWith(parsed.style.styleWords)).toBe(true);
    expect(words.charAt(parsed.style.styleWords.length)).toBe(" ");
  });

  it("drops control characters from the style words", () => {
    expect(style({ styleWords: "soft\u0000 light\u0007" }).styleWords).toBe("soft light");
  });
});

describe("deckStyleSuffix", () => {
  it("names the preset, the palette in words and the style words", () => {
    expect(deckStyleSuffix(style({ preset: "watercolor", palette: ["#1F2A44", "#FF7F50", "#FFFFFF"], styleWords: "calm, corporate." }))).toBe(
      "Style: watercolor painting, soft washes, paper texture; colour palette of deep navy, coral and white; calm, corporate.",
    );
  });

  it("leaves out what was not chosen, and is empty for no style", () => {
    expect(deckStyleSuffix(style({ palette: ["#1F2A44"] }))).toBe("Style: colour palette of deep navy.");
    expect(deckStyleSuffix(style({ styleWords: "isometric" }))).toBe("Style: isometric.");
    expect(deckStyleSuffix(NO_DECK_STYLE)).toBe("");
  });

  it("names two colours that share a name once", () => {
    expect(deckStyleSuffix(style({ palette: ["#FFFFFF", "#FEFEFE"] }))).toBe("Style: colour palette of white.");
  });
});

describe("deckPrompt", () => {
  const runStyle = style({ preset: "illustration", palette: ["#1F2A44", "#FF7F50"], styleWords: "soft light" });
  const suffix = deckStyleSuffix(runStyle);

  it("ends every prompt of a run with the same suffix, whatever the brief", () => {
    const briefs = [
      writeLocalBrief({ id: "1", kind: "slide", title: "Quarterly revenue up 12% in EMEA", body: "" }).prompt,
      writeLocalBrief({ id: "2", kind: "slide", title: "Team & Hiring Plan", body: "" }).prompt,
      "a lighthouse on a cliff", // a person's edit without the no-text request
      "x ".repeat(10_000), // a pasted wall of text
    ];
    for (const brief of briefs) {
      const prompt = deckPrompt(brief, suffix);
      expect(prompt.endsWith(` ${suffix}`)).toBe(true);
      expect(prompt.length).toBeLessThanOrEqual(MAX_PROMPT_CHARS);
      expect(prompt).toContain("no text, letters or numbers");
    }
  });

  it("adds the no-text request to an edited brief that lacks it, once", () => {
    expect(deckPrompt("A lighthouse on a cliff.", suffix)).toBe(`A lighthouse on a cliff, ${NO_TEXT_CLAUSE}. ${suffix}`);
    expect(deckPrompt("A lighthouse on a cliff, no visible text.", suffix)).toBe(`A lighthouse on a cliff, no visible text. ${suffix}`);
    expect(deckPrompt("A lighthouse without any lettering", "")).toBe("A lighthouse without any lettering.");
  });

  it("keeps a local brief as written", () => {
    const brief = writeLocalBrief({ id: "1", kind: "slide", title: "Cloud Migration", body: "" }).prompt;
    expect(deckPrompt(brief, suffix)).toBe(`${brief} ${suffix}`);
  });

  it("gives an empty prompt for an empty brief", () => {
    expect(deckPrompt("   ", suffix)).toBe("");
  });
});
