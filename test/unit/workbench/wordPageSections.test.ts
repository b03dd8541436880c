// The Word page stand-in's sections, provenance and reload: the same rules as the Word adapter, against the page model.
import { altTextFor } from "../../../src/core/altText";
import type { PictureProvenance } from "../../../src/hosts/DocumentHost";
import { createWorkbenchDocuments, type DocumentStorage } from "../../../src/workbench/documents";
import { SEED_PARAGRAPHS } from "../../../src/workbench/seed";
import { createStore } from "../../../src/workbench/store";
import { WordPageHost } from "../../../src/workbench/wordPageHost";
import {
  createWordPage,
  parseStoredWordPage,
  selectPicture,
  selectText,
  type PictureBlock,
  type WordPageState,
} from "../../../src/workbench/wordPageModel";
import { pngPicture } from "../../support/pictures";

const PROMPT = "A misty mountain lake at dawn";
const provenance: PictureProvenance = { libraryId: "lib-1", prompt: PROMPT, style: "watercolour", model: "gpt-image-1", size: "1536x1024" };
const pictures = (state: WordPageState) => state.blocks.filter((b): b is PictureBlock => b.kind === "picture");
const layout = (state: WordPageState) => state.blocks.map((b) => (b.kind === "paragraph" ? b.text : `[picture ${b.provenance?.libraryId ?? ""}]`));

function memoryStorage(): DocumentStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

function seeded() {
  const store = createStore(createWordPage(SEED_PARAGRAPHS));
  return { store, host: new WordPageHost(store) };
}

describe("Word page stand-in sections", () => {
  it("lists the seed report's four Heading 1 sections and its Heading 2 subsection with their text", async () => {
    const items = await seeded().host.deck.listItems();
    expect(items.map((i) => [i.title, i.layout?.headingLevel])).toEqual([
      ["Introduction", 1],
      ["The market for lakeside stays", 1],
      ["Who comes, and when", 2],
      ["Our plan for next year", 1],
      ["Risks", 1],
    ]);
    expect(items[0].body).toContain(PROMPT);
    expect(items[1].body).toContain("Families fill the summer weeks");
  });

  it("inserts into a section after its first paragraph, once per picture id, and says item_gone for a deleted heading", async () => {
    const { store, host } = seeded();
    const plan = (await host.deck.listItems())[3];
    const picture = await pngPicture(1536, 1024);
    const options = { altText: altTextFor("Timber cabins"), prompt: "Timber cabins", pictureId: "lib-9" };
    const location = await host.deck.insertIntoItem(plan.id, picture, options);
    expect(location).toEqual({ itemId: plan.id, shapeId: "illustrate:lib-9", sizePt: { widthPt: 468, heightPt: 312 } });
    const texts = layout(store.get());
    expect(texts[texts.indexOf("Our plan for next year") + 2]).toBe("[picture lib-9]");
    await host.deck.insertIntoItem(plan.id, picture, options);
    expect(pictures(store.get())).toHaveLength(1);
    expect((await host.deck.listItems())[3].hasPicture).toBe(true);
    await expect(host.deck.insertIntoItem("section:0:Gone", picture, options)).rejects.toMatchObject({ code: "item_gone" });
    await expect(host.deck.readItemText("section:0:Gone")).rejects.toMatchObject({ code: "item_gone" });
  });
});

describe("Word page stand-in provenance", () => {
  it("keeps provenance with an inserted picture, returns it on selection, and keeps it through Replace", async () => {
    const { store, host } = seeded();
    const paragraph = store.get().blocks.find((b) => b.kind === "paragraph" && b.text === PROMPT)!;
    store.update((s) => selectText(s, { blockId: paragraph.id, offset: 0 }, { blockId: paragraph.id, offset: PROMPT.length }));
    await host.insertPicture(await pngPicture(1536, 1024), { altText: altTextFor(PROMPT), prompt: PROMPT, provenance });
    const block = pictures(store.get())[0];
    store.update((s) => selectPicture(s, block.id));
    const selected = (await host.readSelection()).picture!;
    expect(selected).toMatchObject({ provenance, altTextIsGenerated: true });
    await host.replacePicture(selected, await pngPicture(1024, 1024), { altText: altTextFor("A stormy lake"), prompt: "A stormy lake" });
    expect(pictures(store.get())[0].provenance).toEqual({ ...provenance, prompt: "A stormy lake" });
  });

  it("never claims a picture without provenance", async () => {
    const { store, host } = seeded();
    await host.insertPicture(await pngPicture(64, 64), { altText: altTextFor(PROMPT), prompt: PROMPT });
    store.update((s) => selectPicture(s, pictures(s)[0].id));
    expect((await host.readSelection()).picture?.provenance).toBeUndefined();
  });

  it("survives a reload: the page, its pictures and their provenance come back from storage; fresh starts from the seed", async () => {
    const storage = memoryStorage();
    const lifecycle = new EventTarget();
    const first = createWorkbenchDocuments(storage, false, lifecycle);
    await first.wordHost.insertPicture(await pngPicture(1536, 1024), { altText: altTextFor(PROMPT), prompt: PROMPT, provenance });
    // Written when the page goes away (a reload fires pagehide), never while someone works in it.
    expect(storage.getItem("illustrate.workbench.wordPage.v1")).toBeNull();
    lifecycle.dispatchEvent(new Event("pagehide"));
    const reloaded = createWorkbenchDocuments(storage, false, new EventTarget());
    const block = pictures(reloaded.wordStore.get())[0];
    expect(block.provenance).toEqual(provenance);
    reloaded.wordStore.update((s) => selectPicture(s, block.id));
    expect((await reloaded.wordHost.readSelection()).picture).toMatchObject({ provenance, altTextIsGenerated: true });
    expect(pictures(createWorkbenchDocuments(storage, true, new EventTarget()).wordStore.get())).toEqual([]);
  });

  it("starts from the seed when storage holds something that is not a page", () => {
    expect(parseStoredWordPage("{not json")).toBeUndefined();
    expect(parseStoredWordPage(JSON.stringify({ blocks: [{ kind: "paragraph", id: "p1", text: 3, style: "normal" }], nextId: 2 }))).toBeUndefined();
    const storage = memoryStorage();
    storage.setItem("illustrate.workbench.wordPage.v1", '{"blocks":[]}');
    expect(createWorkbenchDocuments(storage).wordStore.get().blocks).toHaveLength(SEED_PARAGRAPHS.length);
  });
});
