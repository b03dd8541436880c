// Capabilities derived from the family (image-api.md) and the family guessed from a deployment name.
import { isModelFamily, MODEL_FAMILIES } from "../../../../../src/core/protocol/models/capabilities";
import {
  capabilitiesForFamily,
  detectFamily,
  FALLBACK_MODEL_ID,
  FALLBACK_MODELS,
  modelEntry,
  resolveFamily,
} from "../../../../../src/core/protocol/models/families";

describe("capabilitiesForFamily", () => {
  it("gpt-image-2: multiples of 16 up to 3840 px and 3:1, streams, masks, transparent, no input_fidelity", () => {
    expect(capabilitiesForFamily("gpt-image-2", { rpm: 9 })).toMatchObject({
      family: "gpt-image-2",
      sizeRule: { kind: "multiple", multipleOfPx: 16, minPixels: 655_360, maxPixels: 8_294_400, maxLongEdgePx: 3840, maxRatio: 3 },
      maxN: 4,
      streaming: true,
      edits: true,
      mask: true,
      transparentBackground: true,
      qualityLevels: ["low", "medium", "high"],
      outputFormats: ["png", "jpeg"],
      inputFidelity: false,
      requestsPerMinute: 9,
      offline: false,
    });
  });

  it.each(["gpt-image-1.5", "gpt-image-1-mini"] as const)("%s: only the three sizes", (family) => {
    expect(capabilitiesForFamily(family, { rpm: 6 }).sizeRule).toEqual({
      kind: "fixed",
      sizes: ["1024x1024", "1536x1024", "1024x1536"],
    });
  });

  it("input_fidelity only where the API takes it (gpt-image-1.5)", () => {
    const withFidelity = MODEL_FAMILIES.filter((f) => capabilitiesForFamily(f, { rpm: 6 }).inputFidelity);
    expect(withFidelity).toEqual(["gpt-image-1.5"]);
  });

  it("MAI: 1 MP (2.5) vs 2.36 MP (2.6), no streaming, no mask, no transparency, auto_aspect_ratio on 2.6 only", () => {
    const mai25 = capabilitiesForFamily("mai-image-2.5", { rpm: 2 });
    const mai26 = capabilitiesForFamily("mai-image-2.6", { rpm: 12 });
    expect(mai25.sizeRule).toEqual({ kind: "mai", minSidePx: 768, maxPixels: 1_048_576 });
    expect(mai26.sizeRule).toEqual({ kind: "mai", minSidePx: 768, maxPixels: 2_359_296 });
    for (const caps of [mai25, mai26]) {
      expect(caps).toMatchObject({
        streaming: false,
        edits: true,
        mask: false,
        transparentBackground: false,
        qualityLevels: [],
        outputFormats: ["png"],
      });
    }
    expect([mai25.autoAspectRatio, mai26.autoAspectRatio]).toEqual([false, true]);
    expect([mai25.requestsPerMinute, mai26.requestsPerMinute]).toEqual([2, 12]);
  });

  it("local: offline, no request budget, a transparent background (its cut-out has real alpha)", () => {
    expect(capabilitiesForFamily("local", { rpm: null })).toMatchObject({ offline: true, requestsPerMinute: null, transparentBackground: true });
  });

  it("a models entry is OpenAI's model object plus the capabilities", () => {
    const entry = modelEntry("MAI-Image-2.6", "foundry-mai", capabilitiesForFamily("mai-image-2.6", { rpm: 6 }));
    expect(entry).toMatchObject({ id: "MAI-Image-2.6", object: "model", owned_by: "foundry-mai", family: "mai-image-2.6" });
    expect(JSON.parse(JSON.stringify(entry))).toEqual(entry);
  });

  it("the fallback is today's behaviour: one model, three sizes, n ≤ 4, no transparent background", () => {
    expect(FALLBACK_MODELS.object).toBe("list");
    expect(FALLBACK_MODELS.data).toHaveLength(1);
    expect(FALLBACK_MODELS.data[0]).toMatchObject({
      id: FALLBACK_MODEL_ID,
      object: "model",
      sizeRule: { kind: "fixed", sizes: ["1024x1024", "1536x1024", "1024x1536"] },
      maxN: 4,
      transparentBackground: false,
      inputFidelity: false,
    });
  });
});

describe("detectFamily (a name heuristic)", () => {
  it.each([
    ["gpt-image-2", "gpt-image-2"],
    ["GPT-Image-2", "gpt-image-2"],
    ["gpt-image-2-2026-04-21", "gpt-image-2"],
    ["contoso-gptimage2-eu", "gpt-image-2"],
    ["gpt-image-1.5", "gpt-image-1.5"],
    ["gpt_image_1_5", "gpt-image-1.5"],
    ["gpt-image-1.5-2025-12-16", "gpt-image-1.5"],
    ["gpt-image-1-mini", "gpt-image-1-mini"],
    ["MAI-Image-2.5", "mai-image-2.5"],
    ["MAI-Image-2.5-Flash", "mai-image-2.5"],
    ["mai-image-2.5-pro", "mai-image-2.5"],
    ["MAI-Image-2.6", "mai-image-2.6"],
    ["MAI-Image-2.6-Flash", "mai-image-2.6"],
    ["  mai_image_2_6 ", "mai-image-2.6"],
    ["local", "local"],
    ["local-renderer", "local"],
  ])("%p → %s", (name, family) => {
    expect(detectFamily(name)).toBe(family);
  });

  it.each([
    "gpt-image-1", // shut down 2026-10-23
    "gpt-image-1-2025-04-15",
    "gpt-image-20",
    "gpt-image-2.5",
    "MAI-Image-2", // retired 2026-08-15
    "MAI-Image-2e",
    "mai-image-2.55",
    "dall-e-3",
    "img-prod",
    "localhost",
    "",
  ])("%p → undefined (set IMAGE_MODEL_FAMILY)", (name) => {
    expect(detectFamily(name)).toBeUndefined();
  });

  it("every detected family is a known one", () => {
    for (const family of MODEL_FAMILIES) expect(isModelFamily(detectFamily(family))).toBe(true);
    expect(isModelFamily("gpt-image-1")).toBe(false);
  });
});

describe("resolveFamily", () => {
  it("takes IMAGE_MODEL_FAMILY when set (over the name), else detects from the name, saying which", () => {
    expect(resolveFamily("gpt-image-2", "img-prod")).toEqual({ ok: true, family: "gpt-image-2", source: "configured" });
    expect(resolveFamily(" MAI-Image-2.6 ", "gpt-image-2")).toEqual({ ok: true, family: "mai-image-2.6", source: "configured" });
    expect(resolveFamily(undefined, "MAI-Image-2.5-Flash")).toEqual({ ok: true, family: "mai-image-2.5", source: "detected" });
    expect(resolveFamily("", "gpt-image-1.5")).toEqual({ ok: true, family: "gpt-image-1.5", source: "detected" });
  });

  it("refuses an unknown family or an undetectable name with what to set", () => {
    expect(resolveFamily("gpt-image-1", "x")).toEqual({
      ok: false,
      message: 'IMAGE_MODEL_FAMILY "gpt-image-1" is not one of gpt-image-2, gpt-image-1.5, gpt-image-1-mini, mai-image-2.5, mai-image-2.6, local',
    });
    expect(resolveFamily(undefined, "img-prod")).toMatchObject({
      ok: false,
      message: expect.stringContaining('Cannot tell the model family of deployment "img-prod" from its name; set IMAGE_MODEL_FAMILY'),
    });
  });
});
