// Reads the gateway's `GET /v1/backend` once (cached): whether it has a prompt writer (issue 8), for the deck flow.
import type { PromptWriterInfo } from "../core/protocol/visualBriefs";

/** What `GET /v1/backend` said about the prompt writer, or why it could not be read. */
export type PromptWriterStatus =
  /** The gateway answered: its chat deployment, or `null` (none configured, or an older gateway without the field). */
  | { source: "gateway"; promptWriter: PromptWriterInfo | null }
  /** No gateway in this configuration (Azure OpenAI direct mode). */
  | { source: "direct"; promptWriter: null }
  /** The gateway did not answer usably (network, 5xx, not JSON); the error for logs. */
  | { source: "unreachable"; promptWriter: null; error: unknown };

/** The backend status, read once per page. */
export interface BackendStatusReader {
  /**
   * The first call fetches `${baseUrl}/v1/backend` (public: no token); later calls share the answer. Never rejects.
   * An unreachable gateway is not cached: the next call asks again.
   */
  promptWriter(): Promise<PromptWriterStatus>;
}

/** Options of {@link createBackendStatus}. */
export interface BackendStatusOptions {
  /** The gateway's checked base URL without a trailing slash; absent in direct mode. */
  baseUrl?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

function writerOf(body: unknown): PromptWriterInfo | null {
  const writer = (body as { promptWriter?: unknown } | null)?.promptWriter as Partial<PromptWriterInfo> | null | undefined;
  return typeof writer?.provider === "string" && typeof writer.model === "string" ? { provider: writer.provider, model: writer.model } : null;
}

/** A reader over `options.baseUrl`; in direct mode always `direct`. */
export function createBackendStatus(options: BackendStatusOptions): BackendStatusReader {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let cached: Promise<PromptWriterStatus> | undefined;

  async function read(): Promise<PromptWriterStatus> {
    if (!options.baseUrl) return { source: "direct", promptWriter: null };
    try {
      const response = await fetchFn(`${options.baseUrl}/v1/backend`, {
        method: "GET",
        headers: { accept: "application/json" },
        credentials: "omit",
      });
      if (response.status === 404) return { source: "gateway", promptWriter: null }; // a gateway before /v1/backend
      if (!response.ok) return { source: "unreachable", promptWriter: null, error: new Error(`GET /v1/backend answered HTTP ${response.status}`) };
      return { source: "gateway", promptWriter: writerOf(await response.json()) };
    } catch (error) {
      return { source: "unreachable", promptWriter: null, error };
    }
  }

  return {
    promptWriter() {
      if (!cached) {
        cached = read().then((status) => {
          if (status.source === "unreachable") cached = undefined;
          return status;
        });
      }
      return cached;
    },
  };
}
