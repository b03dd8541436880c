// Every model family × every aspect ratio × Fit boxes: the asked size passes the rule, the crop only removes.
import { MODEL_FAMILIES, type ModelFamily } from "../../../../../src/core/protocol/models/capabilities";
import { capabilitiesForFamily } from "../../../../../src/core/protocol/models/families";
import { ASPECT_RATIO_IDS, ratioValue, type SizeTarget } from "../../../../../src/core/protocol/models/aspectRatios";
import { askedSizeFor, centreCrop } from "../../../../../src/core/protocol/models/askedSize";
import { validateSize } from "../../../../../src/core/protocol/models/sizeRule";

/** Fit boxes in points, as the hosts report them. */
const FIT_BOXES: Record<string, { widthPt: number; heightPt: number }> = {
  "3:1 banner": { widthPt: 900, heightPt: 300 },
  "4:1 banner": { widthPt: 864, heightPt: 216 },
  "1:3 sidebar": { widthPt: 180, heightPt: 540 },
  "1×400 pt sliver": { widthPt: 1, heightPt: 400 },
  "400×1 pt sliver": { widthPt: 400, heightPt: 1 },
  "16:9 full slide": { widthPt: 960, heightPt: 540 },
  "4:3 full slide": { widthPt: 720, heightPt: 540 },
  "6.5 in Word column": { widthPt: 468, heightPt: 648 },
  "odd placeholder": { widthPt: 412.7, heightPt: 301.3 },
  "selected picture 5×2 in": { widthPt: 360, heightPt: 144 },
};

const TARGETS: [string, SizeTarget][] = [
  ...ASPECT_RATIO_IDS.map((id): [string, SizeTarget] => [id, { aspect: id }]),
  ...Object.entries(FIT_BOXES).map(([name, fit]): [string, SizeTarget] => [`Fit ${name}`, { fit }]),
];

const ROWS = MODEL_FAMILIES.flatMap((family) => TARGETS.map(([name, target]) => [family, name, target] as const));

function askedRatio(target: SizeTarget): number {
  return "aspect" in target ? ratioValue(target.aspect) : target.fit.widthPt / target.fit.heightPt;
}

describe("askedSizeFor: every family × every ratio × Fit box", () => {
  it.each(ROWS)("%s, %s", (family: ModelFamily, _name, target) => {
    const caps = capabilitiesForFamily(family, { rpm: 6 });
    const asked = askedSizeFor(caps, target);

    // The asked size passes the family's own rule, as the gateway's 400 checks it.
    expect(validateSize(caps, asked.apiSize)).toEqual({ ok: true, size: { widthPx: asked.widthPx, heightPx: asked.heightPx } });
    expect(asked.apiSize).toBe(`${asked.widthPx}x${asked.heightPx}`);

    // The shape delivered: the target's ratio, or (beyond maxAspectRatio only) the clamped one, with a notice.
    const wanted = askedRatio(target);
    const long = Math.max(wanted, 1 / wanted);
    if (long > caps.maxAspectRatio * 1.000001) {
      expect(asked.notice).toEqual({ code: "ratio_clamped", requestedRatio: wanted, ratio: asked.ratio });
      expect(Math.max(asked.ratio, 1 / asked.ratio)).toBeCloseTo(caps.maxAspectRatio, 9);
      expect(asked.ratio > 1).toBe(wanted > 1);
    } else {
      expect(asked.notice).toBeUndefined();
      expect(asked.ratio).toBe(wanted);
    }

    // The crop (if any) lies inside the image: it only removes, never pads, so the view is the same or wider.
    const picture = asked.crop ?? { left: 0, top: 0, width: asked.widthPx, height: asked.heightPx };
    expect(picture.left).toBeGreaterThanOrEqual(0);
    expect(picture.top).toBeGreaterThanOrEqual(0);
    expect(picture.width).toBeGreaterThan(0);
    expect(picture.height).toBeGreaterThan(0);
    expect(picture.left + picture.width).toBeLessThanOrEqual(asked.widthPx);
    expect(picture.top + picture.height).toBeLessThanOrEqual(asked.heightPx);
    for (const n of [picture.left, picture.top, picture.width, picture.height]) expect(Number.isInteger(n)).toBe(true);
    // A crop removes one dimension only, centred (± 1 px).
    if (asked.crop) {
      const trimsWidth = asked.crop.width < asked.widthPx;
      expect(trimsWidth ? asked.crop.height : asked.crop.width).toBe(trimsWidth ? asked.heightPx : asked.widthPx);
      const slack = trimsWidth ? asked.widthPx - asked.crop.width - 2 * asked.crop.left : asked.heightPx - asked.crop.height - 2 * asked.crop.top;
      expect([0, 1]).toContain(slack);
    }

    // The picture as inserted has the delivered ratio within 1 %.
    expect(Math.abs(picture.width / picture.height / asked.ratio - 1)).toBeLessThan(0.01);
  });
});

