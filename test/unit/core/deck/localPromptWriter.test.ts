// Local prompt writer: a table of real slide texts → one scene brief each, no digits, links or boilerplate, no text asked.
import { NO_DECK_STYLE, NO_TEXT_CLAUSE } from "../../../../src/core/deck/deckStyle";
import { localPromptWriter, MAX_LOCAL_BRIEF_CHARS, writeLocalBrief } from "../../../../src/core/deck/localPromptWriter";
import { MAX_BODY_CHARS_READ } from "../../../../src/core/deck/slideText";

interface Row {
  name: string;
  title: string;
  body?: string;
  /** Concept ids the brief must start with, strongest first. */
  concepts?: string[];
  /** Words the brief must contain (case-insensitive). */
  has?: string[];
  /** Text the brief must not contain (case-insensitive). */
  hasNot?: string[];
  /** True when nothing can be pictured: the brief is empty. */
  empty?: boolean;
}

const TABLE: Row[] = [
  {
    name: "growth in EMEA, not the digits",
    title: "Quarterly revenue up 12% in EMEA",
    concepts: ["revenue", "growth", "emea"],
    has: ["coins", "plant", "Europe"],
    hasNot: ["12", "%", "quarterly"],
  },
  {
    name: "sales results with money and a link",
    title: "Q3 2024 Sales Results",
    body: "• Total sales: $4.2M (+18% YoY)\n• Top region: North America\n• Details: https://contoso.com/q3",
    concepts: ["revenue", "americas"],
    has: ["Americas"],
    hasNot: ["$", "contoso.com", "Q3", "region"],
  },
  {
    name: "hiring plan with an e-mail and a month",
    title: "Team & Hiring Plan",
    body: "• Hire 5 engineers by March\n• Onboarding program for new staff\n• Questions: hr@contoso.com",
    concepts: ["team"],
    has: ["colleagues"],
    hasNot: ["@", "march", "hr@"],
  },
  {
    name: "security roadmap with an ISO date",
    title: "Cybersecurity roadmap",
    body: "Zero trust rollout in 3 phases\nMFA for all employees by 2025-06-30",
    concepts: ["timeline", "security"],
    has: ["shield", "road"],
    hasNot: ["2025", "06"],
  },
  {
    name: "cloud migration with percentages",
    title: "Cloud Migration",
    body: "Move 80% of workloads to Azure\nDecommission 2 data centers",
    concepts: ["cloud"],
    has: ["clouds", "migration"],
    hasNot: ["80"],
  },
  {
    name: "customer satisfaction scores",
    title: "Customer satisfaction",
    body: "NPS up from 32 to 47\nChurn down 3 pp",
    concepts: ["customers"],
    has: ["welcomed"],
    hasNot: ["32", "47"],
  },
  {
    name: "German compound words and Mio. €",
    title: "Umsatzwachstum in der DACH-Region",
    body: "• Neukunden gewinnen\n• Kosten um 5 Mio. € senken",
    concepts: ["revenue", "growth", "europe"],
    has: ["coins", "Europe"],
    hasNot: ["€", "mio", " der "],
  },
  {
    name: "French data security, diacritics and elision",
    title: "Sécurité des données et conformité",
    body: "Chiffre d'affaires en hausse de 8 %",
    concepts: ["security", "data"],
    has: ["padlock"],
    hasNot: ["8 %", " des "],
  },
  {
    name: "Spanish growth strategy in Latin America",
    title: "Estrategia de crecimiento en LATAM",
    body: "Nuevos clientes en México y Brasil",
    concepts: ["strategy", "growth", "americas"],
    has: ["chess", "Americas"],
  },
  {
    name: "Italian revenue goals in Europe",
    title: "Obiettivi di fatturato 2025",
    body: "Crescita del 15% in Europa",
    concepts: ["goals", "revenue", "europe"],
    has: ["target", "Europe"],
    hasNot: ["2025", "15"],
  },
  {
    name: "Portuguese sustainability plan",
    title: "Plano de sustentabilidade",
    body: "Reduzir emissões de carbono em 40% até 2030",
    concepts: ["sustainability"],
    has: ["wind turbines"],
    hasNot: ["40", "2030"],
  },
  { name: "Dutch customers and growth in Benelux", title: "Klanten en groei in Benelux", concepts: ["customers", "growth", "europe"] },
  {
    name: "AI acronym in capitals",
    title: "AI Strategy 2025",
    body: "Copilot for every employee\nResponsible AI principles",
    concepts: ["ai", "strategy"],
    has: ["network of connected nodes"],
    hasNot: ["2025"],
  },
  {
    name: "risk register",
    title: "Risks and mitigations",
    body: "• Supply chain delays\n• Currency risk (EUR/USD)\n• Key-person dependency",
    concepts: ["risk", "logistics"],
    has: ["tightrope"],
    hasNot: ["eur", "usd"],
  },
  {
    name: "launch dates in two formats and a www link",
    title: "Product launch timeline",
    body: "Beta: 01/03/2025\nGA: 15.06.2025\nSee www.contoso.com/launch",
    concepts: ["launch", "timeline"],
    has: ["rocket"],
    hasNot: ["www", "01", "contoso"],
  },
  { name: "no concept: the title's own words", title: "Our new coffee machine", concepts: [], has: ["coffee machine"], hasNot: ["our", "new"] },
  { name: "title only, with a partner name", title: "Partnership with Fabrikam", concepts: ["partnership"], has: ["handshake", "fabrikam"] },
  {
    name: "speaker-note label dropped, notes kept as content",
    title: "Operational efficiency",
    body: "Automate invoice workflow\nSpeaker notes: mention the pilot in Lisbon",
    concepts: ["process"],
    has: ["gears"],
    hasNot: ["speaker", "notes:"],
  },
  {
    name: "APAC expansion",
    title: "APAC expansion",
    body: "New offices in Singapore and Tokyo",
    concepts: ["growth", "apac"],
    has: ["Asia and the Pacific"],
    hasNot: ["APAC expansion,"],
  },
  {
    name: "marketing is not market",
    title: "Marketing campaign results",
    body: "Brand awareness +25%\n1.2M impressions",
    concepts: ["marketing"],
    has: ["megaphone"],
    hasNot: ["runners", "25", "1.2"],
  },
  { name: "digital transformation", title: "Digital transformation journey", concepts: ["digital"], has: ["butterfly"] },
  {
    name: "KPI dashboard",
    title: "KPI dashboard",
    body: "Monthly active users\nConversion rate",
    concepts: ["data"],
    has: ["constellation"],
    hasNot: ["monthly"],
  },
  { name: "global supply chain", title: "Global supply chain resilience", concepts: ["logistics", "global"], has: ["cargo ships", "globe"] },
  {
    name: "bullet markers and numbering removed",
    title: "Next steps",
    body: "1. Finalise the budget\n2) Align with partners\n- Kick-off with the team",
    concepts: ["cost", "partnership"],
    hasNot: ["1.", "2)", "- "],
  },
  { name: "empty slide", title: "", body: "", empty: true },
  { name: "placeholder prompts only", title: "Click to add title", body: "Click to add text", empty: true },
  { name: "closing slide with contact details", title: "Thank you!", body: "Questions?\njane.doe@contoso.com\n+1 (555) 123-4567", empty: true },
  { name: "numbers only", title: "2025", body: "€1.2bn | 45% | 3x", empty: true },
  { name: "footer and slide number lines", title: "", body: "Confidential\nSlide 4 of 12\n© 2025 Contoso Ltd. All rights reserved.", empty: true },
];

