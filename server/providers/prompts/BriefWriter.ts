// The contract of a visual-brief writer (a chat model behind `POST /v1/prompts/visual`): validated items in, one
// brief per item out. The gateway core knows nothing of any chat API's HTTP shape.
import type { PromptWriterInfo, VisualBriefItem, VisualBriefStyle } from "../../../src/core/protocol/visualBriefs";
import type { GenerateContext } from "../Provider";

/** A validated `POST /v1/prompts/visual` body (ids distinct, lengths within the protocol's limits). */
export interface BriefJob {
  items: readonly VisualBriefItem[];
  style: VisualBriefStyle;
}

/** Writes visual briefs with a chat model. Implementations live beside this file; created by server/gateway/createBriefWriter.ts. */
export interface BriefWriter {
  /** Which deployment writes: `GET /v1/backend` `promptWriter`. */
  readonly info: PromptWriterInfo;
  /**
   * Asks the model for one brief per item.
   * @returns item id → brief (raw model text, not yet checked); items the model left out are absent
   * @throws ProviderError (UpstreamError) with a normalized code: `content_filtered`, `rate_limited`,
   *   `upstream_unavailable`, `upstream_invalid_response`, `timeout`, …; the signal's reason on abort
   */
  write(job: BriefJob, ctx: GenerateContext): Promise<Map<string, string>>;
}
