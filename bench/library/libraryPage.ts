// The benchmark page of `npm run bench:library`: the real library store in Chromium's IndexedDB, timed in the page.
import { openPictureLibrary, type NewPicture, type OpenedLibrary, type Thumbnail } from "../../src/library";
import { createCanvasThumbnailer } from "../../src/library/canvasThumbnail";
import { imageBytesCodec } from "../../src/taskpane/library/openAccountLibrary";
import type { PictureData } from "../../src/core/types";

const WORDS = ["lighthouse", "mountain", "café", "harbour", "forest", "robot", "garden", "desert", "city", "river", "castle", "market"];
const BACKEND = { provider: "azure-openai", model: "gpt-image-1", offline: false };
const makeThumbnail = createCanvasThumbnailer();

/** A picture served by the bench runner, checked as the ImageClient would. */
async function fetchPicture(path: string): Promise<PictureData> {
  const bytes = new Uint8Array(await (await fetch(path)).arrayBuffer());
  return imageBytesCodec.check(imageBytesCodec.encode(bytes));
}

function open(account: string, thumbnail?: Thumbnail): Promise<OpenedLibrary> {
  return openPictureLibrary({
    account: { homeAccountId: account },
    codec: imageBytesCodec,
    makeThumbnail: thumbnail ? async () => thumbnail : makeThumbnail,
  });
}

/** A prompt of 12–20 words drawn from {@link WORDS} by `seed`. */
function prompt(seed: number): string {
  const words: string[] = [];
  for (let i = 0; i < 12 + (seed % 9); i += 1) words.push(WORDS[(seed * 7 + i * 13) % WORDS.length]);
  return `Picture ${seed}: ${words.join(" ")}`;
}

/** Decodes the page's thumbnails as the panel would show them (object URLs into <img>). */
async function decodeThumbnails(items: { thumbnail?: Thumbnail }[]): Promise<number> {
  const urls = items.flatMap((item) =>
    item.thumbnail ? [URL.createObjectURL(new Blob([item.thumbnail.bytes as BlobPart], { type: item.thumbnail.mimeType }))] : [],
  );
  await Promise.all(
    urls.map((url) => {
      const img = new Image();
      img.src = url;
      return img.decode();
    }),
  );
  urls.forEach((url) => URL.revokeObjectURL(url));
  return urls.length;
}

const api = {
  /** Where add()'s time goes, for the 1536×1024 PNG (diagnostic). */
  async profileSave() {
    const big = await fetchPicture("/big.png");
    const t0 = performance.now();
    imageBytesCodec.check(big.base64);
    const t1 = performance.now();
    const bytes = imageBytesCodec.decode(big.base64);
    const t2 = performance.now();
    await makeThumbnail({ bytes, mimeType: big.mimeType, size: big.size });
    const t3 = performance.now();
    return { checkMs: t1 - t0, decodeMs: t2 - t1, thumbnailMs: t3 - t2, bytes: bytes.length };
  },
  /** Fills account `account` with `count` pictures (the small picture's bytes, the big picture's real thumbnail). */
  async seed(account: string, count: number): Promise<{ thumbnailBytes: number; persistent: boolean }> {
    const big = await fetchPicture("/big.png");
    const small = await fetchPicture("/small.png");
    const thumbnail = await makeThumbnail({ bytes: imageBytesCodec.decode(big.base64), mimeType: big.mimeType, size: big.size });
    const library = await open(account, thumbnail);
    const start = Date.now() - count * 60_000;
    for (let i = 0; i < count; i += 1) {
      const item: NewPicture = {
        image: small,
        prompt: prompt(i),
        style: "photo",
        aspect: "landscape",
        backend: BACKEND,
        created: start + i * 60_000,
      };
      await library.add(item);
    }
    await library.settled();
    const persistent = library.persistent;
    library.close();
    return { thumbnailBytes: thumbnail.bytes.length, persistent };
  },
  /** Open the library (fresh connection) → first page of `limit` → its thumbnails decoded. */
  async firstPage(account: string, limit: number) {
    const t0 = performance.now();
    const library = await open(account);
    const t1 = performance.now();
    const page = await library.list({ limit });
    const t2 = performance.now();
    const decoded = await decodeThumbnails(page.items);
    const t3 = performance.now();
    library.close();
    return { openMs: t1 - t0, listMs: t2 - t1, decodeMs: t3 - t2, totalMs: t3 - t0, items: page.items.length, total: page.total, decoded };
  },
  /** One search on an open library (opened once per call, not timed). */
  async search(account: string, queries: string[]) {
    const library = await open(account);
    await library.list({ limit: 1 }); // warm connection
    const times: number[] = [];
    const hits: number[] = [];
    for (const query of queries) {
      const t0 = performance.now();
      const page = await library.list({ search: query, limit: 30 });
      times.push(performance.now() - t0);
      hits.push(page.total);
    }
    library.close();
    return { times, hits };
  },
  /** Saves the 1536×1024 PNG `runs` times (decode, one transaction; then the thumbnail), deleting it after each. */
  async save(account: string, runs: number) {
    const big = await fetchPicture("/big.png");
    const library = await open(account);
    const times: number[] = [];
    const withThumbnail: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      const saved = await library.add({ image: big, prompt: "A benchmark picture", style: "photo", aspect: "landscape", backend: BACKEND });
      times.push(performance.now() - t0);
      await library.settled();
      withThumbnail.push(performance.now() - t0);
      await library.delete(saved.id);
    }
    library.close();
    return { times, withThumbnail, bytes: imageBytesCodec.decode(big.base64).length };
  },
};

(window as unknown as { libraryBench: typeof api }).libraryBench = api;
document.title = "library bench ready";
