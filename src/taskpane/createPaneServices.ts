// The pane's services built from the build configuration: the lazy sign-in session, the image client it feeds, the
// model catalog and the deck flow's prompt writer.
import { createLazySession, type LazyAccountSession } from "../auth/lazySession";
import { pagesBaseOf } from "../auth/msalConfig";
import type { AccountSession } from "../core/TokenProvider";
import { readConfig, type IllustrateConfig } from "../core/config";
import { createLazyImageClient, type LazyImageClient } from "../imaging/lazyImageClient";
import { parseApiBaseUrl } from "../imaging/apiBaseUrl";
import { createModelCatalog, type ModelCatalog } from "../imaging/modelCatalog";
import { whenIdle } from "./whenIdle";
import { createLazyDeckPromptWriter, type LazyDeckPromptWriter } from "../imaging/lazyDeckPromptWriter";

/** Options of {@link createPaneServices}. */
export interface PaneServicesOptions {
  /** The `Office` global after `Office.onReady`, or undefined outside Office (the workbench in a browser). */
  office?: typeof Office;
  /**
   * Folder of the pane's pages (MSAL's redirect bridge and dialog pages), e.g. `https://contoso.example/illustrate/`.
   * @default the current page's folder, `pagesBaseOf(window.location.href)`
   */
  pagesBase?: string;
  /** @default readConfig() (the values webpack built in) */
  config?: IllustrateConfig;
  /** Loads the real session (tests); see `LazySessionOptions.load`. @default MSAL in its own chunk */
  loadSession?: () => Promise<AccountSession>;
  /** `fetch` of the image client (tests). @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Schedules the chunk preloads after first paint (tests pass one that lets them await the preloads, so no import
   * runs after the test's environment is gone). @default whenIdle
   */
  whenIdle?: (preload: () => Promise<void>) => void;
}

/** What the task pane needs besides its document host: one session, one image client using its tokens. */
export interface PaneServices {
  config: IllustrateConfig;
  /** One sign-in for the page; MSAL loads in its own chunk after first paint (or on the first token request). */
  session: LazyAccountSession;
  /** The image client for `config.api` at `config.gatewayUrl`, asking `session` for `config.scopes`. */
  imageClient: LazyImageClient;
  /** The gateway's `GET /v1/models`, read once (direct mode: the fallback list). */
  modelCatalog: ModelCatalog;
  /**
   * The deck flow's prompt writer (issue 8): the gateway's `POST /v1/prompts/visual` when `GET /v1/backend` names a
   * prompt writer, else (and when it fails) the local writer; `write(...)` returns core/deck `WrittenBriefs`, whose
   * `fallback.reason` is the `writer.*` string key to show. Its code (core/deck included) loads after first paint.
   */
  promptWriter: LazyDeckPromptWriter;
}

/**
 * Builds the pane's session and image client from the configuration, the same way for the Office task pane and
 * the workbench (which mounts the same pane for its stand-in documents).
 * @throws TypeError from `createLazyImageClient` for a configured API URL that is not https (http only on localhost).
 */
export function createPaneServices(options: PaneServicesOptions = {}): PaneServices {
  const config = options.config ?? readConfig();
  const idle = options.whenIdle ?? whenIdle;
  const session = createLazySession({
    config,
    pagesBase: options.pagesBase ?? pagesBaseOf(window.location.href),
    office: options.office,
    load: options.loadSession,
  });
  const imageClient = createLazyImageClient({
    apiBaseUrl: config.gatewayUrl,
    api: config.api,
    tokenProvider: session,
    scopes: config.scopes,
    fetch: options.fetch,
  });
  // Its chunk (HTTP, streaming, image checks) after first paint, so the first Generate never waits on it.
  idle(() => imageClient.preload().catch(() => undefined));
  const gatewayBase = config.api?.mode === "azure-openai-direct" ? undefined : parseApiBaseUrl(config.gatewayUrl).baseUrl;
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  const modelCatalog = createModelCatalog({ ...(gatewayBase ? { baseUrl: gatewayBase } : {}), ...fetchOption });
  const promptWriter = createLazyDeckPromptWriter({
    ...(gatewayBase ? { gatewayBase } : {}),
    tokenProvider: session,
    scopes: config.scopes,
    ...fetchOption,
  });
  idle(() => promptWriter.preload().catch(() => undefined)); // core/deck after first paint, before the deck flow
  return { config, session, imageClient, modelCatalog, promptWriter };
}
