// The workbench deck: its model, the seeded deck, and the deck operations with the PowerPoint adapter's semantics.
import { altTextFor } from "../../../src/core/altText";
import { defaultSelection } from "../../../src/core/deck/selection";
import { LIBRARY_ID_TAG, PROMPT_TAG } from "../../../src/hosts/powerpoint/shapeTags";
import { createSeedDeck } from "../../../src/workbench/documents";
import { currentSlideOf, currentSlideStore, moveSlide, removeSlide, selectSlide, type DeckState } from "../../../src/workbench/deckModel";
import { SlideHost } from "../../../src/workbench/slideHost";
import { selectShape, SLIDE_SIZE_PT, type PictureShape, type SlideState } from "../../../src/workbench/slideModel";
import { createStore } from "../../../src/workbench/store";
import { pngPicture } from "../../support/pictures";

const PROMPT = "A single clear scene of golden coins and a young plant climbing a staircase of light";
const deckOptions = {
  altText: altTextFor(PROMPT),
  prompt: PROMPT,
  pictureId: "pic-1",
  provenance: { style: "watercolor", model: "gpt-image-1", size: "1536x1024" },
};

function setup() {
  const deck = createStore(createSeedDeck());
  const host = new SlideHost(currentSlideStore(deck), { deck });
  return { deck, host, d: host.deck! };
}
const pictures = (slide: SlideState) => slide.shapes.filter((s): s is PictureShape => s.kind === "picture");
const slideAt = (deck: DeckState, i: number) => deck.slides[i];

describe("deck model", () => {
  it("selects, removes and moves slides; the lens store follows the slide in view", () => {
    const store = createStore(createSeedDeck());
    const lens = currentSlideStore(store);
    const listener = jest.fn();
    lens.subscribe(listener);
    expect(lens.get().slideId).toBe("slide-1");
    lens.update((s) => selectShape(s, "s2"));
    expect(currentSlideOf(store.get()).selectedShapeId).toBe("s2");
    store.update((d) => selectSlide(d, "slide-3"));
    expect(lens.get().slideId).toBe("slide-3");
    expect(listener).toHaveBeenCalledTimes(2);
    store.update((d) => selectSlide(d, "slide-1"));
    expect(lens.get().selectedShapeId).toBeNull(); // going to a slide clears its shape selection, as setSelectedSlides
    expect(selectSlide(store.get(), "nope")).toBe(store.get());
    const moved = moveSlide(store.get(), "slide-3", 0);
    expect(moved.slides.map((s) => s.slideId).slice(0, 2)).toEqual(["slide-3", "slide-1"]);
    const removed = removeSlide(store.get(), "slide-1");
    expect(removed.currentSlideId).toBe("slide-2");
    expect(removed.slides).toHaveLength(11);
  });
});

