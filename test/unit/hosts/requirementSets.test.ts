// Capability map from requirement sets, and the host chooser after Office.onReady.
import { powerPointCapabilities, readRequirementFlags, wordCapabilities } from "../../../src/hosts/office/requirementSets";
import { createOfficeHost } from "../../../src/hosts/office/createOfficeHost";
import type { DocumentHost } from "../../../src/hosts/DocumentHost";
import { flags, requirements } from "./fakes/requirements";

describe("capability map", () => {
  it("Word 1.3 can insert, replace, edit, write alt text and list sections, but not keep provenance (1.4)", () => {
    const caps = wordCapabilities(flags({ WordApi: "1.3" }));
    expect(caps.features).toEqual({ insertPicture: true, replacePicture: true, editPicture: true, altText: true, deck: true, provenance: false });
    expect(caps.reasons).toEqual({ provenance: "capability.needsWordApi14" });
  });

  it("Word 1.4 keeps how a picture was made (custom XML part)", () => {
    const caps = wordCapabilities(flags({ WordApi: "1.4" }));
    expect(caps.features.provenance).toBe(true);
    expect(caps.reasons).toEqual({});
  });

  it("Word 1.2 inserts but cannot find the selected picture, and says why", () => {
    const caps = wordCapabilities(flags({ WordApi: "1.2" }));
    expect(caps.features).toEqual({ insertPicture: true, replacePicture: false, editPicture: false, altText: true, deck: false, provenance: false });
    expect(caps.reasons).toEqual({
      replacePicture: "capability.needsWordApi13",
      editPicture: "capability.needsWordApi13",
      deck: "capability.needsWordApi13",
      provenance: "capability.needsWordApi14",
    });
  });

  it("PowerPoint below 1.10 cannot edit (no picture bytes) nor write alt text", () => {
    const caps = powerPointCapabilities(flags({ PowerPointApi: "1.8", ImageCoercion: "1.1" }));
    expect(caps.features).toEqual({ insertPicture: true, replacePicture: true, editPicture: false, altText: false, deck: true, provenance: true });
    expect(caps.reasons).toEqual({ editPicture: "capability.needsPowerPointApi110", altText: "capability.needsPowerPointApi110" });
  });

  it("PowerPoint without Image coercion cannot insert", () => {
    const caps = powerPointCapabilities(flags({ PowerPointApi: "1.10" }));
    expect(caps.features.insertPicture).toBe(false);
    expect(caps.reasons.insertPicture).toBe("capability.needsImageCoercion11");
  });

  it("asks the host about every set once", () => {
    const checker = requirements({ WordApi: "1.3" });
    readRequirementFlags(checker);
    expect(checker.asked).toEqual(expect.arrayContaining(["WordApi 1.3", "PowerPointApi 1.10", "ImageCoercion 1.1", "WordApiDesktop 1.3"]));
    expect(new Set(checker.asked).size).toBe(checker.asked.length);
  });
});

describe("createOfficeHost", () => {
  const word = { kind: "word" } as DocumentHost;
  const powerPoint = { kind: "powerpoint" } as DocumentHost;
  const deps = (host: string | null) => ({
    onReady: async () => ({ host }),
    requirements: () => requirements({}),
    word: () => word,
    powerPoint: () => powerPoint,
  });

  it("picks the Word adapter in Word and the PowerPoint adapter in PowerPoint", async () => {
    await expect(createOfficeHost(deps("Word"))).resolves.toBe(word);
    await expect(createOfficeHost(deps("PowerPoint"))).resolves.toBe(powerPoint);
  });

  it("returns null outside Office (host null) and for other Office apps", async () => {
    await expect(createOfficeHost(deps(null))).resolves.toBeNull();
    await expect(createOfficeHost(deps("Excel"))).resolves.toBeNull();
  });

  it("returns null when office.js is not loaded at all", async () => {
    await expect(createOfficeHost()).resolves.toBeNull();
  });
});
