// The deck flow's prompt writer: the gateway's chat model when `GET /v1/backend` has one, else (or when it fails) the
// local writer, and the reason it stood in (a pane string key) so the pane can say so.
import { localPromptWriter, writeBriefs, type DeckItemText, type DeckStyle, type PromptWriter, type WrittenBriefs } from "../core/deck";
import { ApiError } from "../core/protocol/errors";
import type { BackendStatusReader } from "./backendStatus";

/** Writes the briefs of a run; never fails over to nothing: every item gets a brief (maybe `""`, nothing to picture). */
export interface DeckPromptWriter {
  /**
   * Briefs for `items` in their order, and `fallback` when the local writer wrote some or all of them:
   * `writer.noGatewayWriter` (no chat model on the gateway, or direct mode), `writer.gatewayFailed` (unreachable,
   * an error answer, a timeout: `fallback.error` says which), `writer.gatewayIncomplete` (the model left items out).
   * @throws only the cancel: a `CancelledError` / `AbortError` once `options.signal` fired
   */
  write(items: readonly DeckItemText[], deckStyle: DeckStyle, options?: { signal?: AbortSignal }): Promise<WrittenBriefs>;
}

/** Options of {@link createDeckPromptWriter}. */
export interface DeckPromptWriterOptions {
  /** Says whether the gateway has a prompt writer. */
  backend: BackendStatusReader;
  /** The gateway writer (./gatewayPromptWriter.ts); absent in direct mode. */
  gateway?: PromptWriter;
  /** @default core/deck `localPromptWriter` */
  local?: PromptWriter;
}

/** The composition: ask the backend once, then core/deck `writeBriefs` with the gateway writer or none. */
export function createDeckPromptWriter(options: DeckPromptWriterOptions): DeckPromptWriter {
  const local = options.local ?? localPromptWriter;
  return {
    async write(items, deckStyle, writeOptions = {}) {
      const status = await options.backend.promptWriter();
      if (writeOptions.signal?.aborted) throw writeOptions.signal.reason;
      if (status.source === "unreachable" && options.gateway) {
        const briefs = await local.write(items, deckStyle, writeOptions);
        return { briefs, fallback: { reason: "writer.gatewayFailed", itemIds: items.map((i) => i.id), error: status.error } };
      }
      const written = await writeBriefs(items, deckStyle, local, status.promptWriter ? options.gateway : undefined, writeOptions);
      // The gateway's writer was removed since `GET /v1/backend` was read: say "none", not "failed".
      const error = written.fallback?.error;
      if (error instanceof ApiError && error.code === "prompt_writer_not_configured" && written.fallback) {
        return { ...written, fallback: { ...written.fallback, reason: "writer.noGatewayWriter" } };
      }
      return written;
    },
  };
}
