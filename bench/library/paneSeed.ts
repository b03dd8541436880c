// In-page seeder of `npm run bench:pane-library`: fills the signed-out library through the library's own store code.
import { openPictureLibrary, SIGNED_OUT_DATABASE } from "../../src/library";
import { createCanvasThumbnailer } from "../../src/library/canvasThumbnail";
import { imageBytesCodec } from "../../src/taskpane/library/openAccountLibrary";

const WORDS = ["lighthouse", "café", "castle", "river", "robot", "garden", "harbour", "désert", "city", "forest"];
const BACKEND = { provider: "local", model: "local-renderer", offline: true };

/**
 * Replaces the signed-out ("not signed in") library of this origin with `count` pictures: `imageBase64` checked by
 * the pane's codec (src/imaging), saved with `add`, each with the canvas thumbnailer's thumbnail of that picture
 * (made once, as every picture is the same). @returns the stored count and whether IndexedDB (not memory) held them.
 */
async function seedSignedOut(count: number, imageBase64: string): Promise<{ total: number; persistent: boolean; database: string }> {
  const image = imageBytesCodec.check(imageBase64);
  const makeThumbnail = createCanvasThumbnailer();
  const thumbnail = await makeThumbnail({ bytes: imageBytesCodec.decode(image.base64), mimeType: image.mimeType, size: image.size });
  const library = await openPictureLibrary({ account: null, codec: imageBytesCodec, makeThumbnail: async () => thumbnail });
  try {
    await library.deleteAll();
    const start = Date.UTC(2026, 0, 1);
    for (let i = 0; i < count; i += 1) {
      await library.add({
        image,
        prompt: `Picture ${i}: a ${WORDS[i % WORDS.length]} by a ${WORDS[(i * 7) % WORDS.length]} at dusk`,
        style: "none",
        aspect: "landscape",
        backend: BACKEND,
        created: start + i * 60_000,
      });
    }
    await library.settled();
    const { total } = await library.list({ limit: 1 });
    return { total, persistent: library.persistent, database: SIGNED_OUT_DATABASE };
  } finally {
    library.close();
  }
}

(globalThis as unknown as { illustrateBenchSeed: typeof seedSignedOut }).illustrateBenchSeed = seedSignedOut;
