// The picture library's behaviour, the same for the IndexedDB store and the in-memory fallback.
import { LibraryInvalidPictureError, type PictureLibrary } from "../../../src/library";
import { fakeBrowser, fakeThumbnailer, imageBytesCodec, png, picture, waitFor } from "./libraryFixtures";

describe.each([
  ["IndexedDB (Dexie over fake-indexeddb)", false],
  ["memory fallback", true],
])("PictureLibrary: %s", (_name, inMemory) => {
  let browser: ReturnType<typeof fakeBrowser>;
  let library: PictureLibrary;

  beforeEach(async () => {
    browser = fakeBrowser();
    library = await browser.open(inMemory ? { indexedDB: null } : {});
  });
  afterEach(() => library.close());

  /** Adds pictures one clock minute apart, oldest first. */
  async function addAll(prompts: string[]) {
    const image = await png();
    const saved = [];
    for (const prompt of prompts) {
      saved.push(await library.add(picture(image, prompt)));
      browser.clock.advance(60_000);
    }
    return saved;
  }

  it("says whether it is persistent", () => {
    expect(library.persistent).toBe(!inMemory);
    expect(library.notPersistentReason).toBe(inMemory ? "indexeddb-missing" : undefined);
  });

  it("add returns the saved record, and get returns the same bytes, checked", async () => {
    const image = await png(12, 8);
    const saved = await library.add(picture(image, "A lighthouse at dawn", { revisedPrompt: "A tall lighthouse", style: "watercolor" }));
    expect(saved).toMatchObject({
      id: "pic-1",
      prompt: "A lighthouse at dawn",
      revisedPrompt: "A tall lighthouse",
      style: "watercolor",
      aspect: "landscape",
      mimeType: "image/png",
      size: { widthPx: 12, heightPx: 8 },
      pinned: false,
      insertedCount: 0,
    });
    expect(saved.thumbnail).toBeUndefined(); // made after the picture is safe
    const stored = await library.get(saved.id);
    expect(stored?.image).toEqual(image);
    await library.settled();
    expect((await library.list()).items[0].thumbnail).toEqual({
      bytes: new Uint8Array([1, 2, 3, 4]),
      mimeType: "image/webp",
      size: { widthPx: 4, heightPx: 3 },
    });
    expect(await library.get("no-such-id")).toBeUndefined();
  });

  it("saves the bytes the image checks decoded, without decoding the base64 again", async () => {
    library.close();
    const checked = imageBytesCodec.check((await png(10, 6)).base64);
    const codec = { ...imageBytesCodec, decode: jest.fn(imageBytesCodec.decode), bytesOf: jest.fn(imageBytesCodec.bytesOf!) };
    library = await browser.open({ codec, ...(inMemory ? { indexedDB: null } : {}) });
    const saved = await library.add(picture(checked, "Saved from the checks' bytes"));
    expect(codec.bytesOf).toHaveBeenCalledWith(checked);
    expect(codec.decode).not.toHaveBeenCalled();
    expect((await library.get(saved.id))?.image).toEqual(checked);
  });

  it("refuses what is not a picture (not raw base64, no pixel size), and writes nothing", async () => {
    const image = await png();
    await expect(library.add(picture({ ...image, base64: `data:image/png;base64,${image.base64}` }, "prefixed"))).rejects.toThrow(
      LibraryInvalidPictureError,
    );
    await expect(library.add(picture({ ...image, size: { widthPx: 0, heightPx: 0 } }, "no size"))).rejects.toThrow(/no pixel size/);
    expect((await library.list()).total).toBe(0);
  });

  it("saves the picture without a thumbnail when the thumbnailer fails", async () => {
    library.close();
    library = await browser.open({
      ...(inMemory ? { indexedDB: null } : {}),
      makeThumbnail: async () => {
        throw new Error("no canvas");
      },
    });
    await library.add(picture(await png(), "kept anyway"));
    await library.settled();
    const [item] = (await library.list()).items;
    expect(item.prompt).toBe("kept anyway");
    expect(item.thumbnail).toBeUndefined();
  });

  it("lists newest first, in pages, with the total", async () => {
    await addAll(["one", "two", "three", "four", "five"]);
    const first = await library.list({ limit: 2 });
    expect(first.items.map((item) => item.prompt)).toEqual(["five", "four"]);
    expect(first.total).toBe(5);
    const last = await library.list({ offset: 4, limit: 2 });
    expect(last.items.map((item) => item.prompt)).toEqual(["one"]);
  });

  it("searches prompts ignoring case and diacritics", async () => {
    await addAll(["Un café à Paris", "A CAFE in Rome", "A beach"]);
    expect((await library.list({ search: "cafe" })).items.map((item) => item.prompt)).toEqual(["A CAFE in Rome", "Un café à Paris"]);
    expect((await library.list({ search: "CAFÉ À" })).items.map((item) => item.prompt)).toEqual(["Un café à Paris"]);
    expect((await library.list({ search: "mountain" })).total).toBe(0);
  });

  it("pins and unpins; markInserted counts and filters by document", async () => {
    const [a, b] = await addAll(["for the report", "for the deck"]);
    expect(await library.setPinned(a.id, true)).toBe(true);
    expect(await library.markInserted(a.id, { documentId: "doc-report", sectionIndex: 2 })).toBe(true);
    expect(await library.markInserted(a.id, { documentId: "doc-report" })).toBe(true);
    expect(await library.markInserted(b.id, { documentId: "doc-deck", slideId: "256#" })).toBe(true);
    const inReport = await library.list({ documentId: "doc-report" });
    expect(inReport.items).toHaveLength(1);
    expect(inReport.items[0]).toMatchObject({ id: a.id, pinned: true, insertedCount: 2 });
    expect(inReport.items[0].insertions).toEqual([
      { documentId: "doc-report", sectionIndex: 2, at: expect.any(Number) },
      { documentId: "doc-report", at: expect.any(Number) },
    ]);
    expect((await library.list({ documentId: "doc-deck" })).items[0].insertions[0].slideId).toBe("256#");
    expect(await library.setPinned(a.id, false)).toBe(true);
    expect((await library.get(a.id))?.pinned).toBe(false);
    expect(await library.setPinned("gone", true)).toBe(false);
    expect(await library.markInserted("gone")).toBe(false);
  });

  it("delete can be undone within the window, not after", async () => {
    const [a, b] = await addAll(["keep me", "delete me"]);
    const deleted = await library.delete(b.id);
    expect((await library.list()).items.map((item) => item.id)).toEqual([a.id]);
    browser.clock.advance(3_000);
    expect(await deleted!.undo()).toBe(true);
    const back = await library.get(b.id);
    expect(back?.prompt).toBe("delete me");
    expect(back?.image.size).toEqual({ widthPx: 8, heightPx: 6 });

    const again = await library.delete(b.id);
    browser.clock.advance(60_000);
    expect(await again!.undo()).toBe(false);
    expect(await library.get(b.id)).toBeUndefined();
  });

  it("deleting a picture that is already gone is not an error", async () => {
    const [a] = await addAll(["once"]);
    expect(await library.delete(a.id)).toBeDefined();
    expect(await library.delete(a.id)).toBeUndefined();
  });

  it("deleteAll empties the library and says how many went", async () => {
    await addAll(["a", "b", "c"]);
    expect(await library.deleteAll()).toBe(3);
    expect(await library.list()).toEqual({ items: [], total: 0, skipped: [] });
  });

  it("watch reports the page now and after each change", async () => {
    const pages: string[][] = [];
    const stop = library.watch({ limit: 10 }, (page) => pages.push(page.items.map((item) => item.prompt)));
    await waitFor(() => pages.length >= 1);
    await library.add(picture(await png(), "new one"));
    await waitFor(() => pages.some((page) => page.includes("new one")));
    stop();
    expect(pages[0]).toEqual([]);
  });

  it("verify makes a thumbnail that a closed pane never stored", async () => {
    library.close();
    library = await browser.open({
      ...(inMemory ? { indexedDB: null } : {}),
      makeThumbnail: async () => {
        throw new Error("pane closed");
      },
    });
    const saved = await library.add(picture(await png(), "no preview yet"));
    await library.settled();
    expect((await library.get(saved.id))?.thumbnail).toBeUndefined();
    const thumbnailer = fakeThumbnailer();
    (library as unknown as { deps: { makeThumbnail: typeof thumbnailer } }).deps.makeThumbnail = thumbnailer; // the next load of the pane
    expect(await library.verify()).toEqual([]);
    await library.settled();
    expect(thumbnailer.calls).toBe(1);
    expect((await library.list()).items[0].thumbnail?.mimeType).toBe("image/webp");
    expect(await library.verify()).toEqual([]);
    await library.settled();
    expect(thumbnailer.calls).toBe(1); // not made twice
  });

  it("makes one thumbnail per saved picture", async () => {
    const thumbnailer = fakeThumbnailer();
    library.close();
    library = await browser.open({ ...(inMemory ? { indexedDB: null } : {}), makeThumbnail: thumbnailer });
    await library.add(picture(await png(), "x"));
    await library.settled();
    expect(thumbnailer.calls).toBe(1);
  });
});
