// The IndexedDB store's storage faults and sharing: quota and eviction, accounts, damaged records, two panes.
import { IDBKeyRange } from "fake-indexeddb";
import { LibraryCorruptRecordError, LibraryQuotaError, libraryDatabaseName, SIGNED_OUT_DATABASE, type PicturePage } from "../../../src/library";
import { LibraryDatabase } from "../../../src/library/schema";
import { fakeBrowser, png, picture, waitFor } from "./libraryFixtures";

describe("eviction by quota", () => {
  it("plans the oldest unpinned pictures first, deletes nothing until told, then evicts them", async () => {
    let usage = 0;
    const browser = fakeBrowser();
    const quota = 100_000;
    const library = await browser.open({ storage: { estimate: async () => ({ usage, quota }) } });
    const image = await png();
    const saved = [];
    for (const prompt of ["oldest", "pinned old", "middle", "newest"]) {
      saved.push(await library.add(picture(image, prompt)));
      browser.clock.advance(1000);
    }
    await library.setPinned(saved[1].id, true);
    await library.settled(); // thumbnails written, so each row counts its 4 thumbnail bytes
    const perPicture = saved[0].byteLength + 4 + 1024; // image + fake thumbnail + row allowance
    usage = 89_000; // budget is 90% of the quota: 90,000 bytes

    const fits = await library.planEviction(500);
    expect(fits).toMatchObject({ neededBytes: 0, victims: [], enough: true });

    const plan = await library.planEviction(perPicture + 1500);
    expect(plan.budgetBytes).toBe(90_000);
    expect(plan.neededBytes).toBe(89_000 + perPicture + 1500 - 90_000);
    expect(plan.victims.map((victim) => victim.prompt)).toEqual(["oldest", "middle"]);
    expect(plan.enough).toBe(true);
    expect((await library.list()).total).toBe(4); // planning deleted nothing

    expect(await library.evict(plan)).toBe(2);
    expect((await library.list()).items.map((item) => item.prompt)).toEqual(["newest", "pinned old"]);
    library.close();
  });

  it("never plans pinned pictures, and says when even that is not enough", async () => {
    const browser = fakeBrowser();
    const library = await browser.open({ storage: { estimate: async () => ({ usage: 1_000_000, quota: 1_000_000 }) } });
    const kept = await library.add(picture(await png(), "pinned"));
    await library.setPinned(kept.id, true);
    const plan = await library.planEviction(10);
    expect(plan.victims).toEqual([]);
    expect(plan.enough).toBe(false);
    library.close();
  });

  it("a pinned picture is spared by evict even if the plan named it before it was pinned", async () => {
    const browser = fakeBrowser();
    const library = await browser.open({ maxBytes: 1, storage: {} }); // usage: the library's own sum
    const one = await library.add(picture(await png(), "one"));
    const plan = await library.planEviction(0);
    expect(plan.victims.map((victim) => victim.id)).toEqual([one.id]);
    await library.setPinned(one.id, true);
    expect(await library.evict(plan)).toBe(0);
    expect((await library.list()).total).toBe(1);
    library.close();
  });

  it("turns IndexedDB's QuotaExceededError into LibraryQuotaError and keeps nothing half-written", async () => {
    const browser = fakeBrowser();
    const library = await browser.open();
    const quotaError = Object.assign(new Error("The quota has been exceeded."), { name: "QuotaExceededError" });
    // fake-indexeddb has no quota: make the `pictures` write fail as a full disk would.
    const db = (library as unknown as { db: LibraryDatabase }).db;
    db.pictures.hook("creating", () => {
      throw quotaError;
    });
    await expect(library.add(picture(await png(), "too big"))).rejects.toThrow(LibraryQuotaError);
    expect(await db.images.count()).toBe(0); // the transaction rolled back the image row too
    library.close();
  });
});

describe("per-account partition", () => {
  it("account A never sees account B's pictures; signed out is its own partition", async () => {
    const browser = fakeBrowser();
    const a = await browser.open({ account: { homeAccountId: "oid-a.tid-1" } });
    const b = await browser.open({ account: { tenantId: "tid-1", objectId: "oid-b" } });
    const signedOut = await browser.open({ account: null });
    await a.add(picture(await png(), "A's secret picture"));
    await signedOut.add(picture(await png(), "made while signed out"));
    expect((await b.list()).total).toBe(0);
    expect((await a.list()).items.map((item) => item.prompt)).toEqual(["A's secret picture"]);
    expect((await signedOut.list()).items.map((item) => item.prompt)).toEqual(["made while signed out"]);
    for (const library of [a, b, signedOut]) library.close();
  });

  it("names databases by a hash of the account id, never the email", async () => {
    const name = await libraryDatabaseName({ homeAccountId: "OID-A.TID-1" });
    expect(name).toMatch(/^illustrate-library-[0-9a-f]{32}$/);
    expect(await libraryDatabaseName({ tenantId: "tid-1", objectId: "oid-a" })).toBe(name); // same person, same store
    expect(await libraryDatabaseName({ homeAccountId: "oid-b.tid-1" })).not.toBe(name);
    expect(await libraryDatabaseName(null)).toBe(SIGNED_OUT_DATABASE);
    await expect(libraryDatabaseName({ homeAccountId: "ada@contoso.com" })).rejects.toThrow(/not its email/);
  });
});

