// Placement geometry: placeholder first, largest free area with margins, full slide, beside text; the box a replacement takes.
import {
  DEFAULT_SLIDE_SIZE_PT,
  fitInto,
  geometryDiffers,
  keepInsideSlide,
  largestFreeRect,
  planSlidePlacement,
  replacementRect,
  replacementSize,
  slideFitBox,
  type RectPt,
  type SlideShapeInfo,
} from "../../../src/core/placement";

const slide = DEFAULT_SLIDE_SIZE_PT; // 960 × 540
const landscape = { widthPx: 1536, heightPx: 1024 };
const square = { widthPx: 1024, heightPx: 1024 };
const title: SlideShapeInfo = { id: "title", role: "obstacle", rect: { leftPt: 40, topPt: 20, widthPt: 880, heightPt: 80 } };
const leftText: SlideShapeInfo = { id: "body", role: "obstacle", rect: { leftPt: 40, topPt: 120, widthPt: 420, heightPt: 380 } };

function inside(rect: RectPt, bounds: RectPt = { leftPt: 0, topPt: 0, ...slide }) {
  expect(rect.leftPt).toBeGreaterThanOrEqual(bounds.leftPt - 0.01);
  expect(rect.topPt).toBeGreaterThanOrEqual(bounds.topPt - 0.01);
  expect(rect.leftPt + rect.widthPt).toBeLessThanOrEqual(bounds.leftPt + bounds.widthPt + 0.01);
  expect(rect.topPt + rect.heightPt).toBeLessThanOrEqual(bounds.topPt + bounds.heightPt + 0.01);
}

describe("fitInto", () => {
  it("keeps the aspect ratio and centres in the box", () => {
    expect(fitInto(landscape, { leftPt: 0, topPt: 0, widthPt: 960, heightPt: 540 })).toEqual({ leftPt: 75, topPt: 0, widthPt: 810, heightPt: 540 });
  });
});

describe("largestFreeRect", () => {
  it("is the whole bounds on an empty slide", () => {
    const bounds = { leftPt: 18, topPt: 18, widthPt: 924, heightPt: 504 };
    expect(largestFreeRect(bounds, [], 18)).toEqual(bounds);
  });

  it("avoids shapes with a margin", () => {
    const bounds = { leftPt: 18, topPt: 18, widthPt: 924, heightPt: 504 };
    const free = largestFreeRect(bounds, [title.rect, leftText.rect], 18)!;
    expect(free).toEqual({ leftPt: 478, topPt: 118, widthPt: 464, heightPt: 404 });
  });

  it("returns undefined when nothing usable is free", () => {
    const bounds = { leftPt: 0, topPt: 0, widthPt: 960, heightPt: 540 };
    expect(largestFreeRect(bounds, [bounds], 0)).toBeUndefined();
  });
});

describe("planSlidePlacement", () => {
  it("auto: takes an empty picture placeholder when there is one", () => {
    const placeholder: SlideShapeInfo = {
      id: "ph",
      role: "empty-picture-placeholder",
      rect: { leftPt: 500, topPt: 120, widthPt: 400, heightPt: 380 },
    };
    expect(planSlidePlacement({ slide, shapes: [title, placeholder], image: landscape, placement: "auto" })).toEqual({
      kind: "placeholder",
      placeholderId: "ph",
      rect: placeholder.rect,
    });
  });

  it("auto without placeholder: the largest free area, not over the text, inside the slide", () => {
    const plan = planSlidePlacement({ slide, shapes: [title, leftText], image: landscape, placement: "auto" });
    expect(plan.kind).toBe("box");
    if (plan.kind !== "box") return;
    expect(plan.rect).toEqual({ leftPt: 478, topPt: 165.33, widthPt: 464, heightPt: 309.33 });
    expect(plan.sendToBack).toBe(false);
    for (const shape of [title, leftText]) {
      expect(plan.rect.leftPt >= shape.rect.leftPt + shape.rect.widthPt || plan.rect.topPt >= shape.rect.topPt + shape.rect.heightPt).toBe(true);
    }
    inside(plan.rect);
  });

  it("fit-free-area ignores placeholders and uses the inner slide when the slide is full", () => {
    const full: SlideShapeInfo = { id: "all", role: "obstacle", rect: { leftPt: 0, topPt: 0, widthPt: 960, heightPt: 540 } };
    const plan = planSlidePlacement({ slide, shapes: [full], image: square, placement: "fit-free-area" });
    expect(plan).toEqual({ kind: "box", rect: { leftPt: 228, topPt: 18, widthPt: 504, heightPt: 504 }, sendToBack: false });
  });

  it("full-slide: the whole slide, aspect kept, sent to back", () => {
    const plan = planSlidePlacement({ slide, shapes: [title], image: landscape, placement: "full-slide" });
    expect(plan).toEqual({ kind: "box", rect: { leftPt: 75, topPt: 0, widthPt: 810, heightPt: 540 }, sendToBack: true });
  });

  it("beside-text: the half without text", () => {
    const plan = planSlidePlacement({ slide, shapes: [leftText], image: square, placement: "beside-text" });
    if (plan.kind !== "box") throw new Error("expected a box");
    expect(plan.rect.leftPt).toBeGreaterThanOrEqual(480);
    inside(plan.rect);
    const rightText: SlideShapeInfo = { id: "r", role: "obstacle", rect: { leftPt: 500, topPt: 100, widthPt: 420, heightPt: 400 } };
    const other = planSlidePlacement({ slide, shapes: [rightText], image: square, placement: "beside-text" });
    if (other.kind !== "box") throw new Error("expected a box");
    expect(other.rect.leftPt + other.rect.widthPt).toBeLessThanOrEqual(480);
  });
});

