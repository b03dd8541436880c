// The deck prompt writer as the pane composes it (GET /v1/backend, the gateway's writer, the local one); a chunk of its own.
import { createBackendStatus } from "./backendStatus";
import { createDeckPromptWriter, type DeckPromptWriter } from "./deckPromptWriter";
import { GatewayPromptWriter } from "./gatewayPromptWriter";
import type { TokenProvider } from "../core/TokenProvider";

/** Options of {@link createPaneDeckPromptWriter}. */
export interface PaneDeckPromptWriterOptions {
  /** The gateway's checked base URL without a trailing slash; absent in direct mode (then the local writer only). */
  gatewayBase?: string;
  /** Source of the gateway's access tokens. */
  tokenProvider: TokenProvider;
  /** Scopes for `tokenProvider.getToken`. */
  scopes?: string[];
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** The gateway writer when `GET /v1/backend` names one, else (and when it fails) core/deck's local writer. */
export function createPaneDeckPromptWriter(options: PaneDeckPromptWriterOptions): DeckPromptWriter {
  const { gatewayBase, tokenProvider, scopes } = options;
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  return createDeckPromptWriter({
    backend: createBackendStatus({ ...(gatewayBase ? { baseUrl: gatewayBase } : {}), ...fetchOption }),
    ...(gatewayBase ? { gateway: new GatewayPromptWriter({ apiBaseUrl: gatewayBase, tokenProvider, scopes, ...fetchOption }) } : {}),
  });
}
