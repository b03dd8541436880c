// The Word adapter against a hand-made fake of Word: insert place, sizes in points, alt text, replace, errors.
import { altTextFor } from "../../../src/core/altText";
import type { PictureData } from "../../../src/core/types";
import { wordCapabilities } from "../../../src/hosts/office/requirementSets";
import { WordHost } from "../../../src/hosts/word/WordHost";
import { FakeWordDocument, fakeWordEnvironment } from "./fakes/fakeWord";
import { hostRejection } from "./fakes/hostErrors";
import { jpegPicture, pngPicture } from "../../support/pictures";
import { flags } from "./fakes/requirements";

const PROMPT = "A misty mountain lake at dawn";
const options = { altText: altTextFor(PROMPT), prompt: PROMPT };
let landscape: PictureData;
let square: PictureData;
let portrait: PictureData;

beforeAll(async () => {
  [landscape, square, portrait] = await Promise.all([pngPicture(1536, 1024), pngPicture(1024, 1024, "#aa3366"), pngPicture(1024, 1536)]);
});

function setup(texts = ["Title", PROMPT, "Closing words"], max: Record<string, string> = { WordApi: "1.3" }) {
  const doc = new FakeWordDocument(texts);
  const env = fakeWordEnvironment(doc, wordCapabilities(flags(max)));
  return { doc, env, host: new WordHost(env) };
}