describe("writeLocalBrief on real slide texts", () => {
  it("has a table of at least 20 slide texts", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(20);
  });

  it.each(TABLE)("$name", (row) => {
    const brief = writeLocalBrief({ id: "s1", kind: "slide", title: row.title, body: row.body ?? "" });
    expect(brief.itemId).toBe("s1");
    expect(brief.writer).toBe("local");
    if (row.empty) {
      expect(brief.prompt).toBe("");
      expect(brief.concepts).toEqual([]);
      return;
    }
    const prompt = brief.prompt;
    expect(prompt.startsWith("A single clear scene")).toBe(true);
    expect(prompt.endsWith(`, ${NO_TEXT_CLAUSE}.`)).toBe(true);
    expect(prompt).not.toMatch(/\d/);
    expect(prompt).not.toMatch(/https?:|www\.|@/i);
    expect(prompt.length).toBeLessThanOrEqual(MAX_LOCAL_BRIEF_CHARS);
    if (row.concepts) expect(brief.concepts.slice(0, row.concepts.length)).toEqual(row.concepts);
    if (row.concepts?.length === 0) expect(brief.concepts).toEqual([]);
    for (const word of row.has ?? []) expect(prompt.toLowerCase()).toContain(word.toLowerCase());
    for (const text of row.hasNot ?? []) expect(prompt.toLowerCase()).not.toContain(text.toLowerCase());
    // Deterministic: the same text gives the same brief.
    expect(writeLocalBrief({ id: "s1", kind: "slide", title: row.title, body: row.body ?? "" })).toEqual(brief);
  });
});

