// The gateway PromptWriter: `POST /v1/prompts/visual` with the pane's token, timeout, retries and typed errors.
import type { DeckItemText, DeckStyle, PromptWriter, VisualBrief } from "../core/deck";
import { ApiError } from "../core/protocol/errors";
import { MAX_BRIEF_CHARS, MAX_BRIEF_ITEM_ID_CHARS, MAX_BRIEF_ITEMS, MAX_BRIEF_TEXT_CHARS, MAX_BRIEF_TITLE_CHARS } from "../core/protocol/limits";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../core/protocol/retry";
import { apiErrorFromResponse, requestIdOf } from "../core/protocol/upstreamErrorShapes";
import { VISUAL_BRIEFS_PATH, type VisualBriefItem, type VisualBriefsRequest } from "../core/protocol/visualBriefs";
import { parseApiBaseUrl, type ApiAddress } from "./apiBaseUrl";
import { ConnectionError, InvalidResponseError } from "./errors";
import { sendWithRetries, type GatewayCallOptions } from "./requestLoop";

/** Default time for one attempt, in ms: a chat model writes 40 briefs in some 10–30 s; the gateway stops at 60 s. */
export const DEFAULT_BRIEF_TIMEOUT_MS = 90_000;

/** Options of {@link GatewayPromptWriter}. */
export interface GatewayPromptWriterOptions extends GatewayCallOptions {
  /** The gateway's base URL (config `gatewayUrl`), e.g. `https://localhost:3001`. */
  apiBaseUrl: string;
  /** Per attempt, in ms. @default {@link DEFAULT_BRIEF_TIMEOUT_MS} */
  timeoutMs?: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The item as the route takes it: title and text cut to the protocol's limits (the local writer reads as much). */
function wireItem(item: DeckItemText): VisualBriefItem {
  return { id: item.id, kind: item.kind, title: item.title.slice(0, MAX_BRIEF_TITLE_CHARS), text: item.body.slice(0, MAX_BRIEF_TEXT_CHARS) };
}

/** The briefs of a 2xx answer, by id (unknown ids and unusable entries dropped). @throws InvalidResponseError */
function readBriefs(body: unknown, requestId: string | undefined): Map<string, string> {
  const briefs = (body as { briefs?: unknown } | null)?.briefs;
  if (!Array.isArray(briefs)) throw new InvalidResponseError("The prompt service's answer has no briefs", { requestId });
  const byId = new Map<string, string>();
  for (const entry of briefs as { id?: unknown; prompt?: unknown }[]) {
    if (typeof entry?.id === "string" && typeof entry.prompt === "string" && entry.prompt.trim() !== "" && !byId.has(entry.id)) {
      byId.set(entry.id, entry.prompt.slice(0, MAX_BRIEF_CHARS));
    }
  }
  return byId;
}

/**
 * {@link PromptWriter} over the gateway's `POST /v1/prompts/visual`. Items go in batches of `MAX_BRIEF_ITEMS`, each
 * title and text cut to the protocol's limits; an item whose id is over `MAX_BRIEF_ITEM_ID_CHARS` is not sent. An item
 * the gateway has no brief for is left out of the result (core/deck `writeBriefs` then writes it locally).
 *
 * Each call: a token (sent only to the gateway's origin); on 401 one forced refresh, then {@link SignInRequiredError};
 * 408/409/429/5xx and network failures retried by the shared policy (src/core/protocol/retry.ts, server hint first).
 * @throws ApiError (the gateway's envelope: `content_filtered`, `rate_limited`, `prompt_writer_not_configured`, …),
 *   SignInRequiredError, ConnectionError, TimeoutError, CancelledError, InvalidResponseError
 */
export class GatewayPromptWriter implements PromptWriter {
  readonly id = "gateway" as const;
  private readonly api: ApiAddress;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;

  /** @throws TypeError for a base URL that is not https (http only on loopback) */
  constructor(private readonly options: GatewayPromptWriterOptions) {
    this.api = parseApiBaseUrl(options.apiBaseUrl);
    this.fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_BRIEF_TIMEOUT_MS;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries };
  }

  async write(items: readonly DeckItemText[], deckStyle: DeckStyle, options: { signal?: AbortSignal } = {}): Promise<VisualBrief[]> {
    const sendable = items.filter((item) => item.id.length > 0 && item.id.length <= MAX_BRIEF_ITEM_ID_CHARS);
    const style = { preset: deckStyle.preset, palette: [...deckStyle.palette], style_words: deckStyle.styleWords };
    const briefs: VisualBrief[] = [];
    for (let start = 0; start < sendable.length; start += MAX_BRIEF_ITEMS) {
      const batch = sendable.slice(start, start + MAX_BRIEF_ITEMS);
      const written = await this.send({ items: batch.map(wireItem), style }, options.signal);
      for (const item of batch) {
        const prompt = written.get(item.id);
        if (prompt !== undefined) briefs.push({ itemId: item.id, prompt, writer: "gateway", concepts: [] });
      }
    }
    return briefs;
  }

  /** One batch through the shared attempt loop (./requestLoop.ts): token, deadline, 401 refresh, retries. */
  private send(request: VisualBriefsRequest, signal: AbortSignal | undefined): Promise<Map<string, string>> {
    const url = `${this.api.baseUrl}${VISUAL_BRIEFS_PATH}`;
    const body = JSON.stringify(request);
    return sendWithRetries(
      {
        api: this.api,
        url,
        headers: { accept: "application/json", "content-type": "application/json" },
        tokenProvider: this.options.tokenProvider,
        scopes: this.options.scopes,
        signal,
        timeoutMs: this.timeoutMs,
        sleep: this.options.sleep ?? defaultSleep,
        random: this.options.random ?? Math.random,
        retryPolicy: this.retryPolicy,
        service: "prompt service",
      },
      (headers, attemptSignal) => this.attempt(url, headers, body, attemptSignal),
    );
  }

  /** One exchange: the briefs, or the ApiError of an error answer. @throws ConnectionError, InvalidResponseError */
  private async attempt(url: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<Map<string, string> | ApiError> {
    let response: Response;
    try {
      // No redirects (a redirect could carry the token to another origin); no cookies: bearer only.
      response = await this.fetchFn(url, { method: "POST", headers, body, signal, redirect: "error", credentials: "omit" });
    } catch (cause) {
      throw new ConnectionError(`Could not reach the prompt service at ${this.api.origin}`, { cause });
    }
    if (!response.ok) return apiErrorFromResponse(response);
    const requestId = requestIdOf(response.headers);
    let json: unknown;
    try {
      json = await response.json();
    } catch (cause) {
      throw new InvalidResponseError("The prompt service's answer is not JSON", { requestId, cause });
    }
    return readBriefs(json, requestId);
  }
}
