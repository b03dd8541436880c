// Reads the gateway's `GET /v1/models` once (cached), falling back to today's one model when it does not answer.
import type { ModelList } from "../core/protocol/models";

/** The model rules (families, size rules, the list's parser) in their own chunk: only once a list is read. */
const loadModelRules = () => import(/* webpackChunkName: "model-rules" */ "../core/protocol/models");

/** Where the list came from: the gateway's answer, or {@link FALLBACK_MODELS} (with the reason, for logs). */
export interface ModelCatalogResult {
  models: ModelList;
  source: "gateway" | "fallback";
  /** Why the fallback: `not_found` (an older gateway), `http_<status>`, `invalid` (no usable entry), `network`, `direct`. */
  reason?: string;
}

/** Options of {@link createModelCatalog}. */
export interface ModelCatalogOptions {
  /** The gateway's checked base URL without a trailing slash (`ApiAddress.baseUrl`); absent in direct mode. */
  baseUrl?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** The served models, read once per page. */
export interface ModelCatalog {
  /**
   * The list: the first call fetches `${baseUrl}/v1/models` (no token: the route is public, like
   * `/v1/backend`), later calls share that answer. Never rejects: anything but a usable list (404, another
   * status, not JSON, no well-formed entry, network failure) gives {@link FALLBACK_MODELS}, so a pane against
   * an older gateway keeps today's behaviour. A network failure is not cached: the next call tries again.
   * @throws (rejects) only when the model rules' chunk cannot load (not cached either)
   */
  load(): Promise<ModelCatalogResult>;
}

/** A catalog over `options.baseUrl`; in direct mode (no base URL) always the fallback. */
export function createModelCatalog(options: ModelCatalogOptions): ModelCatalog {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let cached: Promise<ModelCatalogResult> | undefined;

  async function read(): Promise<ModelCatalogResult & { retry?: boolean }> {
    const { FALLBACK_MODELS, parseModelList } = await loadModelRules();
    const fallback = (reason: string): ModelCatalogResult => ({ models: FALLBACK_MODELS, source: "fallback", reason });
    if (!options.baseUrl) return fallback("direct");
    let response: Response;
    try {
      response = await fetchFn(`${options.baseUrl}/v1/models`, { method: "GET", headers: { accept: "application/json" }, credentials: "omit" });
    } catch {
      return { ...fallback("network"), retry: true };
    }
    if (!response.ok) return fallback(response.status === 404 ? "not_found" : `http_${response.status}`);
    const body: unknown = await response.json().catch(() => undefined);
    const models = parseModelList(body);
    return models ? { models, source: "gateway" } : fallback("invalid");
  }

  return {
    load() {
      if (!cached) {
        cached = read().then(
          ({ retry, ...result }) => {
            if (retry) cached = undefined;
            return result;
          },
          (error: unknown) => {
            cached = undefined; // the rules' chunk did not load: the next call tries again
            throw error;
          },
        );
      }
      return cached;
    },
  };
}