describe("damaged records", () => {
  it("skips and reports a record whose bytes fail the image checks; the rest loads", async () => {
    const browser = fakeBrowser();
    const library = await browser.open();
    const good = await library.add(picture(await png(), "good"));
    const bad = await library.add(picture(await png(10, 10, "#ff0000"), "bad"));
    const db = (library as unknown as { db: LibraryDatabase }).db;
    const bytes = (await db.images.get(bad.id))!.bytes;
    await db.images.put({ id: bad.id, bytes: bytes.slice(0, bytes.length - 20) }); // truncated on disk
    await db.pictures.put({ id: "junk", created: 5 } as never); // a row missing its fields

    const page = await library.list();
    expect(page.items.map((item) => item.prompt)).toEqual(["bad", "good"]);
    expect(page.skipped).toEqual([{ id: "junk", reason: "no prompt" }]);

    expect(await library.verify()).toEqual([{ id: bad.id, reason: expect.stringMatching(/truncated PNG/) }]);
    await expect(library.get(bad.id)).rejects.toThrow(LibraryCorruptRecordError);
    const after = await library.list();
    expect(after.items.map((item) => item.id)).toEqual([good.id]);
    expect(after.skipped.map((skipped) => skipped.id).sort()).toEqual([bad.id, "junk"].sort());
    expect((await library.get(good.id))?.image.size).toEqual({ widthPx: 8, heightPx: 6 });
    library.close();
  });
});

describe("two panes of the same origin", () => {
  it("a change in one pane shows in the other (liveQuery)", async () => {
    const browser = fakeBrowser();
    const first = await browser.open();
    const second = await browser.open();
    const seen: PicturePage[] = [];
    const stop = second.watch(
      {},
      (page) => seen.push(page),
      (error) => seen.push({ items: [], total: -1, skipped: [{ id: "error", reason: String(error) }] }),
    );
    await waitFor(() => seen.length === 1);
    expect(seen[0].total).toBe(0);
    const saved = await first.add(picture(await png(), "made in the first pane"));
    await waitFor(() => seen.at(-1)?.total === 1);
    expect(seen.at(-1)?.items[0].prompt).toBe("made in the first pane");
    await first.setPinned(saved.id, true);
    await waitFor(() => seen.at(-1)?.items[0]?.pinned === true);
    await first.delete(saved.id);
    await waitFor(() => seen.at(-1)?.total === 0);
    stop();
    first.close();
    second.close();
  });

  it("a list in one pane sees what the other pane changed since its last list (no stale search cache)", async () => {
    const browser = fakeBrowser();
    const first = await browser.open();
    const second = await browser.open();
    expect((await first.list({ search: "harbour" })).total).toBe(0); // fills first's row cache
    const saved = await second.add(picture(await png(), "A harbour at night"));
    expect((await first.list({ search: "harbour" })).items.map((item) => item.id)).toEqual([saved.id]);
    await second.delete(saved.id);
    expect((await first.list({ search: "harbour" })).total).toBe(0);
    first.close();
    second.close();
  });

  it("both panes deleting the same picture: no error, one undo", async () => {
    const browser = fakeBrowser();
    const first = await browser.open();
    const second = await browser.open();
    const saved = await first.add(picture(await png(), "deleted twice"));
    const [a, b] = await Promise.all([first.delete(saved.id), second.delete(saved.id)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect((await first.list()).total).toBe(0);
    first.close();
    second.close();
  });
});

describe("opening", () => {
  it("asks navigator.storage.persist() once, only when not yet persisted", async () => {
    const persist = jest.fn(async () => true);
    const browser = fakeBrowser();
    const library = await browser.open({ storage: { persisted: async () => false, persist } });
    expect(persist).toHaveBeenCalledTimes(1);
    expect(library.storagePersisted).toBe(true);
    const again = await browser.open({ storage: { persisted: async () => true, persist } });
    expect(persist).toHaveBeenCalledTimes(1);
    library.close();
    again.close();
  });

  it("falls back to memory, saying so, when the quota is 0 (private mode)", async () => {
    const library = await fakeBrowser().open({ storage: { estimate: async () => ({ usage: 0, quota: 0 }) } });
    expect(library.persistent).toBe(false);
    expect(library.notPersistentReason).toBe("quota-zero");
    await library.add(picture(await png(), "kept in memory"));
    expect((await library.list()).total).toBe(1);
  });

  it("falls back to memory when IndexedDB refuses to open", async () => {
    const refusing = {
      open: () => {
        throw Object.assign(new Error("A mutation operation was attempted on a database that did not allow mutations."), {
          name: "InvalidStateError",
        });
      },
    } as unknown as IDBFactory;
    const library = await fakeBrowser().open({ indexedDB: refusing, IDBKeyRange });
    expect(library.persistent).toBe(false);
    expect(library.notPersistentReason).toBe("open-failed");
  });
});
