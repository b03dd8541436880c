// The run store: per-account Dexie database, last write wins, damaged rows skipped, memory fallback.
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { createRun, deckRunReducer, NO_DECK_STYLE, type DeckItemKind } from "../../../../src/core/deck";
import { openRunStore } from "../../../../src/taskpane/deck/runStore";

const run = (runId: string, kind: DeckItemKind = "slide") =>
  createRun({ runId, createdAt: 1, style: NO_DECK_STYLE, items: [{ id: "a", index: 0, kind, title: "A", prompt: "a lake" }] });

describe("runStore", () => {
  it("keeps the last written run per account, and another account sees none of it", async () => {
    const indexedDB = new IDBFactory();
    const store = await openRunStore({ account: { homeAccountId: "oid.tid" }, indexedDB, IDBKeyRange });
    expect(store.persistent).toBe(true);
    const first = run("r1");
    await store.save(first);
    const started = deckRunReducer(first, { type: "start" });
    void store.save(started);
    await store.save(run("r2"));
    await store.save(deckRunReducer(started, { type: "send", id: "a", attempt: 1, at: 5 }));
    const latest = await store.latest("slide");
    expect(latest?.runId).toBe("r1");
    expect(latest?.items.a.state.status).toBe("queued");

    const reopened = await openRunStore({ account: { homeAccountId: "oid.tid" }, indexedDB, IDBKeyRange });
    expect((await reopened.latest("slide"))?.runId).toBe("r1");
    const other = await openRunStore({ account: { homeAccountId: "other.tid" }, indexedDB, IDBKeyRange });
    expect(await other.latest("slide")).toBeUndefined();
    await reopened.remove("r1");
    expect((await reopened.latest("slide"))?.runId).toBe("r2");
  });

  it.each([
    ["IndexedDB", () => openRunStore({ account: null, indexedDB: new IDBFactory(), IDBKeyRange })],
    ["memory", () => openRunStore({ account: null, indexedDB: null })],
  ])("keeps the latest run per app (%s): a Word run is not shadowed by a slide run written after it", async (_name, open) => {
    const store = await open();
    await store.save(run("word-1", "section"));
    for (let i = 1; i <= 12; i++) await store.save(run(`slides-${i}`)); // more than a page of newer slide runs
    expect((await store.latest("section"))?.runId).toBe("word-1");
    expect((await store.latest("slide"))?.runId).toBe("slides-12");
    await store.remove("word-1");
    expect(await store.latest("section")).toBeUndefined();
  });

  it("falls back to memory without IndexedDB", async () => {
    const store = await openRunStore({ account: null, indexedDB: null });
    expect(store.persistent).toBe(false);
    await store.save(run("m"));
    expect((await store.latest("slide"))?.runId).toBe("m");
  });
});
