// Fakes for the deck panel tests: a host with `deck`, an image client whose requests the test finishes, a clock.
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import type { DeckHostAdditions, DeckInsertOptions, DeckItem, DeckItemText, InsertedLocation } from "../../../../src/core/deck";
import type { GeneratedImage, PictureData } from "../../../../src/core/types";
import { HostError } from "../../../../src/hosts/errors";
import { ApiError } from "../../../../src/core/protocol/errors";
import { CancelledError } from "../../../../src/imaging/errors";
import type { GenerateCallbacks, ImageClient, ImageEditRequest, ImageGenerateRequest } from "../../../../src/imaging/ImageClient";
import type { NewPicture, PictureSummary, StoredPicture } from "../../../../src/library";
import type { DeckClock, DeckPictureStore, DeckServices } from "../../../../src/taskpane/deck/deckServices";
import { openRunStore } from "../../../../src/taskpane/deck/runStore";
import { FakeHost, fakeImage } from "../fakes";

/** An 8-slide deck: title, 4 content slides, a section header, a slide with a picture, a closing slide. */
export const DECK: DeckItem[] = [
  { id: "s1", index: 0, kind: "slide", title: "Annual review 2026", body: "Contoso Ltd", hasPicture: false, layout: { name: "Title Slide" } },
  {
    id: "s2",
    index: 1,
    kind: "slide",
    title: "Quarterly revenue up 12% in EMEA",
    body: "Strong growth in Germany\nNew customers",
    hasPicture: false,
    layout: { name: "Title and Content" },
  },
  {
    id: "s3",
    index: 2,
    kind: "slide",
    title: "Our team",
    body: "Hiring engineers and designers",
    hasPicture: false,
    layout: { name: "Title and Content" },
  },
  { id: "s4", index: 3, kind: "slide", title: "Part two", body: "", hasPicture: false, layout: { name: "Section Header" } },
  {
    id: "s5",
    index: 4,
    kind: "slide",
    title: "Customer satisfaction",
    body: "Support response times halved",
    hasPicture: false,
    layout: { name: "Title and Content" },
  },
  {
    id: "s6",
    index: 5,
    kind: "slide",
    title: "Product roadmap",
    body: "Cloud launch in spring",
    hasPicture: true,
    layout: { name: "Title and Content" },
  },
  {
    id: "s7",
    index: 6,
    kind: "slide",
    title: "Security first",
    body: "Zero trust across the network",
    hasPicture: false,
    layout: { name: "Title and Content" },
  },
  { id: "s8", index: 7, kind: "slide", title: "Thank you", body: "", hasPicture: false, layout: { name: "Title Slide" } },
];

/** `DeckHostAdditions` over {@link DECK}; records inserts; `insertFailures[id]` makes that item's insert throw. */
export class FakeDeck implements DeckHostAdditions {
  readonly inserts: { itemId: string; picture: PictureData; options: DeckInsertOptions }[] = [];
  insertFailures: Record<string, unknown> = {};
  constructor(readonly items: DeckItem[] = DECK) {}
  async listItems(): Promise<DeckItem[]> {
    return this.items.map((i) => ({ ...i }));
  }
  async readItemText(itemId: string): Promise<DeckItemText> {
    const item = this.items.find((i) => i.id === itemId);
    if (!item) throw new HostError("unknown", "gone");
    return { id: item.id, kind: item.kind, title: item.title, body: item.body };
  }
  async readPalette(): Promise<string[]> {
    return ["#1f4e79", "#ff7f50"];
  }
  async insertIntoItem(itemId: string, picture: PictureData, options: DeckInsertOptions): Promise<InsertedLocation> {
    const failure = this.insertFailures[itemId];
    if (failure) throw failure;
    const already = this.inserts.find((i) => i.options.pictureId === options.pictureId);
    if (!already) this.inserts.push({ itemId, picture, options });
    return { itemId, shapeId: `shape-${options.pictureId}` };
  }
}

/** A workbench-slide FakeHost with `deck`. */
export function deckHost(deck = new FakeDeck()): FakeHost & { deck: FakeDeck } {
  const host = new FakeHost("workbench-slide") as FakeHost & { deck: FakeDeck };
  Object.defineProperty(host, "deck", { value: deck });
  return host;
}

interface Pending {
  request: ImageGenerateRequest;
  callbacks: GenerateCallbacks;
  resolve(images: GeneratedImage[]): void;
  reject(error: unknown): void;
}

