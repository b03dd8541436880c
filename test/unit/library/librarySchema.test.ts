// The library's schema over time: a stored v1 database upgrades to v2, and upgrades blocked by or blocking other panes.
import Dexie from "dexie";
import { IDBKeyRange } from "fake-indexeddb";
import fixture from "./fixtures/library-v1.json";
import { CURRENT_VERSION, LibraryUnavailableError, libraryDatabaseName, type LibraryAccount } from "../../../src/library";
import { SCHEMA_V1 } from "../../../src/library/schema";
import { fakeBrowser, waitFor } from "./libraryFixtures";

const ACCOUNT: LibraryAccount = { homeAccountId: "oid-a.tid-1" };
const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, "base64"));

/** Writes the stored v1 database of the fixture into `indexedDB`, as the v1 pane did (Dexie version 1). */
async function storeV1Database(indexedDB: IDBFactory): Promise<string> {
  const name = await libraryDatabaseName(ACCOUNT);
  const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
  v1.version(fixture.version).stores(SCHEMA_V1);
  await v1.table("pictures").bulkPut(fixture.pictures);
  await v1.table("images").bulkPut(fixture.images.map((row) => ({ id: row.id, bytes: bytes(row.bytes) })));
  await v1
    .table("thumbnails")
    .bulkPut(fixture.thumbnails.map((row) => ({ id: row.id, thumbnail: { ...row.thumbnail, bytes: bytes(row.thumbnail.bytes) } })));
  v1.close();
  return name;
}

/** Opens `name` with raw IndexedDB at `version` (Dexie multiplies its versions by 10), with no versionchange handler. */
function rawOpen(indexedDB: IDBFactory, name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe("schema v1 → v2", () => {
  it("upgrades a stored v1 database: every picture kept, pins, documents and search carried over", async () => {
    const browser = fakeBrowser();
    await storeV1Database(browser.indexedDB);
    const library = await browser.open({ account: ACCOUNT });
    expect(CURRENT_VERSION).toBe(2);

    const page = await library.list();
    expect(page.skipped).toEqual([]);
    expect(page.items.map((item) => [item.id, item.pinned, item.insertedCount])).toEqual([
      ["v1-b", false, 0],
      ["v1-a", true, 2],
    ]);
    expect(page.items[1].insertions).toEqual([{ documentId: "doc-menu", at: 1764000000000 }]);
    expect(page.items[1].thumbnail?.size).toEqual({ widthPx: 4, heightPx: 2 });
    expect((await library.list({ documentId: "doc-menu" })).items.map((item) => item.id)).toEqual(["v1-a"]);
    expect((await library.list({ search: "creme brulee" })).items.map((item) => item.id)).toEqual(["v1-a"]);
    expect((await library.list({ search: "stone tower" })).items.map((item) => item.id)).toEqual(["v1-b"]); // revised prompt
    expect((await library.get("v1-b"))?.image).toMatchObject({ mimeType: "image/jpeg", size: { widthPx: 9, heightPx: 16 } });
    expect(await library.verify()).toEqual([]);
    library.close();
  });
});

describe("upgrades and other panes", () => {
  it("an upgrade blocked by a pane holding v1 open waits, says so, and finishes when that pane lets go", async () => {
    const browser = fakeBrowser();
    const name = await storeV1Database(browser.indexedDB);
    const oldPane = await rawOpen(browser.indexedDB, name, 10); // ignores versionchange, as a stuck old tab does
    const onBlocked = jest.fn();
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined); // Dexie logs the blocked upgrade
    let opened = false;
    const opening = browser.open({ account: ACCOUNT, onBlocked }).then((library) => ((opened = true), library));
    await waitFor(() => onBlocked.mock.calls.length > 0);
    expect(opened).toBe(false);
    warn.mockRestore();
    oldPane.close();
    const library = await opening;
    expect(library.persistent).toBe(true);
    expect((await library.list()).total).toBe(2);
    library.close();
  });

  it("a newer pane's upgrade closes this store, which says so and then refuses calls plainly", async () => {
    const browser = fakeBrowser();
    const onVersionChange = jest.fn();
    const library = await browser.open({ account: ACCOUNT, onVersionChange });
    const name = await libraryDatabaseName(ACCOUNT);
    const newerPane = await rawOpen(browser.indexedDB, name, (CURRENT_VERSION + 1) * 10); // not blocked: we closed
    expect(onVersionChange).toHaveBeenCalledTimes(1);
    await expect(library.list()).rejects.toThrow(LibraryUnavailableError);
    newerPane.close();
  });
});
