// The PowerPoint adapter against a hand-made fake of PowerPoint, including the documented host bugs.
import { altTextFor } from "../../../src/core/altText";
import type { PictureData } from "../../../src/core/types";
import { powerPointCapabilities } from "../../../src/hosts/office/requirementSets";
import { PowerPointHost } from "../../../src/hosts/powerpoint/PowerPointHost";
import { PROMPT_TAG } from "../../../src/hosts/powerpoint/shapeTags";
import { FakePresentation, fakePowerPointEnvironment, type PShape } from "./fakes/fakePowerPoint";
import { hostRejection } from "./fakes/hostErrors";
import { pngPicture } from "../../support/pictures";
import { flags } from "./fakes/requirements";

const PROMPT = "A misty mountain lake at dawn";
const options = { altText: altTextFor(PROMPT), prompt: PROMPT };
const ALL = { PowerPointApi: "1.10", ImageCoercion: "1.1" };
let landscape: PictureData;
let square: PictureData;
let old: PictureData;

beforeAll(async () => {
  [landscape, square, old] = await Promise.all([pngPicture(1536, 1024), pngPicture(1024, 1024, "#aa3366"), pngPicture(800, 800, "#22aa22")]);
});

function setup(max: Record<string, string> = ALL) {
  const model = new FakePresentation();
  const env = fakePowerPointEnvironment(model, powerPointCapabilities(flags(max)));
  return { model, env, host: new PowerPointHost(env) };
}

/** A title and a body text box on the left half, as in a "Title and Content" slide with text. */
function textSlide(model: FakePresentation) {
  model.addShape(model.currentSlide, { type: "TextBox", left: 40, top: 20, width: 880, height: 80 });
  model.addShape(model.currentSlide, { type: "TextBox", left: 40, top: 120, width: 420, height: 380 });
}

function rectOf(shape: PShape) {
  return { leftPt: shape.left, topPt: shape.top, widthPt: shape.width, heightPt: shape.height };
}

const pictures = (model: FakePresentation, slide = model.currentSlide) =>
  slide.shapes.filter((s) => s.type === "Image" || s.placeholder?.containedType === "Image");

describe("PowerPointHost.readSelection", () => {
  it("reads selected text with getSelectedTextRangeOrNullObject (1.5)", async () => {
    const { model, host } = setup();
    model.selectedText = PROMPT;
    await expect(host.readSelection()).resolves.toEqual({ text: PROMPT });
  });

  it("falls back to getSelectedDataAsync(Text) below PowerPointApi 1.5", async () => {
    const { model, host, env } = setup({ PowerPointApi: "1.4", ImageCoercion: "1.1" });
    model.selectedText = PROMPT;
    await expect(host.readSelection()).resolves.toEqual({ text: PROMPT });
    expect(env.runs).toBe(0);
    model.selectedText = null; // a picture is selected: error 1001 means "no text"
    await expect(host.readSelection()).resolves.toEqual({ text: "" });
  });

  it("returns the selected picture with its id, size in points and alt text", async () => {
    const { model, host } = setup();
    const shape = model.addShape(model.currentSlide, { type: "Image", width: 300, height: 200, altTextTitle: "Lake", altTextDescription: "mine" });
    model.selectedShapeIds = [shape.id];
    await expect(host.readSelection()).resolves.toEqual({
      text: "",
      picture: { id: shape.id, sizePt: { widthPt: 300, heightPt: 200 }, altText: { title: "Lake", description: "mine" }, altTextIsGenerated: false },
    });
  });

  it("says whose alt text it is from the prompt tag: Illustrate's own, or edited by a person", async () => {
    const { model, host } = setup();
    const shape = model.addShape(model.currentSlide, {
      type: "Image",
      altTextTitle: "AI-generated image",
      altTextDescription: PROMPT,
      tags: new Map([[PROMPT_TAG, PROMPT]]),
    });
    model.selectedShapeIds = [shape.id];
    expect((await host.readSelection()).picture).toMatchObject({ altText: altTextFor(PROMPT), altTextIsGenerated: true });
    shape.altTextDescription = "The lake behind our office";
    expect((await host.readSelection()).picture).toMatchObject({ altTextIsGenerated: false });
  });

  it("below PowerPointApi 1.10 reads no alt text and does not guess whose it is", async () => {
    const { model, host } = setup({ PowerPointApi: "1.8", ImageCoercion: "1.1" });
    const shape = model.addShape(model.currentSlide, { type: "Image", width: 300, height: 200, altTextTitle: "Lake", altTextDescription: "mine" });
    model.selectedShapeIds = [shape.id];
    const { picture } = await host.readSelection();
    expect(picture?.altText).toBeUndefined();
    expect(picture?.altTextIsGenerated).toBeUndefined();
  });
});

