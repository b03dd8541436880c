// Fixtures for the picture library tests: a fresh fake IndexedDB per test, real PNG bytes, a fake thumbnailer, a clock.
import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import sharp from "sharp";
import type { PictureData } from "../../../src/core/types";
import { openPictureLibrary, type MakeThumbnail, type NewPicture, type OpenLibraryOptions } from "../../../src/library";
import { imageBytesCodec } from "../../../src/taskpane/library/openAccountLibrary";

export { imageBytesCodec };

// Dexie's liveQuery does nothing unless its global `Dexie.dependencies.indexedDB` is set (dexie.mjs `_doQuery`
// checks `domDeps.indexedDB`); browsers set it from `globalThis.indexedDB`, Node has none. Each test still opens
// its own injected factory; this only lets liveQuery run.
Dexie.dependencies.indexedDB ??= new IDBFactory();
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;

/** A real PNG of the given size (distinct colours make distinct bytes). */
export async function png(widthPx = 8, heightPx = 6, color = "#3366aa"): Promise<PictureData> {
  const bytes = await sharp({ create: { width: widthPx, height: heightPx, channels: 3, background: color } })
    .png()
    .toBuffer();
  return { base64: bytes.toString("base64"), mimeType: "image/png", size: { widthPx, heightPx } };
}

/** A thumbnailer that records its calls and returns 4 fake bytes (jsdom/node have no canvas). */
export function fakeThumbnailer(): MakeThumbnail & { calls: number } {
  const make = Object.assign(
    async () => {
      make.calls += 1;
      return { bytes: new Uint8Array([1, 2, 3, 4]), mimeType: "image/webp" as const, size: { widthPx: 4, heightPx: 3 } };
    },
    { calls: 0 },
  );
  return make;
}

/** A settable clock, milliseconds since the epoch. */
export function fakeClock(start = Date.UTC(2026, 0, 1)): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

export const BACKEND = { provider: "local", model: "local-renderer", offline: true } as const;

/** A NewPicture with defaults. */
export function picture(image: PictureData, prompt: string, extra: Partial<NewPicture> = {}): NewPicture {
  return { image, prompt, style: "photo", aspect: "landscape", backend: BACKEND, ...extra };
}

/** One fake IndexedDB (a "browser profile") that several panes can open. */
export function fakeBrowser() {
  const indexedDB = new IDBFactory();
  const clock = fakeClock();
  let ids = 0;
  const open = (overrides: Partial<OpenLibraryOptions> = {}) =>
    openPictureLibrary({
      account: { homeAccountId: "oid-a.tid-1" },
      codec: imageBytesCodec,
      makeThumbnail: fakeThumbnailer(),
      indexedDB,
      IDBKeyRange,
      storage: { estimate: async () => ({ usage: 0, quota: 10 * 1024 ** 3 }), persist: async () => true, persisted: async () => false },
      now: clock.now,
      newId: () => `pic-${(ids += 1)}`,
      ...overrides,
    });
  return { indexedDB, clock, open };
}

/**
 * Polls `condition` once per turn of the event loop (IndexedDB events are macrotasks) until it holds, for up to
 * `timeoutMs` of wall time. A count of turns is not a bound: on a loaded machine an upgrade that Dexie reports
 * blocked took more than 500 turns (CI run 27), so the bound is time, and only for a test that is stuck.
 */
export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error(`condition not met within ${timeoutMs} ms`);
}
