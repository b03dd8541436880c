// The Word adapter keeps how a picture was made in the document: content control tag + custom XML part, read back on selection.
import { DOMParser } from "@xmldom/xmldom";
import { altTextFor } from "../../../src/core/altText";
import type { PictureData } from "../../../src/core/types";
import type { PictureProvenance } from "../../../src/hosts/DocumentHost";
import { wordCapabilities } from "../../../src/hosts/office/requirementSets";
import { parseProvenanceXml, PROVENANCE_NAMESPACE, provenanceXml, type XmlParser } from "../../../src/hosts/word/provenanceXml";
import { WordHost } from "../../../src/hosts/word/WordHost";
import { pngPicture } from "../../support/pictures";
import { FakeWordDocument, fakeWordEnvironment } from "./fakes/fakeWord";
import { flags } from "./fakes/requirements";

const PROMPT = "A misty mountain lake at dawn";
// Bad XML is expected in some cases: keep xmldom quiet about it.
const parser = new DOMParser({ onError: () => undefined }) as unknown as XmlParser;
const provenance: PictureProvenance = { libraryId: "lib-1", prompt: PROMPT, style: "watercolour", model: "gpt-image-1", size: "1536x1024" };
let landscape: PictureData;
let square: PictureData;

beforeAll(async () => {
  [landscape, square] = await Promise.all([pngPicture(1536, 1024), pngPicture(1024, 1024, "#aa3366")]);
});

function setup(max: Record<string, string> = { WordApi: "1.4" }, doc = new FakeWordDocument(["Title", PROMPT, "Closing words"])) {
  const newHost = () => new WordHost({ ...fakeWordEnvironment(doc, wordCapabilities(flags(max))), xmlParser: parser });
  return { doc, host: newHost(), newHost };
}

describe("provenance XML", () => {
  it("round-trips every field, escaping markup and quotes", () => {
    const tricky: PictureProvenance = {
      libraryId: 'id"<&>',
      prompt: `Fish & chips <b>"bold"</b> it's\r\nfine`,
      style: "a&b",
      model: "m<1>",
      size: "1x1",
    };
    const xml = provenanceXml(tricky);
    expect(xml).not.toContain("<b>");
    expect(parseProvenanceXml(xml, parser)).toEqual(tricky);
  });

  it("drops characters XML cannot hold instead of writing a broken part", () => {
    const xml = provenanceXml({ ...provenance, prompt: "lake\u0000\u0007 at dawn" });
    expect(parseProvenanceXml(xml, parser)?.prompt).toBe("lake at dawn");
  });

  it("claims nothing that is not Illustrate's: other namespaces, bad XML, no prompt", () => {
    expect(parseProvenanceXml(`<picture xmlns="urn:someone-else" libraryId="x"><prompt>p</prompt></picture>`, parser)).toBeUndefined();
    expect(parseProvenanceXml("<picture", parser)).toBeUndefined();
    expect(parseProvenanceXml(`<picture xmlns="${PROVENANCE_NAMESPACE}" libraryId="x"/>`, parser)).toBeUndefined();
  });
});