describe("writeLocalBrief bounds", () => {
  it("keeps a 10,000-character body bounded and reads only its start", () => {
    const filler = "Our teams worked on many things this year and shipped them. ".repeat(200);
    const body = `${filler.slice(0, MAX_BODY_CHARS_READ)}\nCybersecurity shield padlock ${"x".repeat(10_000 - MAX_BODY_CHARS_READ)}`;
    expect(body.length).toBeGreaterThan(10_000);
    const brief = writeLocalBrief({ id: "big", kind: "slide", title: "Year in review", body });
    expect(brief.prompt.length).toBeLessThanOrEqual(MAX_LOCAL_BRIEF_CHARS);
    expect(brief.concepts).toEqual(["team"]);
    expect(brief.prompt).not.toContain("shield");
  });

  it("leaves out a pasted token longer than a word", () => {
    const brief = writeLocalBrief({ id: "s", kind: "slide", title: `Overview ${"a".repeat(300)}`, body: "Our customers" });
    expect(brief.prompt).not.toContain("aaaa");
    expect(brief.concepts).toEqual(["customers"]);
  });

  it("uses the body's strongest words when the title says nothing", () => {
    const brief = writeLocalBrief({
      id: "s",
      kind: "section",
      title: "",
      body: "Greenhouse tomatoes\nTomatoes need warmth\nWatering tomatoes daily",
    });
    expect(brief.prompt).toContain("conveys tomatoes greenhouse");
  });

  it("does not read French 'ai' or Portuguese 'eu' as AI or EU", () => {
    expect(writeLocalBrief({ id: "s", kind: "slide", title: "Ce que j'ai appris", body: "eu acho que sim" }).concepts).toEqual([]);
    expect(writeLocalBrief({ id: "s", kind: "slide", title: "EU and AI", body: "" }).concepts).toEqual(["ai", "europe"]);
  });
});

describe("localPromptWriter", () => {
  it("writes one brief per item, in order, with each item's id", async () => {
    const briefs = await localPromptWriter.write(
      [
        { id: "a", kind: "slide", title: "Cloud Migration", body: "" },
        { id: "b", kind: "slide", title: "", body: "" },
        { id: "c", kind: "section", title: "Risks", body: "" },
      ],
      NO_DECK_STYLE,
    );
    expect(briefs.map((b) => [b.itemId, b.prompt !== ""])).toEqual([
      ["a", true],
      ["b", false],
      ["c", true],
    ]);
    expect(localPromptWriter.id).toBe("local");
  });
});
