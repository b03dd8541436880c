// The PromptWriter seam: slide/section text → one visual brief per item; and the fallback from a remote writer to the local one.
import type { DeckStyle } from "./deckStyle";
import type { DeckItemText } from "./types";

/** Which writer wrote a brief: the offline rules of this folder, or the gateway's chat model (`POST /v1/prompts/visual`). */
export type PromptWriterId = "local" | "gateway";

/** One item's visual brief: one English sentence describing a scene, asking for no text in the picture. */
export interface VisualBrief {
  itemId: string;
  /** The brief, without the run's style suffix (core/deck/deckStyle `deckPrompt` adds it at send time). `""` when the item has no usable text. */
  prompt: string;
  writer: PromptWriterId;
  /** Concept ids the brief was built from (local writer), for tests and the pane's "why this prompt" hint. */
  concepts: readonly string[];
}

/**
 * Writes visual briefs. `deckStyle` is given so a remote writer can avoid fighting the style; the local writer
 * ignores it (the style suffix is appended to every prompt by `deckPrompt`, so edits cannot lose it).
 * @returns one brief per item, in the items' order, each with the item's id.
 * @throws whatever the implementation's transport throws (the gateway client: `ImagingError`s); the local writer never throws.
 */
export interface PromptWriter {
  readonly id: PromptWriterId;
  write(items: readonly DeckItemText[], deckStyle: DeckStyle, options?: { signal?: AbortSignal }): Promise<VisualBrief[]>;
}

/** Why the briefs of a run came (partly) from the local writer; a pane string key. */
export type FallbackReason =
  /** `GET /v1/backend` says the gateway has no chat model. */
  | "writer.noGatewayWriter"
  /** The gateway writer threw (unreachable, error envelope, timeout). */
  | "writer.gatewayFailed"
  /** The gateway answered, but left some items out or gave them an empty brief. */
  | "writer.gatewayIncomplete";

/** Briefs for every item, and whether (and why) the local writer stood in. */
export interface WrittenBriefs {
  briefs: VisualBrief[];
  fallback?: { reason: FallbackReason; itemIds: string[]; error?: unknown };
}

/**
 * Writes with `primary` (the gateway writer, or `undefined` when the gateway has none) and falls back to `local` for
 * the whole run when it throws, or per item when it leaves an item out or empty. Briefs come back in item order.
 * Aborts are not fallbacks: an `AbortError` from `primary` is rethrown.
 */
export async function writeBriefs(
  items: readonly DeckItemText[],
  deckStyle: DeckStyle,
  local: PromptWriter,
  primary?: PromptWriter,
  options?: { signal?: AbortSignal },
): Promise<WrittenBriefs> {
  const allIds = items.map((i) => i.id);
  if (!primary) return { briefs: await local.write(items, deckStyle, options), fallback: { reason: "writer.noGatewayWriter", itemIds: allIds } };
  let remote: VisualBrief[];
  try {
    remote = await primary.write(items, deckStyle, options);
  } catch (error) {
    if (options?.signal?.aborted || (error instanceof Error && error.name === "AbortError")) throw error;
    return { briefs: await local.write(items, deckStyle, options), fallback: { reason: "writer.gatewayFailed", itemIds: allIds, error } };
  }
  const byId = new Map(remote.filter((b) => b.prompt.trim() !== "").map((b) => [b.itemId, b]));
  const missing = items.filter((i) => !byId.has(i.id));
  const filled = missing.length > 0 ? await local.write(missing, deckStyle, options) : [];
  for (const brief of filled) byId.set(brief.itemId, brief);
  const briefs = items.map((i) => byId.get(i.id) as VisualBrief);
  return missing.length > 0 ? { briefs, fallback: { reason: "writer.gatewayIncomplete", itemIds: missing.map((i) => i.id) } } : { briefs };
}