describe("keepInsideSlide and geometryDiffers", () => {
  it("moves a box back onto the slide and shrinks it if it is too big", () => {
    expect(keepInsideSlide({ leftPt: 800, topPt: -20, widthPt: 300, heightPt: 200 }, slide)).toEqual({
      leftPt: 660,
      topPt: 0,
      widthPt: 300,
      heightPt: 200,
    });
    expect(keepInsideSlide({ leftPt: 0, topPt: 0, widthPt: 1920, heightPt: 1080 }, slide)).toEqual({
      leftPt: 0,
      topPt: 0,
      widthPt: 960,
      heightPt: 540,
    });
  });

  it("tells a picture placed as if in pixels (#2714) from one within a point", () => {
    const wanted = { leftPt: 100, topPt: 100, widthPt: 400, heightPt: 300 };
    expect(geometryDiffers(wanted, { leftPt: 100.4, topPt: 99.6, widthPt: 400, heightPt: 300 })).toBe(false);
    expect(geometryDiffers(wanted, { leftPt: 75, topPt: 75, widthPt: 300, heightPt: 225 })).toBe(true);
  });
});

describe("replacementSize", () => {
  it.each([
    [
      "a wider picture keeps the width, height from its aspect ratio",
      { widthPt: 300, heightPt: 300 },
      landscape,
      false,
      { widthPt: 300, heightPt: 200 },
    ],
    [
      "a taller picture grows downwards in height only",
      { widthPt: 300, heightPt: 200 },
      { widthPx: 1024, heightPx: 1536 },
      false,
      { widthPt: 300, heightPt: 450 },
    ],
    ["the height is rounded to 0.01 pt", { widthPt: 100, heightPt: 100 }, { widthPx: 3, heightPx: 1 }, false, { widthPt: 100, heightPt: 33.33 }],
    ["keepBox keeps the old size whatever the new aspect ratio", { widthPt: 300, heightPt: 120 }, square, true, { widthPt: 300, heightPt: 120 }],
  ])("%s", (_name, old, image, keepBox, expected) => {
    expect(replacementSize(old, image, keepBox)).toEqual(expected);
  });
});

describe("replacementRect", () => {
  it.each([
    [
      "same left and width, centred on the old box",
      { leftPt: 100, topPt: 100, widthPt: 300, heightPt: 300 },
      landscape,
      false,
      { leftPt: 100, topPt: 150, widthPt: 300, heightPt: 200 },
    ],
    [
      "keepBox leaves the box as it was",
      { leftPt: 100, topPt: 100, widthPt: 300, heightPt: 300 },
      landscape,
      true,
      { leftPt: 100, topPt: 100, widthPt: 300, heightPt: 300 },
    ],
    [
      "a taller picture near the bottom is moved up to stay on the slide",
      { leftPt: 600, topPt: 400, widthPt: 300, heightPt: 100 },
      square,
      false,
      { leftPt: 600, topPt: 240, widthPt: 300, heightPt: 300 },
    ],
    [
      "a picture taller than the slide is shrunk, keeping its aspect ratio",
      { leftPt: 0, topPt: 0, widthPt: 960, heightPt: 540 },
      square,
      false,
      { leftPt: 0, topPt: 0, widthPt: 540, heightPt: 540 },
    ],
  ])("%s", (_name, old, image, keepBox, expected) => {
    const rect = replacementRect(old, image, slide, keepBox);
    expect(rect).toEqual(expected);
    inside(rect);
  });
});

describe("slideFitBox: the box Fit shapes a new slide picture for (issue #10)", () => {
  const placeholder: SlideShapeInfo = { id: "ph", role: "empty-picture-placeholder", rect: { leftPt: 500, topPt: 120, widthPt: 420, heightPt: 140 } };

  it("auto: the empty picture placeholder's own box, else the free area the picture would go to", () => {
    expect(slideFitBox({ slide, shapes: [title, leftText, placeholder], placement: "auto" })).toEqual({
      sizePt: { widthPt: 420, heightPt: 140 },
      source: "placeholder",
    });
    const free = slideFitBox({ slide, shapes: [title, leftText], placement: "auto" });
    expect(free.source).toBe("free-area");
    // The picture planSlidePlacement puts there, made in the box's own ratio, fills the box exactly.
    const image = { widthPx: Math.round(free.sizePt.widthPt * 4), heightPx: Math.round(free.sizePt.heightPt * 4) };
    const plan = planSlidePlacement({ slide, shapes: [title, leftText], image, placement: "auto" });
    expect(plan.rect.widthPt).toBeCloseTo(free.sizePt.widthPt, 0);
    expect(plan.rect.heightPt).toBeCloseTo(free.sizePt.heightPt, 0);
  });

  it("full-slide: the slide as pageSetup gives it (16:9 960 × 540, 4:3 720 × 540)", () => {
    expect(slideFitBox({ slide, shapes: [title], placement: "full-slide" })).toEqual({ sizePt: { widthPt: 960, heightPt: 540 }, source: "slide" });
    expect(slideFitBox({ slide: { widthPt: 720, heightPt: 540 }, shapes: [], placement: "full-slide" })).toEqual({
      sizePt: { widthPt: 720, heightPt: 540 },
      source: "slide",
    });
  });

  it("a slide with no free area left: the inner slide (margins kept)", () => {
    const cover: SlideShapeInfo = { id: "all", role: "obstacle", rect: { leftPt: 0, topPt: 0, widthPt: 960, heightPt: 540 } };
    expect(slideFitBox({ slide, shapes: [cover], placement: "fit-free-area" })).toEqual({
      sizePt: { widthPt: 924, heightPt: 504 },
      source: "free-area",
    });
  });
});
