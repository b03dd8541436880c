// The PowerPoint adapter's whole-deck operations against the PowerPoint fake: listing, text, thumbnails, palette, insert.
import { altTextFor } from "../../../src/core/altText";
import type { PictureData } from "../../../src/core/types";
import { powerPointCapabilities } from "../../../src/hosts/office/requirementSets";
import { PowerPointHost } from "../../../src/hosts/powerpoint/PowerPointHost";
import { LIBRARY_ID_TAG, PROMPT_TAG } from "../../../src/hosts/powerpoint/shapeTags";
import { FakePresentation, fakePowerPointEnvironment, type PSlide } from "./fakes/fakePowerPoint";
import { hostRejection } from "./fakes/hostErrors";
import { pngBase64, pngPicture } from "../../support/pictures";
import { flags } from "./fakes/requirements";

const ALL = { PowerPointApi: "1.10", ImageCoercion: "1.1" };
const PROMPT = "Stacks of coins and a young plant on a rising staircase of light, Europe in the background";
const insertOptions = {
  altText: altTextFor(PROMPT),
  prompt: PROMPT,
  pictureId: "pic-emea",
  provenance: { style: "flat-illustration", model: "gpt-image-1", size: "1536x1024" },
};
let landscape: PictureData;

beforeAll(async () => {
  landscape = await pngPicture(1536, 1024);
});

/** A four-slide deck: title slide, a "Title and Content" slide, one with a picture, one with an empty picture placeholder. */
function deck(max: Record<string, string> = ALL) {
  const model = new FakePresentation(4);
  const [title, emea, team, product] = model.slides;
  const ph = (slide: PSlide, type: string, name: string, text: string, box: [number, number, number, number]) =>
    model.addShape(slide, {
      type: "Placeholder",
      name,
      text,
      placeholder: { type, containedType: null },
      left: box[0],
      top: box[1],
      width: box[2],
      height: box[3],
    });
  title.layoutName = "Title Slide";
  ph(title, "CenterTitle", "Title 1", "Q3 business review", [120, 160, 720, 120]);
  ph(title, "Subtitle", "Subtitle 2", "Northwind Traders\rOctober 2026", [120, 300, 720, 80]);
  emea.layoutName = "Two Content";
  ph(emea, "Title", "Title 1", "Revenue in EMEA", [48, 30, 864, 80]);
  ph(
    emea,
    "Body",
    "Content Placeholder 2",
    "Quarterly revenue up 12% in EMEA\rGermany and the Nordics lead\rChannel partners drive 40% of new deals",
    [48, 130, 420, 370],
  );
  ph(emea, "SlideNumber", "Slide Number 3", "2", [860, 500, 60, 30]);
  team.layoutName = "Title and Content";
  ph(team, "Title", "Title 1", "Our team", [48, 30, 864, 80]);
  model.addShape(team, { type: "Image", name: "Picture 4", left: 500, top: 130, width: 400, height: 300, imageBase64: "x" });
  product.layoutName = "Picture with Caption";
  ph(product, "Title", "Title 1", "Product roadmap", [48, 30, 400, 80]);
  ph(product, "Picture", "Picture Placeholder 2", "", [500, 40, 420, 460]);
  model.addShape(product, { type: "TextBox", name: "TextBox 5", text: "Three releases a year", left: 48, top: 130, width: 400, height: 200 });
  const env = fakePowerPointEnvironment(model, powerPointCapabilities(flags(max)));
  const host = new PowerPointHost(env);
  return { model, env, host, deck: host.deck!, slides: { title, emea, team, product } };
}

const pictures = (slide: PSlide) => slide.shapes.filter((s) => s.type === "Image" || s.placeholder?.containedType === "Image");