describe("WordHost provenance (WordApi 1.4)", () => {
  it("wraps the inserted picture's paragraph in an Illustrate content control and adds one custom XML part", async () => {
    const { doc, host } = setup();
    doc.selectText(PROMPT);
    await host.insertPicture(landscape, { altText: altTextFor(PROMPT), prompt: PROMPT, provenance });
    expect(doc.describe()[2]).toBe(`{Illustrate picture|illustrate:lib-1} [picture 468x312 "AI-generated image: ${PROMPT}"]`);
    expect(doc.customXmlParts).toHaveLength(1);
    expect(doc.customXmlParts[0].namespaceUri).toBe(PROVENANCE_NAMESPACE);
    expect(parseProvenanceXml(doc.customXmlParts[0].xml, parser)).toEqual(provenance);
  });

  it("another session (a new adapter, nothing in memory) reads the prompt back from the document and knows the alt text is its own", async () => {
    const { doc, host, newHost } = setup();
    doc.selectText(PROMPT);
    await host.insertPicture(landscape, { altText: altTextFor(PROMPT), prompt: PROMPT, provenance });
    doc.selectPicture(doc.paragraphs[2].pictures[0]);
    const snapshot = await newHost().readSelection();
    expect(snapshot.picture).toMatchObject({ provenance, altTextIsGenerated: true });
  });

  it("reports alt text a person edited as theirs, though the picture is Illustrate's", async () => {
    const { doc, host, newHost } = setup();
    doc.selectText(PROMPT);
    await host.insertPicture(landscape, { altText: altTextFor(PROMPT), prompt: PROMPT, provenance });
    doc.paragraphs[2].pictures[0].altTextDescription = "Our team's lake, photographed in May";
    doc.selectPicture(doc.paragraphs[2].pictures[0]);
    expect((await newHost().readSelection()).picture).toMatchObject({ provenance, altTextIsGenerated: false });
  });

  it("never claims a picture outside an Illustrate content control, even one in a person's own control with matching alt text", async () => {
    const { doc, host } = setup();
    const mine = doc.addPicture(doc.paragraphs[1], square.base64, 200, altTextFor(PROMPT));
    doc.paragraphs[1].contentControl = { id: 99, tag: "customer-logo", title: "Logo" };
    doc.customXmlParts.push({ id: "{x}", namespaceUri: PROVENANCE_NAMESPACE, xml: provenanceXml({ ...provenance, libraryId: "customer-logo" }) });
    doc.selectPicture(mine);
    const picture = (await host.readSelection()).picture;
    expect(picture?.provenance).toBeUndefined();
    expect(picture?.altTextIsGenerated).toBe(false);
  });

  it("Replace keeps the content control, replaces the picture inside it and swaps the metadata", async () => {
    const { doc, host, newHost } = setup();
    doc.selectText(PROMPT);
    await host.insertPicture(landscape, { altText: altTextFor(PROMPT), prompt: PROMPT, provenance });
    doc.selectPicture(doc.paragraphs[2].pictures[0]);
    const later = newHost();
    const selected = (await later.readSelection()).picture!;
    const next: PictureProvenance = {
      libraryId: "lib-2",
      prompt: "A stormy lake at dusk",
      style: "watercolour",
      model: "gpt-image-1",
      size: "1024x1024",
    };
    await later.replacePicture(selected, square, { altText: altTextFor(next.prompt), prompt: next.prompt, provenance: next });
    expect(doc.describe()[2]).toBe(`{Illustrate picture|illustrate:lib-2} [picture 468x468 "AI-generated image: A stormy lake at dusk"]`);
    expect(doc.customXmlParts.map((p) => parseProvenanceXml(p.xml, parser))).toEqual([next]);
    doc.selectPicture(doc.paragraphs[2].pictures[0]);
    expect((await newHost().readSelection()).picture?.provenance).toEqual(next);
  });

  it("a failed insert leaves neither the picture paragraph nor its metadata", async () => {
    const { doc, host } = setup();
    doc.selectText(PROMPT);
    doc.quirks.failPictureInsert = "InvalidArgument";
    const before = doc.describe();
    await expect(host.insertPicture(landscape, { altText: altTextFor(PROMPT), prompt: PROMPT, provenance })).rejects.toMatchObject({
      name: "HostError",
    });
    expect(doc.describe()).toEqual(before);
    expect(doc.customXmlParts).toEqual([]);
  });
});

describe("WordHost provenance below WordApi 1.4", () => {
  it("writes the content-control tag only (no custom XML part) and says provenance needs WordApi 1.4", async () => {
    const { doc, host } = setup({ WordApi: "1.3" });
    expect(host.capabilities.features.provenance).toBe(false);
    expect(host.capabilities.reasons.provenance).toBe("capability.needsWordApi14");
    doc.selectText(PROMPT);
    await host.insertPicture(landscape, { altText: altTextFor(PROMPT), prompt: PROMPT, provenance });
    expect(doc.describe()[2]).toMatch(/^\{Illustrate picture\|illustrate:lib-1\} \[picture/);
    expect(doc.customXmlParts).toEqual([]);
    doc.selectPicture(doc.paragraphs[2].pictures[0]);
    // Same session: the in-memory alt-text memory is the fallback.
    expect((await host.readSelection()).picture).toMatchObject({ altTextIsGenerated: true });
    expect((await host.readSelection()).picture?.provenance).toBeUndefined();
  });
});
