// Auto picks a model that can do the job (transparency, mask), the photo model for photo styles, else the shortest queue.
import type { ModelEntry, ModelFamily } from "../../../../../src/core/protocol/models/capabilities";
import { chooseModel, type ModelJob } from "../../../../../src/core/protocol/models/chooseModel";
import { capabilitiesForFamily, modelEntry } from "../../../../../src/core/protocol/models/families";

const model = (id: string, family: ModelFamily, rpm: number | null = 6): ModelEntry =>
  modelEntry(id, family === "local" ? "local" : family.startsWith("mai") ? "foundry-mai" : "azure-openai", capabilitiesForFamily(family, { rpm }));

/** The README's two-model gateway, plus the renderer. */
const MAI = model("MAI-Image-2.6", "mai-image-2.6", 12);
const GPT = model("gpt-image-2", "gpt-image-2", 6);
const LOCAL = model("local", "local", null);
const BOTH = [MAI, GPT];

describe("chooseModel: Auto", () => {
  it.each<[string, readonly ModelEntry[], ModelJob, string, string]>([
    ["transparent background → the model that can", BOTH, { background: "transparent" }, "gpt-image-2", "shortest-queue"],
    ["edit with mask → the model that can", BOTH, { edit: { mask: true } }, "gpt-image-2", "shortest-queue"],
    [
      "transparent beats the photo model that cannot",
      BOTH,
      { background: "transparent", style: "photo", photoModel: "MAI-Image-2.6" },
      "gpt-image-2",
      "shortest-queue",
    ],
    [
      "photo style → the configured photo model",
      BOTH,
      { style: "photo", photoModel: "MAI-Image-2.6", queues: { "MAI-Image-2.6": { waiting: 9 } } },
      "MAI-Image-2.6",
      "photo-style",
    ],
    ["photo style, photo model gpt-image-2", BOTH, { style: "photo", photoModel: "gpt-image-2" }, "gpt-image-2", "photo-style"],
    [
      "photo style without a configured photo model → shortest queue",
      BOTH,
      { style: "photo", queues: { "MAI-Image-2.6": { waiting: 3 } } },
      "gpt-image-2",
      "shortest-queue",
    ],
    ["photo model not served → shortest queue", BOTH, { style: "photo", photoModel: "gone" }, "MAI-Image-2.6", "shortest-queue"],
    [
      "other style → shortest expected wait",
      BOTH,
      { style: "watercolor", queues: { "MAI-Image-2.6": { expectedWaitMs: 40_000 }, "gpt-image-2": { expectedWaitMs: 10_000 } } },
      "gpt-image-2",
      "shortest-queue",
    ],
    [
      "waiting counts in the model's RPM: 3 at 12/min (15 s) beat 2 at 6/min (20 s)",
      BOTH,
      { queues: { "MAI-Image-2.6": { waiting: 3 }, "gpt-image-2": { waiting: 2 } } },
      "MAI-Image-2.6",
      "shortest-queue",
    ],
    [
      "expectedWaitMs wins over waiting",
      BOTH,
      { queues: { "MAI-Image-2.6": { waiting: 0, expectedWaitMs: 30_000 }, "gpt-image-2": { waiting: 5, expectedWaitMs: 1_000 } } },
      "gpt-image-2",
      "shortest-queue",
    ],
    ["all idle → the first configured", BOTH, {}, "MAI-Image-2.6", "shortest-queue"],
    ["`model: auto` is Auto", BOTH, { model: "AUTO", queues: { "MAI-Image-2.6": { waiting: 1 } } }, "gpt-image-2", "shortest-queue"],
    [
      "the offline renderer is not picked while a real model can do the job",
      [LOCAL, GPT],
      { queues: { "gpt-image-2": { waiting: 50 } } },
      "gpt-image-2",
      "shortest-queue",
    ],
    ["…but is when it is the only one that can", [LOCAL, MAI], { edit: { mask: true } }, "local", "shortest-queue"],
  ])("%s", (_name, models, job, id, reason) => {
    const choice = chooseModel(models, job);
    expect(choice).toMatchObject({ ok: true, reason });
    if (choice.ok) expect(choice.model.id).toBe(id);
  });

  it("reports what narrowed the choice", () => {
    const choice = chooseModel(BOTH, { background: "transparent", edit: { mask: true } });
    expect(choice).toMatchObject({ ok: true, needs: ["transparent background", "edits", "a mask"] });
  });

  it("no model can → no_capable_model, saying what was needed", () => {
    expect(chooseModel([MAI], { background: "transparent" })).toEqual({
      ok: false,
      code: "no_capable_model",
      message: "No model served here can do transparent background",
      validModels: ["MAI-Image-2.6", "auto"],
    });
    expect(chooseModel([], {})).toMatchObject({ ok: false, code: "no_capable_model", message: "No model is served here" });
  });
});

describe("chooseModel: a named model", () => {
  it("is used as named (and case-insensitively)", () => {
    expect(chooseModel(BOTH, { model: "MAI-Image-2.6" })).toMatchObject({ ok: true, reason: "requested", model: { id: "MAI-Image-2.6" } });
    expect(chooseModel(BOTH, { model: "mai-image-2.6" })).toMatchObject({ ok: true, model: { id: "MAI-Image-2.6" } });
  });

  it("an unknown id → unknown_model listing the valid ones", () => {
    expect(chooseModel(BOTH, { model: "gpt-image-1" })).toEqual({
      ok: false,
      code: "unknown_model",
      message: 'model "gpt-image-1" is not served here; use one of: MAI-Image-2.6, gpt-image-2, auto',
      validModels: ["MAI-Image-2.6", "gpt-image-2", "auto"],
    });
  });

  it("a model that cannot do the job → model_cannot naming those that can", () => {
    expect(chooseModel(BOTH, { model: "MAI-Image-2.6", background: "transparent" })).toMatchObject({
      ok: false,
      code: "model_cannot",
      message: "MAI-Image-2.6 cannot do transparent background; models that can: gpt-image-2, auto",
    });
    expect(chooseModel([MAI], { model: "MAI-Image-2.6", edit: { mask: true } })).toMatchObject({
      ok: false,
      code: "model_cannot",
      message: "MAI-Image-2.6 cannot do a mask; no model served here can",
    });
    expect(chooseModel(BOTH, { model: "MAI-Image-2.6", edit: { mask: false, images: 3 } })).toMatchObject({
      ok: false,
      code: "model_cannot",
      message: "MAI-Image-2.6 cannot do several input pictures; models that can: gpt-image-2, auto",
    });
  });
});
