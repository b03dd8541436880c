// The Word page stand-in as a DocumentHost: what the pane reads, where pictures land, how bad input is refused.
import { HostError } from "../../../src/hosts/errors";
import { createStore } from "../../../src/workbench/store";
import { WordPageHost } from "../../../src/workbench/wordPageHost";
import { createWordPage, selectPicture, selectText, type PictureBlock, type WordPageState } from "../../../src/workbench/wordPageModel";
import { jpegPicture, pngPicture } from "../../support/pictures";

const altText = { title: "AI-generated image", description: "A misty mountain lake at dawn" };
const options = { altText, prompt: "A misty mountain lake at dawn" };

function setup() {
  const store = createStore(createWordPage([{ text: "Intro" }, { text: "A misty mountain lake at dawn" }, { text: "Outro" }]));
  const host = new WordPageHost(store);
  const select = (blockId: string) => store.update((s) => selectText(s, { blockId, offset: 0 }, { blockId, offset: Infinity }));
  return { store, host, select };
}
const layout = (state: WordPageState) => state.blocks.map((b) => (b.kind === "paragraph" ? b.text : "[picture]"));
const pictures = (state: WordPageState) => state.blocks.filter((b): b is PictureBlock => b.kind === "picture");

describe("WordPageHost", () => {
  it("reads the selected paragraph's text and a selected picture", async () => {
    const { store, host, select } = setup();
    select("p2");
    expect(await host.readSelection()).toEqual({ text: "A misty mountain lake at dawn" });
    await host.insertPicture(await pngPicture(1024, 1024), options);
    const picture = pictures(store.get())[0];
    store.update((s) => selectPicture(s, picture.id));
    expect(await host.readSelection()).toEqual({
      text: "",
      picture: { id: picture.id, sizePt: { widthPt: 468, heightPt: 468 }, altText, altTextIsGenerated: true },
    });
  });

  it("inserts the picture right after the selected paragraph, column-wide in points, with alt text and prompt", async () => {
    const { store, host, select } = setup();
    select("p2");
    const result = await host.insertPicture(await pngPicture(1536, 1024), options);
    expect(result).toEqual({ sizePt: { widthPt: 468, heightPt: 312 } });
    expect(layout(store.get())).toEqual(["Intro", "A misty mountain lake at dawn", "[picture]", "Outro"]);
    expect(pictures(store.get())[0]).toMatchObject({ sizePt: { widthPt: 468, heightPt: 312 }, altText, prompt: options.prompt });
  });

  it("puts the picture where the selection was at Generate, even after the person clicked elsewhere", async () => {
    const { store, host, select } = setup();
    select("p1");
    const target = await host.captureTarget();
    select("p3");
    const result = await host.insertPicture(await pngPicture(1024, 1024), { ...options, target });
    expect(result.usedFallbackLocation).toBeUndefined();
    expect(layout(store.get())).toEqual(["Intro", "[picture]", "A misty mountain lake at dawn", "Outro"]);
  });

  it("falls back to the current selection, and says so, when the captured paragraph is gone", async () => {
    const { store, host, select } = setup();
    select("p1");
    const target = await host.captureTarget();
    store.update((s) => ({ ...s, blocks: s.blocks.filter((b) => b.id !== "p1") }));
    select("p3");
    const result = await host.insertPicture(await pngPicture(1024, 1024), { ...options, target });
    expect(result.usedFallbackLocation).toBe(true);
    expect(layout(store.get())).toEqual(["A misty mountain lake at dawn", "Outro", "[picture]"]);
  });

  it("replaces the selected text when asked (wordPlacement replace-selection)", async () => {
    const { store, host } = setup();
    store.update((s) => selectText(s, { blockId: "p2", offset: 2 }, { blockId: "p2", offset: 8 }));
    await host.insertPicture(await pngPicture(1024, 1024), { ...options, wordPlacement: "replace-selection" });
    expect(layout(store.get())).toEqual(["Intro", "A mountain lake at dawn", "[picture]", "Outro"]);
  });

  it("refuses bytes that are not what they claim and leaves the page unchanged", async () => {
    const { store, host, select } = setup();
    select("p2");
    const before = store.get();
    const png = await pngPicture(1024, 1024);
    const cases = [
      { ...png, base64: `data:image/png;base64,${png.base64}` },
      { ...png, base64: "not base64!" },
      { ...png, size: { widthPx: 1536, heightPx: 1024 } },
      { ...png, mimeType: "image/jpeg" as const },
      { ...png, base64: png.base64.slice(0, 400) },
    ];
    for (const picture of cases) {
      await expect(host.insertPicture(picture, options)).rejects.toMatchObject({ name: "HostError", code: "insert_refused" });
    }
    expect(store.get()).toBe(before);
  });

  it("refuses a target captured in another document", async () => {
    const { host } = setup();
    const target = { host: "workbench-slide" as const, data: { slideId: "slide-1" } };
    await expect(host.insertPicture(await pngPicture(1024, 1024), { ...options, target })).rejects.toBeInstanceOf(HostError);
  });

  it("replaces a picture in place: same width, height from the new aspect, alt text a person wrote kept", async () => {
    const { store, host, select } = setup();
    select("p2");
    await host.insertPicture(await pngPicture(1024, 1024), options);
    const old = pictures(store.get())[0];
    const personal = { title: "Lake", description: "Written by a person" };
    store.update((s) => ({ ...s, blocks: s.blocks.map((b) => (b.id === old.id ? { ...old, altText: personal } : b)) }));
    const jpeg = await jpegPicture(1536, 1024);
    const result = await host.replacePicture({ id: old.id, sizePt: old.sizePt }, jpeg, { ...options, prompt: "new" });
    expect(result).toEqual({ sizePt: { widthPt: 468, heightPt: 312 } });
    const replaced = pictures(store.get());
    expect(replaced).toHaveLength(1);
    expect(replaced[0]).toMatchObject({ id: old.id, picture: jpeg, altText: personal, prompt: "new" });
    expect(layout(store.get())).toEqual(["Intro", "A misty mountain lake at dawn", "[picture]", "Outro"]);
    await host.replacePicture({ id: old.id, sizePt: old.sizePt }, await pngPicture(1024, 1024), {
      ...options,
      overwriteAltText: true,
      keepBox: true,
    });
    expect(pictures(store.get())[0]).toMatchObject({ altText, sizePt: { widthPt: 468, heightPt: 312 } });
  });

  it("writes the new alt text over Illustrate's own (default title, old prompt) and says so when the picture is selected", async () => {
    const { store, host, select } = setup();
    select("p2");
    await host.insertPicture(await pngPicture(1024, 1024), options);
    const old = pictures(store.get())[0];
    store.update((s) => ({ ...s, selection: { kind: "picture", blockId: old.id } }));
    expect((await host.readSelection()).picture).toMatchObject({ altText, altTextIsGenerated: true });
    const fox = { title: "AI-generated image", description: "A red fox in snow" };
    await host.replacePicture({ id: old.id, sizePt: old.sizePt }, await pngPicture(1024, 1024), { altText: fox, prompt: "A red fox in snow" });
    expect(pictures(store.get())[0]).toMatchObject({ altText: fox, prompt: "A red fox in snow" });
  });

  it("reports alt text a person edited (default title, another description) as theirs", async () => {
    const { store, host, select } = setup();
    select("p2");
    await host.insertPicture(await pngPicture(1024, 1024), { ...options, altText: { ...altText, description: "Our lake, 2024" } });
    const old = pictures(store.get())[0];
    store.update((s) => ({ ...s, selection: { kind: "picture", blockId: old.id } }));
    expect((await host.readSelection()).picture).toMatchObject({ altTextIsGenerated: false });
    await host.replacePicture({ id: old.id, sizePt: old.sizePt }, await pngPicture(1024, 1024), {
      ...options,
      prompt: "new",
      altText: { ...altText, description: "new" },
    });
    expect(pictures(store.get())[0].altText).toEqual({ ...altText, description: "Our lake, 2024" });
  });

  it("reads picture bytes and reports a deleted picture as picture_gone", async () => {
    const { store, host, select } = setup();
    select("p2");
    const png = await pngPicture(1024, 1024);
    await host.insertPicture(png, options);
    const picture = pictures(store.get())[0];
    expect(await host.readPictureBytes({ id: picture.id, sizePt: picture.sizePt })).toBe(png);
    store.update((s) => ({ ...s, blocks: s.blocks.filter((b) => b.id !== picture.id) }));
    await expect(host.readPictureBytes({ id: picture.id, sizePt: picture.sizePt })).rejects.toMatchObject({ code: "picture_gone" });
    await expect(host.replacePicture({ id: picture.id, sizePt: picture.sizePt }, png, options)).rejects.toMatchObject({ code: "picture_gone" });
  });

  it("tells listeners about selection changes only, and reads the DOM selection before every read", async () => {
    const store = createStore(createWordPage([{ text: "One" }, { text: "Two" }]));
    const syncSelection = jest.fn(() => store.update((s) => selectText(s, { blockId: "p2", offset: 0 }, { blockId: "p2", offset: 3 })));
    const host = new WordPageHost(store, { syncSelection });
    const listener = jest.fn();
    const unsubscribe = host.onSelectionChanged(listener);
    expect(await host.readSelection()).toEqual({ text: "Two" });
    expect(syncSelection).toHaveBeenCalled();
    expect(listener).toHaveBeenCalledTimes(1);
    await host.insertPicture(await pngPicture(1024, 1024), options);
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    store.update((s) => selectText(s, { blockId: "p1", offset: 0 }, { blockId: "p1", offset: 1 }));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(host.capabilities.features).toEqual({
      insertPicture: true,
      replacePicture: true,
      editPicture: true,
      altText: true,
      deck: true,
      provenance: true,
    });
  });
});

describe("WordPageHost.fitBox (issue #10)", () => {
  it("is the text column, 468 × 648 pt (Letter, 1 in margins), as the Word adapter reads it", async () => {
    await expect(setup().host.fitBox()).resolves.toEqual({ sizePt: { widthPt: 468, heightPt: 648 }, source: "text-column" });
  });
});
