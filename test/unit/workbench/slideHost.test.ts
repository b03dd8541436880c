// The slide stand-in as a DocumentHost: selection text, placement inside the slide, tags, replace, refusals.
import { PROMPT_TAG } from "../../../src/hosts/powerpoint/shapeTags";
import { SlideHost } from "../../../src/workbench/slideHost";
import {
  createSlide,
  findShape,
  removeShape,
  selectShape,
  selectTextRange,
  setTextBoxText,
  SLIDE_SIZE_PT,
  type PictureShape,
  type SlideState,
} from "../../../src/workbench/slideModel";
import { createStore } from "../../../src/workbench/store";
import { SEED_TEXT_BOXES } from "../../../src/workbench/seed";
import { jpegPicture, pngPicture } from "../../support/pictures";

const altText = { title: "AI-generated image", description: "A misty mountain lake at dawn" };
const options = { altText, prompt: "A misty mountain lake at dawn" };

function setup() {
  const store = createStore(createSlide(SEED_TEXT_BOXES));
  return { store, host: new SlideHost(store) };
}
const pictures = (state: SlideState) => state.shapes.filter((s): s is PictureShape => s.kind === "picture");
const overlaps = (a: PictureShape, b: { leftPt: number; topPt: number; widthPt: number; heightPt: number }) =>
  a.leftPt < b.leftPt + b.widthPt && b.leftPt < a.leftPt + a.widthPt && a.topPt < b.topPt + b.heightPt && b.topPt < a.topPt + a.heightPt;

describe("slide model", () => {
  it("gives the whole text of a selected text box, or the characters selected in it", () => {
    let state = selectShape(createSlide(SEED_TEXT_BOXES), "s2");
    expect(state.textRange).toBeNull();
    state = selectTextRange(state, "s2", 8, 2);
    expect(state.textRange).toEqual({ shapeId: "s2", start: 2, end: 8 });
    state = setTextBoxText(state, "s2", "Fog");
    expect(state.textRange).toBeNull();
    expect(findShape(state, "s2")).toMatchObject({ text: "Fog" });
    expect(selectShape(state, "unknown")).toBe(state);
    expect(removeShape(state, "s2").selectedShapeId).toBeNull();
  });
});