describe("PowerPointHost.insertPicture", () => {
  it("puts the picture in the largest free area in points, finds it though the selection is empty (#4222), tags it", async () => {
    const { model, host } = setup();
    textSlide(model);
    const result = await host.insertPicture(landscape, options);
    expect(model.inserts[0]).toMatchObject({ coercionType: "image", imageLeft: 478, imageTop: 165.33, imageWidth: 464, imageHeight: 309.33 });
    const [picture] = pictures(model);
    expect(rectOf(picture)).toEqual({ leftPt: 478, topPt: 165.33, widthPt: 464, heightPt: 309.33 });
    expect(result).toEqual({ sizePt: { widthPt: 464, heightPt: 309.33 }, positionPt: { leftPt: 478, topPt: 165.33 } });
    expect(picture.tags.get(PROMPT_TAG)).toBe(PROMPT);
    expect(picture).toMatchObject({ name: "AI-generated image", altTextTitle: "AI-generated image", altTextDescription: PROMPT });
    expect(model.selectedShapeIds).toEqual([]);
  });

  it("keeps the prompt in tags but writes no alt text below PowerPointApi 1.10", async () => {
    const { model, host } = setup({ PowerPointApi: "1.8", ImageCoercion: "1.1" });
    await host.insertPicture(square, options);
    const [picture] = pictures(model);
    expect(picture.tags.get(PROMPT_TAG)).toBe(PROMPT);
    expect(picture.altTextDescription).toBe("");
  });

  it("fills an empty picture placeholder by inserting without a position (auto)", async () => {
    const { model, host } = setup();
    const placeholder = model.addShape(model.currentSlide, {
      type: "Placeholder",
      left: 500,
      top: 120,
      width: 400,
      height: 380,
      placeholder: { type: "Picture", containedType: null },
    });
    const result = await host.insertPicture(landscape, options);
    expect(model.inserts[0]).toEqual({ coercionType: "image" });
    expect(placeholder.placeholder?.containedType).toBe("Image");
    expect(placeholder.tags.get(PROMPT_TAG)).toBe(PROMPT);
    expect(result.positionPt).toEqual({ leftPt: 500, topPt: 120 });
    expect(model.currentSlide.shapes).toHaveLength(1);
  });

  it("moves a picture the web pulled into a placeholder (#2451, #2651) back to the asked box", async () => {
    const { model, host } = setup();
    model.quirks.placeholderCapture = true;
    model.addShape(model.currentSlide, {
      type: "Placeholder",
      left: 500,
      top: 120,
      width: 400,
      height: 380,
      placeholder: { type: "Picture", containedType: null },
    });
    const result = await host.insertPicture(square, { ...options, slidePlacement: "full-slide" });
    expect(model.inserts[0]).toMatchObject({ imageLeft: 210, imageTop: 0, imageWidth: 540, imageHeight: 540 });
    expect(result).toEqual({ sizePt: { widthPt: 540, heightPt: 540 }, positionPt: { leftPt: 210, topPt: 0 } });
  });

  it("corrects geometry a host took as pixels (#2714)", async () => {
    const { model, host } = setup();
    model.quirks.geometryAsPixels = true;
    const result = await host.insertPicture(square, { ...options, slidePlacement: "fit-free-area" });
    expect(result).toEqual({ sizePt: { widthPt: 504, heightPt: 504 }, positionPt: { leftPt: 228, topPt: 18 } });
    expect(rectOf(pictures(model)[0])).toEqual({ leftPt: 228, topPt: 18, widthPt: 504, heightPt: 504 });
  });

  it("full-slide sends the picture to the back", async () => {
    const { model, host } = setup();
    textSlide(model);
    await host.insertPicture(landscape, { ...options, slidePlacement: "full-slide" });
    expect(model.currentSlide.shapes[0].type).toBe("Image");
    expect(rectOf(model.currentSlide.shapes[0])).toEqual({ leftPt: 75, topPt: 0, widthPt: 810, heightPt: 540 });
  });

  it("beside-text takes the half without text", async () => {
    const { model, host } = setup();
    textSlide(model);
    const result = await host.insertPicture(square, { ...options, slidePlacement: "beside-text" });
    expect(result.positionPt!.leftPt).toBeGreaterThanOrEqual(480);
  });

  it("uses pageSetup's slide size (1.10), else 960 × 540", async () => {
    const fourThree = setup();
    fourThree.model.slideSize = { slideWidth: 720, slideHeight: 540 };
    const a = await fourThree.host.insertPicture(landscape, { ...options, slidePlacement: "full-slide" });
    expect(a.sizePt).toEqual({ widthPt: 720, heightPt: 480 });
    const old = setup({ PowerPointApi: "1.8", ImageCoercion: "1.1" });
    old.model.slideSize = undefined;
    const b = await old.host.insertPicture(landscape, { ...options, slidePlacement: "full-slide" });
    expect(b.sizePt).toEqual({ widthPt: 810, heightPt: 540 });
  });

  it("puts the picture on the captured slide after the person moved to another", async () => {
    const { model, host } = setup();
    const target = await host.captureTarget();
    model.currentSlideId = model.slides[1].id;
    const result = await host.insertPicture(square, { ...options, target });
    expect(pictures(model, model.slides[0])).toHaveLength(1);
    expect(pictures(model, model.slides[1])).toHaveLength(0);
    expect(result.usedFallbackLocation).toBeUndefined();
  });

  it("uses the current slide and says so when the captured slide was deleted", async () => {
    const { model, host } = setup();
    const target = await host.captureTarget();
    model.slides.shift();
    model.currentSlideId = model.slides[0].id;
    const result = await host.insertPicture(square, { ...options, target });
    expect(result.usedFallbackLocation).toBe(true);
    expect(pictures(model)).toHaveLength(1);
  });

  it("says no_slide when no slide is selected", async () => {
    const { model, host } = setup();
    model.currentSlideId = "";
    expect((await hostRejection(host.insertPicture(square, options))).code).toBe("no_slide");
  });

  it("reports insert_not_verified when PowerPoint says yes but no shape appears", async () => {
    const { model, host } = setup();
    model.quirks.dropInserts = 1;
    expect((await hostRejection(host.insertPicture(square, options))).code).toBe("insert_not_verified");
    expect(model.currentSlide.shapes).toHaveLength(0);
  });

  it("maps a refused insert (2001) to insert_refused and a read-only document to read_only", async () => {
    const refused = setup();
    const e2001 = { code: 2001, name: "Data Write Error", message: "Cannot write to the current selection." };
    refused.model.quirks.failInserts = [e2001, e2001];
    expect((await hostRejection(refused.host.insertPicture(square, options))).code).toBe("insert_refused");
    expect(refused.model.inserts).toHaveLength(2); // refused, selection cleared, refused again
    expect(refused.model.currentSlide.shapes).toHaveLength(0);
    const readOnly = setup();
    readOnly.model.mode = "readOnly";
    expect((await hostRejection(readOnly.host.insertPicture(square, options))).code).toBe("read_only");
    expect(readOnly.model.inserts).toHaveLength(0);
  });

  it("inserts beside a selected picture on the web by clearing the selection first (#3698, #4225)", async () => {
    const { model, host } = setup();
    const other = model.addShape(model.currentSlide, { type: "Image", left: 40, top: 40, width: 200, height: 200, imageBase64: square.base64 });
    model.selectedShapeIds = [other.id];
    model.quirks.refuseInsertWhilePictureSelected = true;
    await host.insertPicture(landscape, options);
    expect(pictures(model)).toHaveLength(2);
    expect(other.left).toBe(40);
  });

  it("gives up with timeout when a sync never resolves (#5022)", async () => {
    const { model, host } = setup();
    model.quirks.hangNextSync = true;
    expect((await hostRejection(host.insertPicture(square, options))).code).toBe("timeout");
  });
});