describe("PowerPointHost.deck.listItems", () => {
  it("lists every slide in order with title, body, picture, layout, placeholder types and free area", async () => {
    const { deck: d, slides } = deck();
    const items = await d.listItems();
    expect(items.map((i) => [i.index, i.id, i.title, i.hasPicture])).toEqual([
      [0, slides.title.id, "Q3 business review", false],
      [1, slides.emea.id, "Revenue in EMEA", false],
      [2, slides.team.id, "Our team", true],
      [3, slides.product.id, "Product roadmap", false],
    ]);
    expect(items[0].body).toBe("Northwind Traders\nOctober 2026");
    expect(items[1]).toMatchObject({
      kind: "slide",
      body: "Quarterly revenue up 12% in EMEA\nGermany and the Nordics lead\nChannel partners drive 40% of new deals", // no slide number
      layout: { name: "Two Content", placeholders: ["Title", "Body", "SlideNumber"] },
    });
    // The free area is right of the text, inside the slide.
    const free = items[1].freeAreaPt!;
    expect(free.leftPt).toBeGreaterThanOrEqual(468);
    expect(free.leftPt + free.widthPt).toBeLessThanOrEqual(960);
    expect(free.topPt + free.heightPt).toBeLessThanOrEqual(540);
    // An empty picture placeholder is not an obstacle: the free area can take it.
    expect(items[3].freeAreaPt!.widthPt).toBeGreaterThan(400);
  });

  it("below PowerPointApi 1.8 finds the title by its name and lists no placeholder types", async () => {
    const { deck: d } = deck({ PowerPointApi: "1.5", ImageCoercion: "1.1" });
    const items = await d.listItems();
    expect(items[1].title).toBe("Revenue in EMEA");
    expect(items[1].layout).toEqual({ name: "Two Content" });
    expect(items[3].body).toBe("Three releases a year");
  });

  it("gives [] for an empty deck and reads a 200-slide deck in one PowerPoint.run", async () => {
    const empty = deck();
    empty.model.slides = [];
    await expect(empty.deck.listItems()).resolves.toEqual([]);
    const big = new FakePresentation(200);
    big.slides.forEach((s, i) => big.addShape(s, { type: "TextBox", name: "Title 1", text: `Topic ${i}` }));
    const env = fakePowerPointEnvironment(big, powerPointCapabilities(flags(ALL)), 2000);
    const items = await new PowerPointHost(env).deck!.listItems();
    expect(items).toHaveLength(200);
    expect(items[199].title).toBe("Topic 199");
    expect(env.runs).toBe(1);
  });

  it("is absent below PowerPointApi 1.5, with the reason", () => {
    const { host } = deck({ PowerPointApi: "1.4", ImageCoercion: "1.1" });
    expect(host.deck).toBeUndefined();
    expect(host.capabilities.reasons.deck).toBe("capability.needsPowerPointApi15");
  });
});