/** An image client whose requests wait until the test finishes them; counts calls and the most in flight at once. */
export class ControlledImageClient implements ImageClient {
  readonly calls: ImageGenerateRequest[] = [];
  readonly pending: Pending[] = [];
  inFlight = 0;
  maxInFlight = 0;
  generate(request: ImageGenerateRequest, callbacks: GenerateCallbacks = {}): Promise<GeneratedImage[]> {
    this.calls.push(request);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise<GeneratedImage[]>((resolve, reject) => {
      const entry: Pending = {
        request,
        callbacks,
        resolve: (images) => {
          this.settle(entry);
          resolve(images);
        },
        reject: (error) => {
          this.settle(entry);
          reject(error);
        },
      };
      this.pending.push(entry);
      callbacks.signal?.addEventListener("abort", () => entry.reject(new CancelledError()));
    });
  }
  async edit(_request: ImageEditRequest): Promise<GeneratedImage[]> {
    throw new Error("not used");
  }
  private settle(entry: Pending): void {
    const at = this.pending.indexOf(entry);
    if (at >= 0) {
      this.pending.splice(at, 1);
      this.inFlight--;
    }
  }
  /** The pending request whose prompt contains `text`. */
  find(text: string): Pending {
    const found = this.pending.find((p) => p.request.prompt.includes(text));
    if (!found) throw new Error(`No pending request for ${text}; pending: ${this.pending.map((p) => p.request.prompt.slice(0, 40)).join(" | ")}`);
    return found;
  }
  /** Finishes the oldest pending request with a picture. */
  finishNext(): void {
    const next = this.pending[0];
    if (!next) throw new Error("nothing pending");
    next.resolve([fakeImage(1, 1)]);
  }
  filterNext(text: string, categories = ["violence"]): void {
    this.find(text).reject(new ApiError(400, "content_policy_violation", "content_filtered", "blocked", { categories }));
  }
  /** How many requests were made for the item whose prompt contains `text`. */
  callsFor(text: string): number {
    return this.calls.filter((c) => c.prompt.includes(text)).length;
  }
}

/** A clock the test moves; `setTimeout` callbacks run when `advance` passes them. */
export function fakeClock(start = Date.UTC(2026, 11, 1)): DeckClock & { advance(ms: number): void; timers: number } {
  let time = start;
  let next = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => time,
    setTimeout: (fn, ms) => {
      timers.set(++next, { at: time + ms, fn });
      return next;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    advance(ms: number) {
      time += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= time) {
          timers.delete(id);
          timer.fn();
        }
      }
    },
    get timers() {
      return timers.size;
    },
  };
}

/**
 * The library seam as a map (jsdom's Uint8Array is another realm's, so the real MemoryLibrary's byte checks refuse
 * its own bytes here; the library has its own tests in node).
 */
export class FakePictureStore implements DeckPictureStore {
  readonly pictures = new Map<string, StoredPicture>();
  private next = 0;
  async add(picture: NewPicture): Promise<PictureSummary> {
    const id = `pic-${++this.next}`;
    const stored: StoredPicture = {
      id,
      created: 0,
      prompt: picture.prompt,
      style: picture.style,
      backend: picture.backend,
      mimeType: picture.image.mimeType,
      size: picture.image.size,
      byteLength: picture.image.base64.length,
      pinned: false,
      insertedCount: 0,
      insertions: [],
      image: picture.image,
    };
    this.pictures.set(id, stored);
    return stored;
  }
  async get(id: string): Promise<StoredPicture | undefined> {
    return this.pictures.get(id);
  }
  async markInserted(id: string): Promise<boolean> {
    const picture = this.pictures.get(id);
    if (picture) picture.insertedCount++;
    return picture !== undefined;
  }
}

/** Services over a picture store and a fake-IndexedDB run store (pass the same `indexedDB` to "reload"). */
export function deckServices(options: { indexedDB?: IDBFactory; library?: FakePictureStore; clock?: DeckClock; concurrency?: number } = {}) {
  const indexedDB = options.indexedDB ?? new IDBFactory();
  const library = options.library ?? new FakePictureStore();
  let id = 0;
  const services: DeckServices = {
    openLibrary: async () => library,
    openRunStore: () => openRunStore({ account: null, indexedDB, IDBKeyRange }),
    clock: options.clock ?? fakeClock(),
    concurrency: options.concurrency ?? 2,
    newId: () => `run-${++id}`,
  };
  return { services, indexedDB, library };
}