describe("PowerPointHost.replacePicture", () => {
  async function selected(max: Record<string, string> = ALL) {
    const s = setup(max);
    textSlide(s.model);
    const shape = s.model.addShape(s.model.currentSlide, {
      type: "Image",
      name: "Hero picture",
      left: 500,
      top: 150,
      width: 300,
      height: 300,
      imageBase64: old.base64,
      altTextTitle: "Lake",
      altTextDescription: "written by a person",
      tags: new Map([["TOPIC", "lakes"]]),
    });
    s.model.selectedShapeIds = [shape.id];
    s.model.quirks.refuseInsertWhilePictureSelected = true; // PowerPoint on the web (#3698, #4225)
    const snapshot = await s.host.readSelection();
    return { ...s, shape, picture: snapshot.picture! };
  }

  it("deletes first (web refuses inserts over a selected picture), then same place and width, name, tags, alt text", async () => {
    const { model, host, picture, shape } = await selected();
    const result = await host.replacePicture(picture, landscape, options);
    const now = pictures(model);
    expect(now).toHaveLength(1);
    expect(now[0].id).not.toBe(shape.id);
    expect(now[0].imageBase64).toBe(landscape.base64);
    // Width kept, height from 3:2, centred on the old box.
    expect(result).toEqual({ sizePt: { widthPt: 300, heightPt: 200 }, positionPt: { leftPt: 500, topPt: 200 } });
    expect(now[0]).toMatchObject({ name: "Hero picture", altTextTitle: "Lake", altTextDescription: "written by a person" });
    expect(Object.fromEntries(now[0].tags)).toEqual({ TOPIC: "lakes", [PROMPT_TAG]: PROMPT });
  });

  it("writes the new alt text over Illustrate's own (default title, description = the old prompt tag)", async () => {
    const { model, host, shape } = await selected();
    Object.assign(shape, { altTextTitle: "AI-generated image", altTextDescription: "An old lake" });
    shape.tags.set(PROMPT_TAG, "An old lake");
    const { picture } = await host.readSelection();
    expect(picture?.altTextIsGenerated).toBe(true);
    await host.replacePicture(picture!, landscape, options);
    expect(pictures(model)[0]).toMatchObject({ name: "Hero picture", altTextTitle: "AI-generated image", altTextDescription: PROMPT });
    expect(pictures(model)[0].tags.get(PROMPT_TAG)).toBe(PROMPT);
  });

  it("keeps a description a person edited under the default title", async () => {
    const { model, host, shape } = await selected();
    Object.assign(shape, { altTextTitle: "AI-generated image", altTextDescription: "Our lake, edited" });
    shape.tags.set(PROMPT_TAG, "An old lake");
    const { picture } = await host.readSelection();
    await host.replacePicture(picture!, landscape, options);
    expect(pictures(model)[0]).toMatchObject({ altTextTitle: "AI-generated image", altTextDescription: "Our lake, edited" });
  });

  it("keeps the box and overwrites alt text when asked", async () => {
    const { model, host, picture } = await selected();
    await host.replacePicture(picture, landscape, { ...options, keepBox: true, overwriteAltText: true });
    expect(pictures(model)[0]).toMatchObject({ left: 500, top: 150, width: 300, height: 300, altTextDescription: PROMPT });
  });

  it("puts the original back when the insert fails after the delete", async () => {
    const { model, host, picture } = await selected();
    model.quirks.failInserts = [{ code: 2009, name: "Data Write Error", message: "The specified data object is too large." }];
    const error = await hostRejection(host.replacePicture(picture, landscape, options));
    expect(error.code).toBe("insert_refused");
    expect(error.message).toMatch(/original picture was put back/);
    const now = pictures(model);
    expect(now).toHaveLength(1);
    expect(now[0]).toMatchObject({
      imageBase64: old.base64,
      name: "Hero picture",
      left: 500,
      top: 150,
      width: 300,
      height: 300,
      altTextDescription: "written by a person",
    });
    expect(now[0].tags.get("TOPIC")).toBe("lakes");
  });

  it("below 1.10 (no copy possible) inserts first: on the web, refused over the selected picture, it clears the selection and retries", async () => {
    const { model, host, picture, shape } = await selected({ PowerPointApi: "1.8", ImageCoercion: "1.1" });
    model.quirks.selectSlidesKeepsShapeSelection = true; // selecting the slide first (#2775 guard) did not clear it
    await host.replacePicture(picture, landscape, options);
    expect(model.inserts).toHaveLength(2);
    const now = pictures(model);
    expect(now).toHaveLength(1);
    expect(now[0].id).not.toBe(shape.id);
  });

  it("below 1.10, when the selection cannot be cleared, reports the refusal and changes nothing", async () => {
    const { model, host, picture, shape } = await selected({ PowerPointApi: "1.8", ImageCoercion: "1.1" });
    model.quirks.goToClearsSelection = false;
    model.quirks.selectSlidesKeepsShapeSelection = true;
    expect((await hostRejection(host.replacePicture(picture, landscape, options))).code).toBe("insert_refused");
    expect(pictures(model)).toEqual([shape]);
  });

  it("below 1.10 on desktop: new picture in, then the old one out", async () => {
    const { model, host, picture, shape } = await selected({ PowerPointApi: "1.8", ImageCoercion: "1.1" });
    model.quirks.refuseInsertWhilePictureSelected = false;
    await host.replacePicture(picture, landscape, options);
    const now = pictures(model);
    expect(now).toHaveLength(1);
    expect(now[0].id).not.toBe(shape.id);
    expect(now[0].tags.get(PROMPT_TAG)).toBe(PROMPT);
  });

  it("puts the original back when the new picture silently fails to appear after the delete", async () => {
    const { model, host, picture } = await selected();
    model.quirks.dropInserts = 1;
    const error = await hostRejection(host.replacePicture(picture, landscape, options));
    expect(error.code).toBe("insert_refused");
    expect(error.message).toMatch(/original picture was put back/);
    const now = pictures(model);
    expect(now).toHaveLength(1);
    expect(now[0]).toMatchObject({ imageBase64: old.base64, name: "Hero picture", left: 500, top: 150, width: 300, height: 300 });
  });

  it("replaces a picture on its own slide after the person moved to another slide", async () => {
    const { model, host, picture } = await selected();
    model.currentSlideId = model.slides[1].id;
    model.selectedShapeIds = [];
    await host.replacePicture(picture, landscape, options);
    expect(pictures(model, model.slides[0])).toHaveLength(1);
    expect(pictures(model, model.slides[0])[0].imageBase64).toBe(landscape.base64);
    expect(pictures(model, model.slides[1])).toHaveLength(0);
  });

  it("below 1.10, if the old picture cannot be removed, takes the new one out again", async () => {
    const { model, host, picture, shape } = await selected({ PowerPointApi: "1.8", ImageCoercion: "1.1" });
    model.quirks.failDeleteOf = [shape.id];
    expect((await hostRejection(host.replacePicture(picture, landscape, options))).code).toBe("insert_refused");
    expect(pictures(model)).toEqual([shape]);
  });

  it("says picture_gone when the picture was deleted meanwhile", async () => {
    const { model, host, picture } = await selected();
    model.currentSlide.shapes = model.currentSlide.shapes.filter((s) => s.type !== "Image");
    expect((await hostRejection(host.replacePicture(picture, landscape, options))).code).toBe("picture_gone");
  });
});

