// Default ticks of a run: content slides without a picture; title, section, closing, agenda and picture slides unticked, with reasons.
import { checkRunSize, defaultSelection, itemRole, MAX_ITEMS_PER_RUN } from "../../../../src/core/deck/selection";
import type { DeckItem } from "../../../../src/core/deck/types";

let nextIndex = 0;
function slide(id: string, title: string, body = "", extra: Partial<DeckItem> = {}): DeckItem {
  return { id, index: nextIndex++, kind: "slide", title, body, hasPicture: false, ...extra };
}
beforeEach(() => {
  nextIndex = 0;
});

/** A 10-slide deck as a person makes one: title, agenda, section header, bullets, a picture slide, closing. */
function tenSlideDeck(): DeckItem[] {
  return [
    slide("256", "Contoso FY25 kickoff", "Jane Doe, CFO\nMarch 2025", { layout: { name: "Title Slide", placeholders: ["CenterTitle", "Subtitle"] } }),
    slide("257", "Agenda", "Results\nStrategy\nQ&A", { layout: { name: "Title and Content", placeholders: ["Title", "Body"] } }),
    slide("258", "Results", "", { layout: { name: "Section Header", placeholders: ["Title", "Body"] } }),
    slide("259", "Quarterly revenue up 12% in EMEA", "• New customers in Germany\n• Margin stable", { layout: { name: "Title and Content" } }),
    slide("260", "Cloud migration", "Move 80% of workloads to Azure", { layout: { name: "Title and Content" } }),
    slide("261", "Our team", "Photo of the team", { hasPicture: true, layout: { name: "Picture with Caption" } }),
    slide("262", "Risks and mitigations", "• Supply chain delays", { layout: { name: "Two Content" } }),
    slide("263", "Customer satisfaction", "NPS up from 32 to 47", { layout: { name: "Title and Content" } }),
    slide("264", "Roadmap", "Launch beta\nGA in APAC", { layout: { name: "Title Only", placeholders: ["Title"] } }),
    slide("265", "Thank you!", "Questions?", { layout: { name: "Title Slide", placeholders: ["CenterTitle"] } }),
  ];
}

describe("defaultSelection", () => {
  it("ticks the 5 content slides of a 10-slide deck and says why the other 5 are not", () => {
    const selection = defaultSelection(tenSlideDeck());
    expect(selection.ticked).toEqual(["259", "260", "262", "263", "264"]);
    expect(selection.reasons).toEqual({
      "256": "deck.untick.titleSlide",
      "257": "deck.untick.agendaSlide",
      "258": "deck.untick.sectionHeader",
      "261": "deck.untick.hasPicture",
      "265": "deck.untick.closingSlide",
    });
    expect(selection.capped).toBeUndefined();
  });

  it("gives an empty selection for an empty deck", () => {
    expect(defaultSelection([])).toEqual({ ticked: [], reasons: {} });
  });

  it("ticks nothing in a deck of only title slides", () => {
    const deck = [
      slide("1", "Welcome", "", { layout: { name: "Title Slide" } }),
      slide("2", "Part one", "", { layout: { name: "Section Header" } }),
      slide("3", "Part two", "", { layout: { placeholders: ["CenterTitle", "Subtitle"] } }),
      slide("4", "Thanks", ""),
    ];
    const selection = defaultSelection(deck);
    expect(selection.ticked).toEqual([]);
    expect(Object.keys(selection.reasons)).toEqual(["1", "2", "3", "4"]);
  });

  it("caps a 200-slide deck at one run's size, in deck order, and says how many qualified", () => {
    const deck = Array.from({ length: 200 }, (_, i) => slide(`s${i}`, `Topic ${i}: customer growth`, "• bullet"));
    const selection = defaultSelection(deck);
    expect(selection.ticked).toHaveLength(MAX_ITEMS_PER_RUN);
    expect(selection.ticked[0]).toBe("s1"); // s0 is the first slide without a layout and little text: the title slide
    expect(selection.ticked[MAX_ITEMS_PER_RUN - 1]).toBe(`s${MAX_ITEMS_PER_RUN}`);
    expect(selection.capped).toEqual({ qualified: 199, limit: MAX_ITEMS_PER_RUN });
    expect(selection.reasons["s41"]).toBe("deck.untick.runCap");
    expect(selection.reasons["s199"]).toBe("deck.untick.runCap");
    expect(Object.values(selection.reasons).filter((r) => r === "deck.untick.runCap")).toHaveLength(199 - MAX_ITEMS_PER_RUN);
  });

  it("takes items in index order whatever order the host lists them in", () => {
    const deck = tenSlideDeck().reverse();
    expect(defaultSelection(deck, 2).ticked).toEqual(["259", "260"]);
  });

  it("unticks Word sections with a picture, none of text, or a references heading", () => {
    const section = (id: string, index: number, title: string, body: string, hasPicture = false): DeckItem => ({
      id,
      index,
      kind: "section",
      title,
      body,
      hasPicture,
      layout: { headingLevel: 1 },
    });
    const selection = defaultSelection([
      section("h1", 0, "Introduction", "This report covers our cloud programme."),
      section("h2", 1, "Market", "Competitors grew fast.", true),
      section("h3", 2, "Budget", "€1.2m | 45%"),
      section("h4", 3, "References", "Smith 2020"),
    ]);
    expect(selection.ticked).toEqual(["h1", "h3"]);
    expect(selection.reasons).toEqual({ h2: "deck.untick.hasPicture", h4: "deck.untick.references" });
  });
});

describe("itemRole", () => {
  it.each([
    ["Thank you for your attention", "closing"],
    ["Questions?", "closing"],
    ["Vielen Dank!", "closing"],
    ["Merci", "closing"],
    ["Q&A", "closing"],
    ["Agenda", "agenda"],
    ["Table of contents", "agenda"],
    ["Sommaire", "agenda"],
    ["Appendix", "references"],
    ["Quarterly revenue", "content"],
  ])("%s → %s", (title, role) => {
    expect(itemRole({ id: "x", index: 3, kind: "slide", title, body: "some text", hasPicture: false })).toBe(role);
  });

  it("reads an item with only boilerplate and numbers as empty", () => {
    expect(itemRole({ id: "x", index: 3, kind: "slide", title: "Click to add title", body: "2025\n45%", hasPicture: false })).toBe("empty");
  });

  it("does not take a first slide with a content layout for a title slide", () => {
    expect(itemRole({ id: "x", index: 0, kind: "slide", title: "Revenue", body: "", hasPicture: false, layout: { name: "Title and Content" } })).toBe(
      "content",
    );
  });
});

describe("checkRunSize", () => {
  it("accepts 1 to the cap, refuses none and over the cap with how many to untick", () => {
    expect(checkRunSize([])).toEqual({ ok: false, key: "deck.runEmpty", count: 0 });
    expect(checkRunSize(["a", "a", "b"])).toEqual({ ok: true, count: 2 });
    const ids = Array.from({ length: 45 }, (_, i) => `s${i}`);
    expect(checkRunSize(ids)).toEqual({ ok: false, key: "deck.runTooLarge", count: 45, limit: MAX_ITEMS_PER_RUN, over: 5 });
    expect(checkRunSize(ids.slice(0, MAX_ITEMS_PER_RUN))).toEqual({ ok: true, count: MAX_ITEMS_PER_RUN });
  });
});