describe("PowerPointHost.deck.readItemText / renderThumbnail / readPalette", () => {
  it("reads one slide's text again, and says item_gone once it is deleted", async () => {
    const { model, deck: d, slides } = deck();
    slides.emea.shapes[0].text = "Revenue in EMEA, revised";
    await expect(d.readItemText(slides.emea.id)).resolves.toMatchObject({ id: slides.emea.id, kind: "slide", title: "Revenue in EMEA, revised" });
    model.slides = model.slides.filter((s) => s !== slides.emea);
    expect((await hostRejection(d.readItemText(slides.emea.id))).code).toBe("item_gone");
  });

  it("renders a thumbnail with Slide.getImageAsBase64({ height }) at 1.8, none below", async () => {
    const { model, deck: d, slides } = deck();
    slides.team.thumbnailBase64 = await pngBase64(178, 100);
    await expect(d.renderThumbnail!(slides.team.id, 100)).resolves.toMatchObject({ mimeType: "image/png", size: { widthPx: 178, heightPx: 100 } });
    expect(model.thumbnailCalls).toEqual([{ slideId: slides.team.id, height: 100 }]);
    const old = deck({ PowerPointApi: "1.5", ImageCoercion: "1.1" });
    old.slides.team.thumbnailBase64 = slides.team.thumbnailBase64;
    await expect(old.deck.renderThumbnail!(old.slides.team.id, 100)).resolves.toBeUndefined();
    expect(old.model.thumbnailCalls).toEqual([]);
  });

  it("reads the theme accents at 1.10 (normalised to #RRGGBB), else the fills and text colours the slides use", async () => {
    const { deck: d, slides } = deck();
    slides.title.themeColors = {
      Accent1: "1f4e79",
      Accent2: "#ED7D31",
      Accent3: "#A5A5A5",
      Accent4: "#FFC000",
      Accent5: "#5B9BD5",
      Accent6: "#70AD47",
    };
    await expect(d.readPalette!()).resolves.toEqual(["#1F4E79", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"]);
    const old = deck({ PowerPointApi: "1.8", ImageCoercion: "1.1" });
    old.model.addShape(old.slides.emea, { type: "GeometricShape", name: "Band", fillColor: "#0B5394", left: 0, top: 520, width: 960, height: 20 });
    old.model.addShape(old.slides.team, { type: "GeometricShape", name: "Band", fillColor: "#0B5394", left: 0, top: 520, width: 960, height: 20 });
    old.slides.emea.shapes[0].fontColor = "#C00000";
    await expect(old.deck.readPalette!()).resolves.toEqual(["#0B5394", "#C00000"]);
  });
});

describe("PowerPointHost.deck.insertIntoItem", () => {
  it("goes to the slide (setSelectedSlides), fits the picture into the free area, with alt text and provenance tags", async () => {
    const { model, deck: d, slides } = deck();
    const where = await d.insertIntoItem(slides.emea.id, landscape, insertOptions);
    expect(model.selectionCalls).toEqual([[slides.emea.id]]);
    const [picture] = pictures(slides.emea);
    expect(where).toEqual({
      itemId: slides.emea.id,
      shapeId: picture.id,
      rectPt: { leftPt: picture.left, topPt: picture.top, widthPt: picture.width, heightPt: picture.height },
      sizePt: { widthPt: picture.width, heightPt: picture.height },
    });
    expect(picture.left).toBeGreaterThanOrEqual(468);
    expect(picture.left + picture.width).toBeLessThanOrEqual(960);
    expect(picture.width / picture.height).toBeCloseTo(1.5, 2);
    expect(picture).toMatchObject({ altTextTitle: "AI-generated image", altTextDescription: PROMPT });
    expect(Object.fromEntries(picture.tags)).toEqual({
      [PROMPT_TAG]: PROMPT,
      [LIBRARY_ID_TAG]: "pic-emea",
      ILLUSTRATE_STYLE: "flat-illustration",
      ILLUSTRATE_MODEL: "gpt-image-1",
      ILLUSTRATE_SIZE: "1536x1024",
    });
  });

  it("is idempotent by picture id: a second insert finds the tagged shape and inserts nothing", async () => {
    const { model, deck: d, slides } = deck();
    const first = await d.insertIntoItem(slides.emea.id, landscape, insertOptions);
    const second = await d.insertIntoItem(slides.emea.id, landscape, insertOptions);
    expect(second).toEqual(first);
    expect(model.inserts).toHaveLength(1);
    expect(pictures(slides.emea)).toHaveLength(1);
  });

  it("fills an empty picture placeholder", async () => {
    const { deck: d, slides } = deck();
    const where = await d.insertIntoItem(slides.product.id, landscape, { ...insertOptions, pictureId: "pic-roadmap" });
    const placeholder = slides.product.shapes.find((s) => s.placeholder?.type === "Picture")!;
    expect(placeholder.placeholder?.containedType).toBe("Image");
    expect(where.shapeId).toBe(placeholder.id);
    expect(placeholder.tags.get(LIBRARY_ID_TAG)).toBe("pic-roadmap");
  });

  it("says item_gone for a deleted slide and inserts nothing; a reordered slide still gets its picture", async () => {
    const { model, deck: d, slides } = deck();
    model.slides = model.slides.filter((s) => s !== slides.emea);
    expect((await hostRejection(d.insertIntoItem(slides.emea.id, landscape, insertOptions))).code).toBe("item_gone");
    expect(model.inserts).toHaveLength(0);
    model.slides = [slides.product, slides.title, slides.team];
    await d.insertIntoItem(slides.product.id, landscape, insertOptions);
    expect(pictures(slides.product)).toHaveLength(1);
  });

  it("refuses a read-only deck before touching it", async () => {
    const { model, deck: d, slides } = deck();
    model.mode = "readOnly";
    expect((await hostRejection(d.insertIntoItem(slides.emea.id, landscape, insertOptions))).code).toBe("read_only");
    expect(model.inserts).toHaveLength(0);
  });

  it("#2775: the prompt's selected text box survives; if the guard fails, shape_lost and a retry inserts nothing more", async () => {
    const { model, deck: d, slides } = deck();
    model.currentSlideId = slides.emea.id;
    const body = slides.emea.shapes[1];
    model.selectedShapeIds = [body.id];
    model.quirks.deleteSelectedOnInsert = true;
    await d.insertIntoItem(slides.emea.id, landscape, insertOptions);
    expect(slides.emea.shapes).toContain(body);

    const bug = deck();
    bug.model.currentSlideId = bug.slides.emea.id;
    bug.model.selectedShapeIds = [bug.slides.emea.shapes[1].id];
    Object.assign(bug.model.quirks, { deleteSelectedOnInsert: true, selectSlidesKeepsShapeSelection: true });
    const error = await hostRejection(bug.deck.insertIntoItem(bug.slides.emea.id, landscape, insertOptions));
    expect(error.code).toBe("shape_lost");
    expect(error.message).toContain("Content Placeholder 2");
    await bug.deck.insertIntoItem(bug.slides.emea.id, landscape, insertOptions);
    expect(bug.model.inserts).toHaveLength(1);
    expect(pictures(bug.slides.emea)).toHaveLength(1);
  });
});
