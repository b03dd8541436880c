// The pane reads GET /v1/models defensively: good entries kept, bad ones skipped, nothing usable → fallback.
import { FALLBACK_MODELS, capabilitiesForFamily, modelEntry } from "../../../../../src/core/protocol/models/families";
import { parseModelList } from "../../../../../src/core/protocol/models/parseModelList";

const MAI = modelEntry("MAI-Image-2.6", "foundry-mai", capabilitiesForFamily("mai-image-2.6", { rpm: 6 }));
const GPT = modelEntry("gpt-image-2", "azure-openai", capabilitiesForFamily("gpt-image-2", { rpm: 6 }));
const LOCAL = modelEntry("local", "local", capabilitiesForFamily("local", { rpm: null }));
const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe("parseModelList", () => {
  it("round-trips what the gateway serves, for every family and the fallback", () => {
    const list = { object: "list", data: [MAI, GPT, LOCAL, ...FALLBACK_MODELS.data] };
    expect(parseModelList(wire(list))).toEqual(list);
  });

  it("drops unknown fields and skips malformed entries and duplicate ids", () => {
    const body = wire({
      object: "list",
      data: [
        { ...GPT, created: 1, extra: { nested: true } },
        { ...MAI, maxN: 0 },
        { ...MAI, family: "gpt-image-1" },
        { ...MAI, sizeRule: { kind: "mai", minSidePx: 768 } },
        { ...MAI, streaming: "yes" },
        { ...MAI, qualityLevels: ["ultra"] },
        { id: "dall-e-3", object: "model", owned_by: "openai" },
        { ...GPT, mask: false },
        "gpt-image-2",
        null,
      ],
    });
    expect(parseModelList(body)).toEqual({ object: "list", data: [GPT] });
  });

  it.each([
    ["not an object", "oops"],
    ["no data", { object: "list" }],
    ["an OpenAI model list without capabilities", { object: "list", data: [{ id: "gpt-4o", object: "model", owned_by: "openai" }] }],
    ["an empty list", { object: "list", data: [] }],
    ["an error envelope", { error: { code: "not_found", message: "Not found" } }],
  ])("%s → undefined (use FALLBACK_MODELS)", (_name, body) => {
    expect(parseModelList(body)).toBeUndefined();
  });
});