describe("PowerPointHost.readPictureBytes", () => {
  it("reads a rendering of the picture with Shape.getImageAsBase64 (1.10)", async () => {
    const { model, host } = setup();
    const shape = model.addShape(model.currentSlide, { type: "Image", width: 300, height: 300, imageBase64: old.base64 });
    model.selectedShapeIds = [shape.id];
    const { picture } = await host.readSelection();
    await expect(host.readPictureBytes(picture!)).resolves.toEqual(old);
  });

  it("is unavailable below 1.10, with the reason", async () => {
    const { host } = setup({ PowerPointApi: "1.8", ImageCoercion: "1.1" });
    expect(host.capabilities.reasons.editPicture).toBe("capability.needsPowerPointApi110");
    expect((await hostRejection(host.readPictureBytes({ id: "1", sizePt: { widthPt: 1, heightPt: 1 } }))).code).toBe("unsupported");
  });
});

describe("office-js #2775: PowerPoint on the web deletes the selected shape on insert", () => {
  function webWithPromptSelected(max: Record<string, string> = ALL) {
    const s = setup(max);
    textSlide(s.model);
    const promptBox = s.model.currentSlide.shapes[1];
    promptBox.name = "TextBox 2";
    s.model.selectedShapeIds = [promptBox.id];
    s.model.selectedText = PROMPT;
    s.model.quirks.deleteSelectedOnInsert = true;
    return { ...s, promptBox };
  }

  it("the fake reproduces the bug: an insert with the text box selected deletes it", () => {
    const { model, promptBox } = webWithPromptSelected();
    expect(model.setSelectedData(landscape.base64, { coercionType: "image" as Office.CoercionType })).toBeUndefined();
    expect(model.currentSlide.shapes.map((s) => s.id)).not.toContain(promptBox.id);
  });

  it("insert: selects the slide first (setSelectedSlides) so the prompt's text box survives", async () => {
    const { model, host, promptBox } = webWithPromptSelected();
    await host.insertPicture(landscape, options);
    expect(model.selectionCalls).toEqual([[model.currentSlideId]]);
    expect(model.currentSlide.shapes.map((s) => s.id)).toContain(promptBox.id);
    expect(pictures(model)).toHaveLength(1);
  });

  it("insert: when clearing the selection does not work, says which shape is gone, keeps the picture, inserts once", async () => {
    const { model, host } = webWithPromptSelected();
    model.quirks.selectSlidesKeepsShapeSelection = true;
    const error = await hostRejection(host.insertPicture(landscape, options));
    expect(error.code).toBe("shape_lost");
    expect(error.message).toContain('"TextBox 2"');
    expect(model.inserts).toHaveLength(1);
    const [picture] = pictures(model);
    expect(picture.tags.get(PROMPT_TAG)).toBe(PROMPT); // finished, so it can be found again
  });

  it("replace (1.10): the lost shape is reported and the original is not put back beside the new picture", async () => {
    const { model, host } = webWithPromptSelected();
    const old = model.addShape(model.currentSlide, { type: "Image", left: 500, top: 150, width: 300, height: 300, imageBase64: square.base64 });
    model.quirks.selectSlidesKeepsShapeSelection = true;
    model.selectedShapeIds = [model.currentSlide.shapes[1].id, old.id];
    const error = await hostRejection(host.replacePicture({ id: old.id, sizePt: { widthPt: 300, heightPt: 300 } }, landscape, options));
    expect(error.code).toBe("shape_lost");
    expect(pictures(model)).toHaveLength(1);
    expect(pictures(model)[0].imageBase64).toBe(landscape.base64);
  });

  it("replace below 1.10: the old picture is still taken out when another shape was lost", async () => {
    const { model, host } = webWithPromptSelected({ PowerPointApi: "1.8", ImageCoercion: "1.1" });
    const old = model.addShape(model.currentSlide, { type: "Image", left: 500, top: 150, width: 300, height: 300, imageBase64: square.base64 });
    model.quirks.selectSlidesKeepsShapeSelection = true;
    expect((await hostRejection(host.replacePicture({ id: old.id, sizePt: { widthPt: 300, heightPt: 300 } }, landscape, options))).code).toBe(
      "shape_lost",
    );
    expect(pictures(model).map((p) => p.imageBase64)).toEqual([landscape.base64]);
  });
});

