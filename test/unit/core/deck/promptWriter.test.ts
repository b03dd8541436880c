// writeBriefs: the gateway writer first, the local writer for the whole run or the items it left out, and why.
import { NO_DECK_STYLE } from "../../../../src/core/deck/deckStyle";
import { localPromptWriter } from "../../../../src/core/deck/localPromptWriter";
import { writeBriefs, type PromptWriter, type VisualBrief } from "../../../../src/core/deck/promptWriter";
import type { DeckItemText } from "../../../../src/core/deck/types";

const items: DeckItemText[] = [
  { id: "s1", kind: "slide", title: "Cloud Migration", body: "" },
  { id: "s2", kind: "slide", title: "Team & Hiring Plan", body: "" },
  { id: "s3", kind: "slide", title: "Risks", body: "" },
];

function gateway(write: PromptWriter["write"]): PromptWriter {
  return { id: "gateway", write };
}
const remoteBrief = (itemId: string, prompt = `remote brief for ${itemId}`): VisualBrief => ({ itemId, prompt, writer: "gateway", concepts: [] });

describe("writeBriefs", () => {
  it("uses the local writer and says so when the gateway has no writer", async () => {
    const result = await writeBriefs(items, NO_DECK_STYLE, localPromptWriter);
    expect(result.briefs.map((b) => [b.itemId, b.writer])).toEqual([
      ["s1", "local"],
      ["s2", "local"],
      ["s3", "local"],
    ]);
    expect(result.fallback).toEqual({ reason: "writer.noGatewayWriter", itemIds: ["s1", "s2", "s3"] });
  });

  it("keeps the gateway's briefs, in item order, when it answers for every item", async () => {
    const result = await writeBriefs(
      items,
      NO_DECK_STYLE,
      localPromptWriter,
      gateway(async () => [remoteBrief("s3"), remoteBrief("s1"), remoteBrief("s2")]),
    );
    expect(result.briefs.map((b) => b.prompt)).toEqual(["remote brief for s1", "remote brief for s2", "remote brief for s3"]);
    expect(result.fallback).toBeUndefined();
  });

  it("falls back for the whole run when the gateway writer fails, keeping the error", async () => {
    const error = new Error("can't reach the gateway");
    const result = await writeBriefs(
      items,
      NO_DECK_STYLE,
      localPromptWriter,
      gateway(async () => Promise.reject(error)),
    );
    expect(result.briefs.every((b) => b.writer === "local" && b.prompt !== "")).toBe(true);
    expect(result.fallback).toEqual({ reason: "writer.gatewayFailed", itemIds: ["s1", "s2", "s3"], error });
  });

  it("fills in only the items the gateway left out or left empty", async () => {
    const result = await writeBriefs(
      items,
      NO_DECK_STYLE,
      localPromptWriter,
      gateway(async () => [remoteBrief("s1"), remoteBrief("s2", "  ")]),
    );
    expect(result.briefs.map((b) => [b.itemId, b.writer])).toEqual([
      ["s1", "gateway"],
      ["s2", "local"],
      ["s3", "local"],
    ]);
    expect(result.fallback).toEqual({ reason: "writer.gatewayIncomplete", itemIds: ["s2", "s3"] });
  });

  it("rethrows an abort instead of falling back", async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = Object.assign(new Error("aborted"), { name: "AbortError" });
    await expect(
      writeBriefs(
        items,
        NO_DECK_STYLE,
        localPromptWriter,
        gateway(async () => Promise.reject(abort)),
        { signal: controller.signal },
      ),
    ).rejects.toBe(abort);
  });
});
