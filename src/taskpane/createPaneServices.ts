// The pane's services built from the build configuration: the lazy sign-in session and the image client it feeds.
import { createLazySession, type LazyAccountSession } from "../auth/lazySession";
import type { AccountSession } from "../core/TokenProvider";
import { readConfig, type IllustrateConfig } from "../core/config";
import { createImageClient } from "../imaging/createImageClient";
import type { ImageClient } from "../imaging/ImageClient";
import { parseApiBaseUrl } from "../imaging/apiBaseUrl";
import { createModelCatalog, type ModelCatalog } from "../imaging/modelCatalog";
import type { PromptWriter } from "../core/deck/promptWriter";

/** Options of {@link createPaneServices}. */
export interface PaneServicesOptions {
  /** The `Office` global after `Office.onReady`, or undefined outside Office (the workbench in a browser). */
  office?: typeof Office;
  /** Origin of the pane's pages (MSAL's redirect bridge and dialog pages). @default window.location.origin */
  origin?: string;
  /** @default readConfig() (the values webpack built in) */
  config?: IllustrateConfig;
  /** Loads the real session (tests); see `LazySessionOptions.load`. @default MSAL in its own chunk */
  loadSession?: () => Promise<AccountSession>;
  /** `fetch` of the image client (tests). @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** What the task pane needs besides its document host: one session, one image client using its tokens. */
export interface PaneServices {
  config: IllustrateConfig;
  /** One sign-in for the page; MSAL loads in its own chunk after first paint (or on the first token request). */
  session: LazyAccountSession;
  /** The image client for `config.api` at `config.gatewayUrl`, asking `session` for `config.scopes`. */
  imageClient: ImageClient;
  /** The gateway's `GET /v1/models`, read once (direct mode: the fallback list). */
  modelCatalog: ModelCatalog;
  /**
   * The whole-deck flow's remote prompt writer (`POST /v1/prompts/visual`), the one place it is wired; the deck
   * panel falls back to the local writer without it or when it fails. @default undefined (not wired yet)
   */
  promptWriter?: PromptWriter;
}

/**
 * Builds the pane's session and image client from the configuration, the same way for the Office task pane and
 * the workbench (which mounts the same pane for its stand-in documents).
 * @throws TypeError from `createImageClient` for a configured API URL that is not https (http only on localhost).
 */
export function createPaneServices(options: PaneServicesOptions = {}): PaneServices {
  const config = options.config ?? readConfig();
  const session = createLazySession({ config, origin: options.origin ?? window.location.origin, office: options.office, load: options.loadSession });
  const imageClient = createImageClient({ apiBaseUrl: config.gatewayUrl, api: config.api, tokenProvider: session, scopes: config.scopes, fetch: options.fetch });
  const modelCatalog = createModelCatalog({
    ...(config.api?.mode === "azure-openai-direct" ? {} : { baseUrl: parseApiBaseUrl(config.gatewayUrl).baseUrl }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return { config, session, imageClient, modelCatalog };
}