describe("SlideHost.deck", () => {
  it("lists the 12 seeded slides: title, section, a picture slide, bullet slides, closing; 7 ticked by default", async () => {
    const { d } = setup();
    const items = await d.listItems();
    expect(items).toHaveLength(12);
    expect(items.map((i) => i.title)).toEqual([
      "FY27 kickoff at the high lakes",
      "Where we stand",
      "Revenue in EMEA",
      "Hiring plan for 2027",
      "Our team",
      "Where we are going",
      "Security: zero trust by Q2",
      "Cloud migration",
      "Customer journey",
      "Roadmap 2027",
      "Sustainability",
      "Thank you",
    ]);
    expect(items[2]).toMatchObject({ id: "slide-3", index: 2, kind: "slide", layout: { name: "Title and Content" }, hasPicture: false });
    expect(items[2].body).toContain("Quarterly revenue up 12% in EMEA");
    expect(items[4].hasPicture).toBe(true);
    expect(items[11].body).toBe("Questions?");
    // Free area: right of the bullets, inside the slide.
    expect(items[2].freeAreaPt!.leftPt).toBeGreaterThanOrEqual(478);
    expect(items[2].freeAreaPt!.leftPt + items[2].freeAreaPt!.widthPt).toBeLessThanOrEqual(SLIDE_SIZE_PT.widthPt);
    const selection = defaultSelection(items);
    expect(selection.ticked).toEqual(["slide-3", "slide-4", "slide-7", "slide-8", "slide-9", "slide-10", "slide-11"]);
  });

  it("reads one slide's text, item_gone once deleted, and the theme colours as the palette", async () => {
    const { deck, d } = setup();
    await expect(d.readItemText("slide-8")).resolves.toMatchObject({ id: "slide-8", title: "Cloud migration" });
    deck.update((s) => removeSlide(s, "slide-8"));
    await expect(d.readItemText("slide-8")).rejects.toMatchObject({ code: "item_gone" });
    await expect(d.readPalette!()).resolves.toEqual(["#1F4E79", "#2E8B57", "#F28C28", "#708090"]);
    expect(d.renderThumbnail).toBeUndefined();
  });

  it("inserts into a slide that is not in view: goes to it, fits the free area, alt text and provenance tags, idempotent", async () => {
    const { deck, d } = setup();
    const picture = await pngPicture(1536, 1024);
    const where = await d.insertIntoItem("slide-3", picture, deckOptions);
    expect(deck.get().currentSlideId).toBe("slide-3");
    const [shape] = pictures(slideAt(deck.get(), 2));
    expect(where).toEqual({
      itemId: "slide-3",
      shapeId: shape.id,
      rectPt: { leftPt: shape.leftPt, topPt: shape.topPt, widthPt: shape.widthPt, heightPt: shape.heightPt },
      sizePt: { widthPt: shape.widthPt, heightPt: shape.heightPt },
    });
    expect(shape.leftPt).toBeGreaterThanOrEqual(478);
    expect(shape.widthPt / shape.heightPt).toBeCloseTo(1.5, 2);
    expect(shape.altText).toEqual(altTextFor(PROMPT));
    expect(shape.tags).toEqual({
      [PROMPT_TAG]: PROMPT,
      [LIBRARY_ID_TAG]: "pic-1",
      ILLUSTRATE_STYLE: "watercolor",
      ILLUSTRATE_MODEL: "gpt-image-1",
      ILLUSTRATE_SIZE: "1536x1024",
    });
    const before = deck.get();
    await expect(d.insertIntoItem("slide-3", picture, deckOptions)).resolves.toEqual(where);
    expect(deck.get()).toBe(before); // nothing inserted the second time
  });

  it("says item_gone for a deleted slide and changes nothing; a moved slide still gets its picture", async () => {
    const { deck, d } = setup();
    const picture = await pngPicture(1024, 1024);
    deck.update((s) => removeSlide(s, "slide-4"));
    const before = deck.get();
    await expect(d.insertIntoItem("slide-4", picture, deckOptions)).rejects.toMatchObject({ code: "item_gone" });
    expect(deck.get()).toBe(before);
    deck.update((s) => moveSlide(s, "slide-7", 0));
    await d.insertIntoItem("slide-7", picture, deckOptions);
    expect(pictures(slideAt(deck.get(), 0))).toHaveLength(1);
  });
});

describe("SlideHost provenance and captured slides in a deck", () => {
  const provenance = { libraryId: "pic-9", prompt: "A misty mountain lake at dawn", style: "photo" };

  it("tags an inserted picture with its provenance and gives it back on selection; the seeded team photo claims none", async () => {
    const { deck, host } = setup();
    await host.insertPicture(await pngPicture(1024, 1024), { altText: altTextFor(provenance.prompt), prompt: provenance.prompt, provenance });
    const [shape] = pictures(currentSlideOf(deck.get()));
    deck.update((s) => ({ ...s, slides: s.slides.map((sl) => (sl.slideId === "slide-1" ? selectShape(sl, shape.id) : sl)) }));
    expect((await host.readSelection()).picture?.provenance).toEqual(provenance);
    deck.update((s) => selectSlide(s, "slide-5"));
    const team = pictures(currentSlideOf(deck.get()))[0];
    deck.update((s) => ({ ...s, slides: s.slides.map((sl) => (sl.slideId === "slide-5" ? selectShape(sl, team.id) : sl)) }));
    expect((await host.readSelection()).picture).not.toHaveProperty("provenance");
  });

  it("puts the picture on the captured slide after the person moved to another one", async () => {
    const { deck, host } = setup();
    const target = await host.captureTarget();
    deck.update((s) => selectSlide(s, "slide-6"));
    const result = await host.insertPicture(await pngPicture(1024, 1024), { altText: altTextFor("x"), prompt: "x", target });
    expect(result.usedFallbackLocation).toBeUndefined();
    expect(pictures(slideAt(deck.get(), 0))).toHaveLength(1);
    expect(pictures(slideAt(deck.get(), 5))).toHaveLength(0);
    expect(deck.get().currentSlideId).toBe("slide-1");
  });
});
