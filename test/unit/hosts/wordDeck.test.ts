// The Word adapter's whole-document operations against the Word fake: sections from headings, read one, insert into one.
import { DOMParser } from "@xmldom/xmldom";
import { altTextFor } from "../../../src/core/altText";
import type { PictureData } from "../../../src/core/types";
import { wordCapabilities } from "../../../src/hosts/office/requirementSets";
import { parseProvenanceXml, type XmlParser } from "../../../src/hosts/word/provenanceXml";
import { WordHost } from "../../../src/hosts/word/WordHost";
import { outlineSections } from "../../../src/hosts/word/wordSections";
import { pngPicture } from "../../support/pictures";
import { FakeWordDocument, fakeWordEnvironment } from "./fakes/fakeWord";
import { flags } from "./fakes/requirements";

const parser = new DOMParser() as unknown as XmlParser;
let landscape: PictureData;
beforeAll(async () => {
  landscape = await pngPicture(1536, 1024);
});

/** A report: a title, two Heading 1 sections, one with a Heading 2 subsection, and a heading with nothing under it. */
function report(): FakeWordDocument {
  const doc = new FakeWordDocument([]);
  const add = (text: string, style = "Normal") => doc.paragraphs.push(doc.newParagraph(text, style));
  add("Annual report", "Title");
  add("Introduction", "Heading1");
  add("This year we opened two new stores.");
  add("Customers came back more often.");
  add("Market", "Heading1");
  add("Demand for bicycles grew in every region.");
  add("Competitors", "Heading2");
  add("Two rivals merged in spring.");
  add("Risks", "Heading1");
  return doc;
}

function setup(doc = report(), max: Record<string, string> = { WordApi: "1.4" }) {
  const env = fakeWordEnvironment(doc, wordCapabilities(flags(max)));
  return { doc, host: new WordHost({ ...env, xmlParser: parser }) };
}

const insertOptions = {
  altText: altTextFor("Bicycles in a city street"),
  prompt: "Bicycles in a city street",
  pictureId: "lib-7",
  provenance: { style: "flat" },
};

describe("Word sections (WordHost.deck)", () => {
  it("lists Heading 1 and Heading 2 sections with the text under each up to the next heading of the same or a higher level", async () => {
    const { host } = setup();
    const items = await host.deck!.listItems();
    expect(items.map(({ title, body, layout, index, kind }) => ({ title, body, level: layout?.headingLevel, index, kind }))).toEqual([
      { title: "Introduction", body: "This year we opened two new stores.\nCustomers came back more often.", level: 1, index: 0, kind: "section" },
      {
        title: "Market",
        body: "Demand for bicycles grew in every region.\nCompetitors\nTwo rivals merged in spring.",
        level: 1,
        index: 1,
        kind: "section",
      },
      { title: "Competitors", body: "Two rivals merged in spring.", level: 2, index: 2, kind: "section" },
      { title: "Risks", body: "", level: 1, index: 3, kind: "section" },
    ]);
    expect(items.every((item) => !item.hasPicture)).toBe(true);
  });

  it("gives a document without headings no sections, and is absent below WordApi 1.3", async () => {
    expect(await setup(new FakeWordDocument(["Just a paragraph"])).host.deck!.listItems()).toEqual([]);
    expect(setup(report(), { WordApi: "1.2" }).host.deck).toBeUndefined();
  });

  it("keeps section ids stable when text elsewhere changes, and tells equal headings apart by ordinal", () => {
    const para = (text: string, headingLevel?: number) => ({ text, headingLevel, pictureCount: 0, pictureTags: [] });
    const before = outlineSections([para("Notes", 1), para("a"), para("Notes", 1), para("b")]).map((s) => s.id);
    const after = outlineSections([para("New intro"), para("Notes", 1), para("a changed"), para("Notes", 1)]).map((s) => s.id);
    expect(before).toEqual(after);
    expect(new Set(before).size).toBe(2);
  });

  it("reads one section's text again, and says item_gone once its heading is deleted", async () => {
    const { doc, host } = setup();
    const market = (await host.deck!.listItems())[1];
    await expect(host.deck!.readItemText(market.id)).resolves.toMatchObject({ title: "Market", body: expect.stringContaining("bicycles") });
    doc.paragraphs.splice(
      doc.paragraphs.findIndex((p) => p.text === "Market"),
      1,
    );
    await expect(host.deck!.readItemText(market.id)).rejects.toMatchObject({ name: "HostError", code: "item_gone" });
  });

  it("inserts after the section's first paragraph, column-wide, in the Illustrate content control with its provenance", async () => {
    const { doc, host } = setup();
    const market = (await host.deck!.listItems())[1];
    const location = await host.deck!.insertIntoItem(market.id, landscape, insertOptions);
    expect(location).toEqual({ itemId: market.id, shapeId: "illustrate:lib-7", sizePt: { widthPt: 468, heightPt: 312 } });
    const lines = doc.describe();
    expect(lines.slice(4, 8)).toEqual([
      "(Heading1) Market",
      "Demand for bicycles grew in every region.",
      '{Illustrate picture|illustrate:lib-7} [picture 468x312 "AI-generated image: Bicycles in a city street"]',
      "(Heading2) Competitors",
    ]);
    expect(parseProvenanceXml(doc.customXmlParts[0].xml, parser)).toEqual({ libraryId: "lib-7", prompt: "Bicycles in a city street", style: "flat" });
    expect((await host.deck!.listItems())[1].hasPicture).toBe(true);
  });

  it("puts the picture right after the heading of a section with no text under it", async () => {
    const { doc, host } = setup();
    const risks = (await host.deck!.listItems())[3];
    await host.deck!.insertIntoItem(risks.id, landscape, insertOptions);
    expect(doc.describe().slice(-2)).toEqual(["(Heading1) Risks", expect.stringMatching(/^\{Illustrate picture\|illustrate:lib-7\} \[picture/)]);
  });

  it("is idempotent by picture id: a second insert returns the first one's place and adds nothing", async () => {
    const { doc, host } = setup();
    const intro = (await host.deck!.listItems())[0];
    const first = await host.deck!.insertIntoItem(intro.id, landscape, insertOptions);
    const before = doc.describe();
    await expect(host.deck!.insertIntoItem(intro.id, landscape, insertOptions)).resolves.toEqual(first);
    expect(doc.describe()).toEqual(before);
    expect(doc.customXmlParts).toHaveLength(1);
  });

  it("refuses a read-only document and a gone section without changing anything", async () => {
    const { doc, host } = setup();
    const [intro] = await host.deck!.listItems();
    const before = doc.describe();
    doc.mode = "readOnly";
    await expect(host.deck!.insertIntoItem(intro.id, landscape, insertOptions)).rejects.toMatchObject({ code: "read_only" });
    doc.mode = "readWrite";
    doc.quirks.accessDenied = true;
    await expect(host.deck!.insertIntoItem(intro.id, landscape, insertOptions)).rejects.toMatchObject({ code: "read_only" });
    doc.quirks.accessDenied = false;
    await expect(host.deck!.insertIntoItem("section:0:Nowhere", landscape, insertOptions)).rejects.toMatchObject({ code: "item_gone" });
    expect(doc.describe()).toEqual(before);
    expect(doc.customXmlParts).toEqual([]);
  });
});