describe("the fake behaves like Word", () => {
  it("refuses to read a property before load and sync", async () => {
    const { doc, env } = setup();
    doc.selectText(PROMPT);
    await env.run(async (context) => {
      const range = context.document.getSelection();
      expect(() => range.text).toThrow(/not available.*load/);
      range.load("text");
      expect(() => range.text).toThrow(/not available/);
      await context.sync();
      expect(range.text).toBe(PROMPT);
    });
  });

  it("rejects an untracked object used in a later batch", async () => {
    const { doc, env } = setup();
    doc.selectText(PROMPT);
    const range = await env.run(async (context) => context.document.getSelection());
    await expect(
      env.runWith(range as unknown as OfficeExtension.ClientObject, async (context) => {
        range.load("text");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidObjectPath" });
  });

  it("reproduces replace-through-selection: duplicate (#4053), then failure (#6573)", async () => {
    const { doc, env } = setup();
    const old = doc.addPicture(doc.paragraphs[1], square.base64, 300);
    doc.selectPicture(old);
    await env.run(async (context) => {
      context.document.getSelection().insertInlinePictureFromBase64(landscape.base64, "Replace");
      await context.sync();
    });
    expect(doc.paragraphs[1].pictures).toHaveLength(2);
    await expect(
      env.run(async (context) => {
        context.document.getSelection().insertInlinePictureFromBase64(landscape.base64, "Replace");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
  });
});

describe("WordHost.readSelection", () => {
  it("returns the selected text", async () => {
    const { doc, host } = setup();
    doc.selectText(PROMPT);
    await expect(host.readSelection()).resolves.toEqual({ text: PROMPT });
  });

  it("returns the selected inline picture with its size in points and alt text", async () => {
    const { doc, host } = setup();
    const picture = doc.addPicture(doc.paragraphs[1], square.base64, 240, { title: "Lake", description: "written by a person" });
    doc.selectPicture(picture);
    const snapshot = await host.readSelection();
    expect(snapshot.text).toBe("");
    expect(snapshot.picture).toMatchObject({
      sizePt: { widthPt: 240, heightPt: 240 },
      altText: { title: "Lake", description: "written by a person" },
    });
  });

  it("does not look for pictures below WordApi 1.3", async () => {
    const { doc, host } = setup(undefined, { WordApi: "1.2" });
    doc.selectPicture(doc.addPicture(doc.paragraphs[1], square.base64, 240));
    await expect(host.readSelection()).resolves.toEqual({ text: "" });
  });
});

describe("WordHost.insertPicture", () => {
  it("puts the picture in a new paragraph right after the selected one, 468 pt wide, with alt text", async () => {
    const { doc, host } = setup();
    doc.selectText("mountain lake");
    const result = await host.insertPicture(landscape, options);
    expect(result).toEqual({ sizePt: { widthPt: 468, heightPt: 312 } });
    expect(doc.describe()).toEqual(["Title", PROMPT, `[picture 468x312 "AI-generated image: ${PROMPT}"]`, "Closing words"]);
    expect(doc.paragraphs[2].alignment).toBe("Centered");
    expect(doc.paragraphs[2].pictures[0].lockAspectRatio).toBe(true);
  });

  it("does not inherit a heading style for the picture paragraph", async () => {
    const { doc, host } = setup();
    doc.paragraphs[1].styleBuiltIn = "Heading1";
    doc.selectText(PROMPT);
    await host.insertPicture(square, options);
    expect(doc.paragraphs[2].styleBuiltIn).toBe("Normal");
  });

  it("uses the text column width from page setup where Word gives it (WordApiDesktop 1.3)", async () => {
    const { doc, host } = setup(undefined, { WordApi: "1.3", WordApiDesktop: "1.3" });
    // A4 with 1 in margins: 595.3 − 144 = 451.3 pt.
    doc.pageSetup = { pageWidth: 595.3, pageHeight: 841.9, leftMargin: 72, rightMargin: 72, topMargin: 72, bottomMargin: 72 };
    doc.selectText(PROMPT);
    const result = await host.insertPicture(square, options);
    expect(result.sizePt).toEqual({ widthPt: 451.3, heightPt: 451.3 });
  });

  it("keeps a portrait picture within the text height (never wider than the column)", async () => {
    const { doc, host } = setup();
    doc.selectText(PROMPT);
    const result = await host.insertPicture(portrait, options);
    expect(result.sizePt).toEqual({ widthPt: 432, heightPt: 648 });
  });

  it("adds a Caption-style paragraph with the prompt under the picture when asked", async () => {
    const { doc, host } = setup();
    doc.selectText(PROMPT);
    await host.insertPicture(square, { ...options, caption: true });
    expect(doc.describe()[3]).toBe(`(Caption) ${PROMPT}`);
    expect(doc.describe()[4]).toBe("Closing words");
  });

  it("replaces the selected text with the picture when wordPlacement is replace-selection", async () => {
    const { doc, host } = setup(["Before", "Draw: a red fox here"]);
    doc.selectText("a red fox");
    await host.insertPicture(square, { ...options, wordPlacement: "replace-selection" });
    expect(doc.describe()).toEqual(["Before", `Draw:  here[picture 468x468 "AI-generated image: ${PROMPT}"]`]);
  });

  it("replace-selection over a selected picture goes through the picture object, not the range (#4053)", async () => {
    const { doc, host } = setup();
    doc.selectPicture(doc.addPicture(doc.paragraphs[1], landscape.base64, 300));
    await host.insertPicture(square, { ...options, wordPlacement: "replace-selection" });
    expect(doc.paragraphs[1].pictures).toHaveLength(1);
    expect(doc.paragraphs[1].pictures[0].base64).toBe(square.base64);
  });

  it("puts the picture at the captured place even after the selection moved", async () => {
    const { doc, host } = setup();
    doc.selectText(PROMPT);
    const target = await host.captureTarget();
    doc.selectText("Closing");
    const result = await host.insertPicture(square, { ...options, target });
    expect(result.usedFallbackLocation).toBeUndefined();
    expect(doc.describe()[2]).toMatch(/^\[picture 468x468/);
  });

  it("keeps the captured place for a retry after a refused insert", async () => {
    const { doc, host } = setup();
    doc.selectText(PROMPT);
    const target = await host.captureTarget();
    doc.selectText("Closing");
    doc.quirks.failPictureInsert = "InvalidArgument";
    await hostRejection(host.insertPicture(square, { ...options, target }));
    doc.quirks.failPictureInsert = undefined;
    const result = await host.insertPicture(square, { ...options, target });
    expect(result.usedFallbackLocation).toBeUndefined();
    expect(doc.describe()[2]).toMatch(/^\[picture 468x468/);
  });

  it("falls back to the current selection and says so when the captured text is gone", async () => {
    const { doc, host } = setup();
    doc.selectText(PROMPT);
    const target = await host.captureTarget();
    doc.paragraphs.splice(1, 1);
    doc.selectText("Closing");
    const result = await host.insertPicture(square, { ...options, target });
    expect(result.usedFallbackLocation).toBe(true);
    expect(doc.describe()).toEqual(["Title", "Closing words", expect.stringMatching(/^\[picture/)]);
  });

  it("refuses a document Office reports read-only before touching it", async () => {
    const { doc, host } = setup();
    doc.mode = "readOnly";
    doc.selectText(PROMPT);
    const before = doc.describe();
    expect((await hostRejection(host.insertPicture(square, options))).code).toBe("read_only");
    expect(doc.describe()).toEqual(before);
  });

  it("maps AccessDenied (protected document) to read_only and leaves the document as it was", async () => {
    const { doc, host } = setup();
    doc.quirks.accessDenied = true;
    doc.selectText(PROMPT);
    const before = doc.describe();
    expect((await hostRejection(host.insertPicture(square, options))).code).toBe("read_only");
    expect(doc.describe()).toEqual(before);
  });

  it("maps Viewing mode's bare GeneralException to insert_refused with a hint", async () => {
    const { doc, host } = setup();
    doc.quirks.viewingMode = true;
    doc.selectText(PROMPT);
    const error = await hostRejection(host.insertPicture(square, options));
    expect(error.code).toBe("insert_refused");
    expect(error.message).toMatch(/Viewing mode or read-only/);
  });

  it("removes the new empty paragraph when Word refuses the picture", async () => {
    const { doc, host } = setup();
    doc.quirks.failPictureInsert = "InvalidArgument";
    doc.selectText(PROMPT);
    const before = doc.describe();
    expect((await hostRejection(host.insertPicture(square, { ...options, caption: true }))).code).toBe("insert_refused");
    expect(doc.describe()).toEqual(before);
  });

  it("reports insert_not_verified when Word says yes but no picture is there (#3033)", async () => {
    const { doc, host } = setup();
    doc.quirks.dropPicturesSilently = true;
    doc.selectText(PROMPT);
    const before = doc.describe();
    expect((await hostRejection(host.insertPicture(square, options))).code).toBe("insert_not_verified");
    expect(doc.describe()).toEqual(before);
  });

  it("says unsupported below WordApi 1.2", async () => {
    const { doc, host } = setup(undefined, { WordApi: "1.1" });
    doc.selectText(PROMPT);
    expect(host.capabilities.features.insertPicture).toBe(false);
    expect(host.capabilities.reasons.insertPicture).toBe("capability.needsWordApi12");
    expect((await hostRejection(host.insertPicture(square, options))).code).toBe("unsupported");
  });
});

describe("WordHost.replacePicture", () => {
  async function selectedPicture(alt?: { title: string; description: string }) {
    const s = setup();
    const old = s.doc.addPicture(s.doc.paragraphs[1], square.base64, 300, alt);
    s.doc.selectPicture(old);
    const snapshot = await s.host.readSelection();
    return { ...s, old, selected: snapshot.picture! };
  }

  it("replaces through the picture object: one picture, same paragraph, same width, height from the new aspect", async () => {
    const { doc, host, selected } = await selectedPicture();
    doc.selectText("Closing"); // the person clicked elsewhere meanwhile
    const result = await host.replacePicture(selected, landscape, options);
    expect(result.sizePt).toEqual({ widthPt: 300, heightPt: 200 });
    expect(doc.paragraphs[1].pictures).toHaveLength(1);
    expect(doc.paragraphs[1].pictures[0].base64).toBe(landscape.base64);
    expect(doc.describe()[1]).toBe(`${PROMPT}[picture 300x200 "AI-generated image: ${PROMPT}"]`);
  });

  it("works a second time on the same picture (office-js #6573 broke the selection path)", async () => {
    const { doc, host, selected } = await selectedPicture();
    await host.replacePicture(selected, landscape, options);
    await host.replacePicture(selected, portrait, options);
    expect(doc.paragraphs[1].pictures).toHaveLength(1);
    expect(doc.paragraphs[1].pictures[0].base64).toBe(portrait.base64);
    expect(doc.paragraphs[1].pictures[0].width).toBe(300);
  });

  it("keeps the box when asked", async () => {
    const { doc, host, selected } = await selectedPicture();
    await host.replacePicture(selected, landscape, { ...options, keepBox: true });
    expect(doc.paragraphs[1].pictures[0]).toMatchObject({ width: 300, height: 300 });
  });

  it("keeps alt text a person wrote unless told to overwrite it", async () => {
    const alt = { title: "Lake", description: "my own words" };
    const kept = await selectedPicture(alt);
    await kept.host.replacePicture(kept.selected, landscape, options);
    expect(kept.doc.paragraphs[1].pictures[0]).toMatchObject({ altTextTitle: "Lake", altTextDescription: "my own words" });

    const overwritten = await selectedPicture(alt);
    await overwritten.host.replacePicture(overwritten.selected, landscape, { ...options, overwriteAltText: true });
    expect(overwritten.doc.paragraphs[1].pictures[0]).toMatchObject({ altTextTitle: "AI-generated image", altTextDescription: PROMPT });
  });

  it("writes the new alt text over the alt text it wrote for the old prompt (title and description)", async () => {
    const { doc, host } = setup();
    doc.selectText(PROMPT);
    await host.insertPicture(square, options);
    const inserted = doc.paragraphs[2].pictures[0];
    doc.selectPicture(inserted);
    const { picture } = await host.readSelection();
    expect(picture).toMatchObject({ altText: altTextFor(PROMPT), altTextIsGenerated: true });
    const fox = "A red fox in snow";
    await host.replacePicture(picture!, landscape, { altText: altTextFor(fox), prompt: fox });
    expect(doc.paragraphs[2].pictures[0]).toMatchObject({ altTextTitle: "AI-generated image", altTextDescription: fox });
    // And again over the replaced one: its alt text is still Illustrate's own.
    await host.replacePicture(picture!, portrait, { altText: altTextFor("An owl"), prompt: "An owl" });
    expect(doc.paragraphs[2].pictures[0]).toMatchObject({ altTextDescription: "An owl" });
  });

  it("keeps a description a person edited in Word's Alt Text pane (the default title stays)", async () => {
    const { doc, host } = setup();
    doc.selectText(PROMPT);
    await host.insertPicture(square, options);
    const inserted = doc.paragraphs[2].pictures[0];
    inserted.altTextDescription = "The lake behind our office";
    doc.selectPicture(inserted);
    const { picture } = await host.readSelection();
    expect(picture?.altTextIsGenerated).toBe(false);
    await host.replacePicture(picture!, landscape, { altText: altTextFor("A red fox"), prompt: "A red fox" });
    expect(doc.paragraphs[2].pictures[0]).toMatchObject({ altTextTitle: "AI-generated image", altTextDescription: "The lake behind our office" });
  });

  it("counts default-looking alt text from an earlier session as a person's (Word keeps no prompt with the picture)", async () => {
    const { doc, host, selected } = await selectedPicture(altTextFor("Written last week"));
    expect(selected.altTextIsGenerated).toBe(false);
    await host.replacePicture(selected, landscape, options);
    expect(doc.paragraphs[1].pictures[0]).toMatchObject({ altTextDescription: "Written last week" });
  });

  it("gives a picture without alt text the new alt text and reports it as Illustrate's to overwrite", async () => {
    const { doc, host, selected } = await selectedPicture();
    expect(selected).toMatchObject({ altTextIsGenerated: true });
    expect(selected.altText).toBeUndefined();
    await host.replacePicture(selected, landscape, options);
    expect(doc.paragraphs[1].pictures[0]).toMatchObject({ altTextDescription: PROMPT });
  });

  it("says picture_gone when the picture was deleted meanwhile", async () => {
    const { doc, host, selected } = await selectedPicture();
    doc.paragraphs[1].pictures = [];
    expect((await hostRejection(host.replacePicture(selected, landscape, options))).code).toBe("picture_gone");
  });

  it("says picture_gone for a picture it never handed out", async () => {
    const { host } = setup();
    const error = await hostRejection(host.replacePicture({ id: "nope", sizePt: { widthPt: 1, heightPt: 1 } }, landscape, options));
    expect(error.code).toBe("picture_gone");
  });
});

describe("WordHost.readPictureBytes", () => {
  it("reads the picture's bytes with getBase64ImageSrc and reports type and pixel size", async () => {
    const { doc, host } = setup();
    const photo = await jpegPicture(640, 480);
    doc.selectPicture(doc.addPicture(doc.paragraphs[1], photo.base64, 300));
    const { picture } = await host.readSelection();
    await expect(host.readPictureBytes(picture!)).resolves.toEqual(photo);
  });
});

describe("WordHost.onSelectionChanged", () => {
  it("subscribes to DocumentSelectionChanged and unsubscribes", () => {
    const { doc, host } = setup();
    const listener = jest.fn();
    const stop = host.onSelectionChanged(listener);
    doc.handlers.forEach((h) => h());
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    expect(doc.handlers).toHaveLength(0);
  });
});