describe("provenance in Shape.tags", () => {
  const provenance = { libraryId: "pic-42", prompt: PROMPT, style: "watercolor", model: "gpt-image-1", size: "1536x1024" };

  it("insert writes library id, prompt, style, model and size; readSelection gives them back", async () => {
    const { model, host } = setup({ PowerPointApi: "1.5", ImageCoercion: "1.1" });
    await host.insertPicture(landscape, { ...options, provenance });
    const [picture] = pictures(model);
    expect(Object.fromEntries(picture.tags)).toEqual({
      ILLUSTRATE_PROMPT: PROMPT,
      ILLUSTRATE_ID: "pic-42",
      ILLUSTRATE_STYLE: "watercolor",
      ILLUSTRATE_MODEL: "gpt-image-1",
      ILLUSTRATE_SIZE: "1536x1024",
    });
    model.selectedShapeIds = [picture.id];
    expect((await host.readSelection()).picture?.provenance).toEqual(provenance);
  });

  it("a picture Illustrate did not make (no tags, or a prompt tag alone, or someone else's tags) is never claimed", async () => {
    const { model, host } = setup();
    const plain = model.addShape(model.currentSlide, { type: "Image", tags: new Map([["TOPIC", "lakes"]]) });
    model.selectedShapeIds = [plain.id];
    expect((await host.readSelection()).picture).not.toHaveProperty("provenance");
    plain.tags.set(PROMPT_TAG, PROMPT);
    expect((await host.readSelection()).picture).not.toHaveProperty("provenance");
  });

  it("replace keeps other tags and writes the new picture's provenance; without one, the old library id is dropped", async () => {
    const { model, host } = setup();
    const shape = model.addShape(model.currentSlide, { type: "Image", left: 500, top: 150, width: 300, height: 300, imageBase64: old.base64 });
    for (const [k, v] of [
      ["TOPIC", "lakes"],
      ["ILLUSTRATE_ID", "pic-1"],
      ["ILLUSTRATE_STYLE", "photo"],
      ["ILLUSTRATE_MODEL", "dall-e-3"],
      [PROMPT_TAG, "old"],
    ])
      shape.tags.set(k, v);
    model.selectedShapeIds = [shape.id];
    const first = (await host.readSelection()).picture!;
    expect(first.provenance).toEqual({ libraryId: "pic-1", prompt: "old", style: "photo", model: "dall-e-3" });
    await host.replacePicture(first, landscape, { ...options, provenance: { libraryId: "pic-2", prompt: PROMPT, style: "watercolor" } });
    const [next] = pictures(model);
    expect(Object.fromEntries(next.tags)).toEqual({
      TOPIC: "lakes",
      ILLUSTRATE_PROMPT: PROMPT,
      ILLUSTRATE_ID: "pic-2",
      ILLUSTRATE_STYLE: "watercolor",
    });
    model.selectedShapeIds = [next.id];
    const second = (await host.readSelection()).picture!;
    await host.replacePicture(second, square, options);
    expect(Object.fromEntries(pictures(model)[0].tags)).toEqual({ TOPIC: "lakes", ILLUSTRATE_PROMPT: PROMPT });
  });
});