describe("SlideHost", () => {
  it("reads the selected text box's text, selected characters, a selected picture, or nothing", async () => {
    const { store, host } = setup();
    expect(await host.readSelection()).toEqual({ text: "" });
    store.update((s) => selectShape(s, "s2"));
    expect(await host.readSelection()).toEqual({ text: "A misty mountain lake at dawn" });
    store.update((s) => selectTextRange(s, "s2", 2, 7));
    expect(await host.readSelection()).toEqual({ text: "misty" });
    await host.insertPicture(await pngPicture(1024, 1024), options);
    const picture = pictures(store.get())[0];
    store.update((s) => selectShape(s, picture.id));
    expect(await host.readSelection()).toEqual({
      text: "",
      picture: { id: picture.id, sizePt: { widthPt: picture.widthPt, heightPt: picture.heightPt }, altText, altTextIsGenerated: true },
    });
  });

  it("puts the picture inside the slide, over no text box, aspect kept, with alt text and the prompt tag", async () => {
    const { store, host } = setup();
    store.update((s) => selectShape(s, "s2"));
    const result = await host.insertPicture(await pngPicture(1536, 1024), options);
    const [picture] = pictures(store.get());
    expect(result).toEqual({
      sizePt: { widthPt: picture.widthPt, heightPt: picture.heightPt },
      positionPt: { leftPt: picture.leftPt, topPt: picture.topPt },
    });
    expect(picture.leftPt).toBeGreaterThanOrEqual(0);
    expect(picture.topPt).toBeGreaterThanOrEqual(0);
    expect(picture.leftPt + picture.widthPt).toBeLessThanOrEqual(SLIDE_SIZE_PT.widthPt);
    expect(picture.topPt + picture.heightPt).toBeLessThanOrEqual(SLIDE_SIZE_PT.heightPt);
    expect(picture.widthPt / picture.heightPt).toBeCloseTo(1.5, 2);
    for (const box of SEED_TEXT_BOXES) expect(overlaps(picture, box)).toBe(false);
    expect(picture).toMatchObject({ altText, name: "AI-generated image", tags: { [PROMPT_TAG]: options.prompt } });
    expect(PROMPT_TAG).toBe("ILLUSTRATE_PROMPT");
    // On top of the others, the selection untouched.
    expect(store.get().shapes.at(-1)).toBe(picture);
    expect(store.get().selectedShapeId).toBe("s2");
  });

  it("sends a full-slide picture to the back", async () => {
    const { store, host } = setup();
    const result = await host.insertPicture(await pngPicture(1536, 1024), { ...options, slidePlacement: "full-slide" });
    expect(store.get().shapes[0].kind).toBe("picture");
    expect(result.sizePt.heightPt).toBe(540);
  });

  it("refuses invalid bytes without touching the slide, and a target from another document", async () => {
    const { store, host } = setup();
    const before = store.get();
    const png = await pngPicture(1024, 1024);
    await expect(host.insertPicture({ ...png, size: { widthPx: 1024, heightPx: 1536 } }, options)).rejects.toMatchObject({ code: "insert_refused" });
    await expect(host.insertPicture({ ...png, base64: `${png.base64.slice(0, -8)}` }, options)).rejects.toMatchObject({ code: "insert_refused" });
    const target = { host: "workbench-word" as const, data: {} };
    await expect(host.insertPicture(png, { ...options, target })).rejects.toMatchObject({ name: "HostError" });
    expect(store.get()).toBe(before);
  });

  it("captures the slide at Generate and inserts there", async () => {
    const { store, host } = setup();
    const target = await host.captureTarget();
    expect(target).toEqual({ host: "workbench-slide", data: { slideId: "slide-1" } });
    const result = await host.insertPicture(await pngPicture(1024, 1024), { ...options, target });
    expect(result.usedFallbackLocation).toBeUndefined();
    expect(pictures(store.get())).toHaveLength(1);
  });

  it("writes the new alt text over Illustrate's own (default title, the prompt tag) and keeps a person's unless asked", async () => {
    const { store, host } = setup();
    await host.insertPicture(await pngPicture(1024, 1024), options);
    let old = pictures(store.get())[0];
    store.update((s) => selectShape(s, old.id));
    expect((await host.readSelection()).picture).toMatchObject({ altText, altTextIsGenerated: true });
    const fox = { title: "AI-generated image", description: "A red fox in snow" };
    await host.replacePicture({ id: old.id, sizePt: { widthPt: old.widthPt, heightPt: old.heightPt } }, await pngPicture(1024, 1024), {
      altText: fox,
      prompt: fox.description,
    });
    old = pictures(store.get())[0];
    expect(old).toMatchObject({ altText: fox, tags: { [PROMPT_TAG]: fox.description } });
    // A person edits the description (the title stays): theirs from now on.
    const edited = { ...fox, description: "A fox, our mascot" };
    store.update((s) => selectShape({ ...s, shapes: s.shapes.map((sh) => (sh.id === old.id ? { ...old, altText: edited } : sh)) }, old.id));
    expect((await host.readSelection()).picture).toMatchObject({ altText: edited, altTextIsGenerated: false });
    const owl = { title: "AI-generated image", description: "An owl" };
    await host.replacePicture({ id: old.id, sizePt: { widthPt: old.widthPt, heightPt: old.heightPt } }, await pngPicture(1024, 1024), {
      altText: owl,
      prompt: "An owl",
    });
    old = pictures(store.get())[0];
    expect(old.altText).toEqual(edited);
    await host.replacePicture({ id: old.id, sizePt: { widthPt: old.widthPt, heightPt: old.heightPt } }, await pngPicture(1024, 1024), {
      altText: owl,
      prompt: "An owl",
      overwriteAltText: true,
    });
    expect(pictures(store.get())[0].altText).toEqual(owl);
  });

  it("replaces a picture at the same place and width, keeps name, tags and written alt text, updates the prompt", async () => {
    const { store, host } = setup();
    await host.insertPicture(await pngPicture(1024, 1024), options);
    const old = pictures(store.get())[0];
    const personal = { title: "Lake", description: "Written by a person" };
    store.update((s) => ({
      ...s,
      shapes: s.shapes.map((sh) => (sh.id === old.id ? { ...old, altText: personal, tags: { ...old.tags, OWNER: "me" } } : sh)),
    }));
    store.update((s) => selectShape(s, old.id));
    const jpeg = await jpegPicture(1536, 1024);
    const result = await host.replacePicture({ id: old.id, sizePt: { widthPt: old.widthPt, heightPt: old.heightPt } }, jpeg, {
      ...options,
      prompt: "new",
    });
    const [replaced] = pictures(store.get());
    expect(pictures(store.get())).toHaveLength(1);
    expect(replaced).toMatchObject({
      picture: jpeg,
      name: old.name,
      altText: personal,
      tags: { OWNER: "me", [PROMPT_TAG]: "new" },
      leftPt: old.leftPt,
      widthPt: old.widthPt,
      heightPt: Math.round(((old.widthPt * 1024) / 1536) * 100) / 100,
    });
    // Height follows the new aspect ratio, centred on the old box; the new shape stays selected.
    expect(replaced.topPt).toBeCloseTo(old.topPt + (old.heightPt - replaced.heightPt) / 2, 1);
    expect(result.positionPt).toEqual({ leftPt: replaced.leftPt, topPt: replaced.topPt });
    expect(store.get().selectedShapeId).toBe(replaced.id);
    expect(await host.readPictureBytes({ id: replaced.id, sizePt: result.sizePt })).toBe(jpeg);
  });

  it("reports a deleted picture as picture_gone and leaves the slide as it was", async () => {
    const { store, host } = setup();
    const png = await pngPicture(1024, 1024);
    await host.insertPicture(png, options);
    const old = pictures(store.get())[0];
    store.update((s) => removeShape(s, old.id));
    const before = store.get();
    const target = { id: old.id, sizePt: { widthPt: old.widthPt, heightPt: old.heightPt } };
    await expect(host.replacePicture(target, png, options)).rejects.toMatchObject({ code: "picture_gone" });
    await expect(host.readPictureBytes(target)).rejects.toMatchObject({ code: "picture_gone" });
    expect(store.get()).toBe(before);
  });

  it("tells listeners when the selected shape or text range changes, not when text is typed", () => {
    const { store, host } = setup();
    const listener = jest.fn();
    host.onSelectionChanged(listener);
    store.update((s) => selectShape(s, "s1"));
    store.update((s) => setTextBoxText(s, "s3", "typed"));
    store.update((s) => selectTextRange(s, "s1", 0, 3));
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe("SlideHost.fitBox (issue #10)", () => {
  it("is the box insertPicture fills: a picture in that box's ratio lands exactly in it; full-slide is the 960 × 540 slide", async () => {
    const { store, host } = setup();
    const box = await host.fitBox();
    expect(box.source).toBe("free-area");
    const image = await pngPicture(Math.round(box.sizePt.widthPt * 2), Math.round(box.sizePt.heightPt * 2));
    await host.insertPicture(image, options);
    const [inserted] = pictures(store.get());
    expect(Math.abs(inserted!.widthPt - box.sizePt.widthPt)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(inserted!.heightPt - box.sizePt.heightPt)).toBeLessThanOrEqual(0.5);
    await expect(host.fitBox({ slidePlacement: "full-slide" })).resolves.toEqual({ sizePt: SLIDE_SIZE_PT, source: "slide" });
  });
});
