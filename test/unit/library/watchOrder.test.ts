// watch() under a race: a read that started before a record was found damaged must not overwrite the re-read that
// leaves the record out (the History heading kept "History (2)" with one picture shown, seen in a loaded CI run).
import { MemoryLibrary } from "../../../src/library/MemoryLibrary";
import type { ImageRow, ThumbnailRow } from "../../../src/library/rows";
import { fakeThumbnailer, imageBytesCodec, png, picture } from "./libraryFixtures";

/** A memory store whose next thumbnail read waits for `release()`, and whose `damaged` picture's bytes lose their end. */
class SlowReadLibrary extends MemoryLibrary {
  damaged?: string;
  private held?: Promise<void>;
  hold(): () => void {
    let release!: () => void;
    this.held = new Promise((resolve) => (release = resolve));
    return release;
  }
  protected override async readThumbnails(ids: string[]): Promise<(ThumbnailRow | undefined)[]> {
    const held = this.held;
    this.held = undefined;
    if (held) await held;
    return super.readThumbnails(ids);
  }
  protected override async eachImage(visit: (image: ImageRow) => void): Promise<void> {
    await super.eachImage((image) => visit(image.id === this.damaged ? { ...image, bytes: image.bytes.slice(0, -12) } : image));
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test("a slow read from before verify() found a damaged picture does not bring its count back", async () => {
  let ids = 0;
  const library = new SlowReadLibrary({ codec: imageBytesCodec, makeThumbnail: fakeThumbnailer(), newId: () => `pic-${(ids += 1)}` });
  const image = await png();
  await library.add(picture(image, "A misty mountain lake at dawn"));
  const kite = await library.add(picture(image, "A red kite over green hills"));
  await settle();
  library.damaged = kite.id;

  const totals: number[] = [];
  const release = library.hold(); // the watcher's first read counts 2, then waits on its thumbnails
  const stop = library.watch({ limit: 0 }, (page) => totals.push(page.total));
  expect(await library.verify()).toEqual([{ id: kite.id, reason: expect.any(String) }]);
  await settle(); // the re-read after the damage is found: 1
  release(); // the first read ends last
  await settle();
  expect(totals.at(-1)).toBe(1);
  stop();
});