describe("askedSizeFor: the sizes image-api.md names", () => {
  const caps = (family: ModelFamily) => capabilitiesForFamily(family, { rpm: 6 });

  it.each([
    ["gpt-image-2", "16:9", "2048x1152"],
    ["gpt-image-2", "1:1", "1536x1536"],
    ["gpt-image-2", "9:16", "1152x2048"],
    ["mai-image-2.6", "16:9", "2048x1152"],
    ["mai-image-2.6", "1:1", "1536x1536"],
    ["mai-image-2.5", "1:1", "1024x1024"],
  ] as const)("%s %s is exact: %s, no crop", (family, aspect, size) => {
    const asked = askedSizeFor(caps(family), { aspect });
    expect(asked.apiSize).toBe(size);
    expect(asked.crop).toBeUndefined();
  });

  it("gpt-image-1.5 16:9 asks 1536x1024 and crops 80 px off top and bottom", () => {
    expect(askedSizeFor(caps("gpt-image-1.5"), { aspect: "16:9" })).toMatchObject({
      apiSize: "1536x1024",
      crop: { left: 0, top: 80, width: 1536, height: 864 },
    });
  });

  it("MAI-Image-2.5 16:9 asks 1360x768 (the documented size, about 1 MP) and trims 3 rows to exactly 16:9", () => {
    expect(askedSizeFor(caps("mai-image-2.5"), { aspect: "16:9" })).toMatchObject({
      apiSize: "1360x768",
      crop: { left: 0, top: 1, width: 1360, height: 765 },
    });
  });

  it("a 4:1 banner is exact on MAI-Image-2.6 (3072x768) and clamped to 3:1 on gpt-image-2 with a notice", () => {
    const banner = { fit: { widthPt: 864, heightPt: 216 } };
    const mai = askedSizeFor(caps("mai-image-2.6"), banner);
    expect(mai).toMatchObject({ apiSize: "3072x768", ratio: 4 });
    expect(mai.notice).toBeUndefined();
    const gpt = askedSizeFor(caps("gpt-image-2"), banner);
    expect(gpt.notice).toEqual({ code: "ratio_clamped", requestedRatio: 4, ratio: 3 });
    expect(gpt.widthPx / gpt.heightPx).toBe(3);
  });

  it("a 1×400 pt sliver is clamped to the model's tallest ratio, never a 1-pixel-wide picture", () => {
    const asked = askedSizeFor(caps("gpt-image-2"), { fit: { widthPt: 1, heightPt: 400 } });
    expect(asked.notice?.code).toBe("ratio_clamped");
    expect(asked.ratio).toBeCloseTo(1 / 3, 12);
    expect(asked.heightPx / asked.widthPx).toBe(3);
  });

  it.each([
    [0, 100],
    [100, 0],
    [-5, 100],
    [Number.NaN, 100],
    [100, Number.POSITIVE_INFINITY],
  ])("refuses a Fit box of %p × %p pt with a RangeError", (widthPt, heightPt) => {
    expect(() => askedSizeFor(caps("gpt-image-2"), { fit: { widthPt, heightPt } })).toThrow(RangeError);
  });
});

describe("centreCrop", () => {
  it("trims the longer dimension evenly and returns nothing when the ratio is already exact", () => {
    expect(centreCrop({ widthPx: 1536, heightPx: 1024 }, 1)).toEqual({ left: 256, top: 0, width: 1024, height: 1024 });
    expect(centreCrop({ widthPx: 1024, heightPx: 1536 }, 1)).toEqual({ left: 0, top: 256, width: 1024, height: 1024 });
    expect(centreCrop({ widthPx: 2048, heightPx: 1152 }, 16 / 9)).toBeUndefined();
  });
});
