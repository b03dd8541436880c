// What the pane sends for a model and a shape (Fit to a picture's box, named ratios) and which options it offers.
import { capabilitiesForFamily, FALLBACK_MODELS, modelEntry, type ModelList } from "../../../src/core/protocol/models";
import { modelField, qualityLevels, shapeFields, showsModelPicker, transparentAvailability } from "../../../src/taskpane/modelRequest";

const MAI = modelEntry("MAI-Image-2.6", "foundry-mai", capabilitiesForFamily("mai-image-2.6", { rpm: 6 }));
const GPT = modelEntry("gpt-image-2", "azure-openai", capabilitiesForFamily("gpt-image-2", { rpm: 9 }));
const TWO: ModelList = { object: "list", data: [MAI, GPT] };
const ONLY_MAI: ModelList = { object: "list", data: [MAI] };
const BANNER = { widthPt: 800, heightPt: 200 }; // 4:1

test("the picker shows only with more than one model; model is sent only then", () => {
  expect(showsModelPicker(TWO)).toBe(true);
  expect(showsModelPicker(ONLY_MAI)).toBe(false);
  expect(showsModelPicker(FALLBACK_MODELS)).toBe(false);
  expect(modelField(TWO, "gpt-image-2")).toEqual({ model: "gpt-image-2" });
  expect(modelField(TWO, "auto")).toEqual({ model: "auto" });
  expect(modelField(TWO, "gone-model")).toEqual({ model: "auto" });
  expect(modelField(ONLY_MAI, "auto")).toEqual({});
});

test("Fit to a 4:1 banner: MAI-Image-2.6 asks 3072x768 exactly; gpt-image-2 is clamped to 3:1 with a notice", () => {
  expect(shapeFields(TWO, "MAI-Image-2.6", "fit", BANNER)).toEqual({ size: "3072x768" });
  const gpt = shapeFields(TWO, "gpt-image-2", "fit", BANNER);
  expect(gpt.notice).toMatchObject({ code: "ratio_clamped", requestedRatio: 4, ratio: 3 });
  const [w, h] = (gpt.size as string).split("x").map(Number) as [number, number];
  expect(w / h).toBeCloseTo(gpt.crop_to_ratio ?? 3, 2);
});

test("16:9 on gpt-image-2 is exact (2048x1152); on Auto only the ratio goes, the gateway sizes it for its choice", () => {
  expect(shapeFields(TWO, "gpt-image-2", "16:9")).toEqual({ size: "2048x1152" });
  expect(shapeFields(TWO, "auto", "16:9")).toEqual({ crop_to_ratio: 16 / 9 });
  expect(shapeFields(TWO, "auto", "fit", BANNER)).toEqual({ crop_to_ratio: 4 });
});

test("an older gateway (fallback list): the nearest of the three sizes, never crop_to_ratio (it would refuse the field)", () => {
  expect(shapeFields(FALLBACK_MODELS, "auto", "16:9")).toEqual({ size: "1536x1024" });
  expect(shapeFields(FALLBACK_MODELS, "auto", "fit", { widthPt: 200, heightPt: 600 })).toEqual({ size: "1024x1536" });
});

test("Fit without a box is square; a 1 × 400 pt sliver is clamped with a notice, a 0 pt box refused", () => {
  expect(shapeFields(ONLY_MAI, "auto", "fit")).toEqual({ size: "1536x1536" });
  expect(shapeFields(ONLY_MAI, "auto", "fit", { widthPt: 1, heightPt: 400 }).notice).toMatchObject({ code: "ratio_clamped", ratio: 0.25 });
  expect(() => shapeFields(ONLY_MAI, "auto", "fit", { widthPt: 0, heightPt: 400 })).toThrow(RangeError);
});

test("transparent background: offered for gpt-image-2 and on Auto (it can), hidden with the reason otherwise", () => {
  expect(transparentAvailability(TWO, "gpt-image-2")).toEqual({ available: true });
  expect(transparentAvailability(TWO, "auto")).toEqual({ available: true });
  expect(transparentAvailability(TWO, "MAI-Image-2.6")).toEqual({ available: false, reason: "model" });
  expect(transparentAvailability(ONLY_MAI, "auto")).toEqual({ available: false, reason: "none" });
  expect(transparentAvailability(FALLBACK_MODELS, "auto")).toEqual({ available: false, reason: "none" });
});

test("quality levels: the model's; on Auto only those every model has (MAI has none)", () => {
  expect(qualityLevels(TWO, "gpt-image-2")).toEqual(["low", "medium", "high"]);
  expect(qualityLevels(TWO, "MAI-Image-2.6")).toEqual([]);
  expect(qualityLevels(TWO, "auto")).toEqual([]);
});
