// Build-time configuration of the pane (webpack DefinePlugin fills `__ILLUSTRATE_CONFIG__`); data only.

/** The pane calls Illustrate's gateway (`${gatewayUrl}/v1/images/...`): the default. */
export interface GatewayApi {
  mode: "gateway";
}

/**
 * The pane calls Azure OpenAI itself with the person's delegated token (scope
 * {@link AZURE_OPENAI_DELEGATED_SCOPE}); `gatewayUrl` is then the resource endpoint, e.g.
 * `https://<resource>.openai.azure.com`. Needs the "Cognitive Services OpenAI User" role for each user and
 * browser CORS on the resource, which Microsoft does not document (unverified). Source: shared/docs/image-api.md.
 */
export interface AzureOpenAIDirectApi {
  mode: "azure-openai-direct";
  /** Deployment name of the gpt-image model on the resource. */
  deployment: string;
  /**
   * Dated API version, e.g. `2025-04-01-preview`: calls go to `/openai/deployments/{deployment}/images/...
   * ?api-version=...`. Absent: the v1 API (`/openai/v1/images/...`, `model` = deployment in the body).
   */
  apiVersion?: string;
}

/** Which image API the pane calls. */
export type ImageApiMode = GatewayApi | AzureOpenAIDirectApi;

/** Delegated (signed-in user) scope for Azure OpenAI, the default scope in direct mode. */
export const AZURE_OPENAI_DELEGATED_SCOPE = "https://cognitiveservices.azure.com/user_impersonation";

/** Where the pane signs in and which API it calls. No secrets: everything here ships in the bundle. */
export interface IllustrateConfig {
  /**
   * Origin + base path of the image API, e.g. `https://localhost:3001` (calls go to `${gatewayUrl}/v1/...`);
   * in Azure OpenAI direct mode the resource endpoint, e.g. `https://<resource>.openai.azure.com`.
   */
  gatewayUrl: string;
  /** Entra ID (or local issuer) application (client) id of the pane. */
  clientId: string;
  /** Authority URL: `https://login.microsoftonline.com/<tenant>` or the local issuer `https://localhost:3002`. */
  authority: string;
  /**
   * Scopes requested for the image API, e.g. `api://<gateway-app-id>/Images.Create`; in direct mode
   * {@link AZURE_OPENAI_DELEGATED_SCOPE} unless the build sets others.
   */
  scopes: string[];
  /** True when the authority is the local development issuer (OIDC protocol mode, known authority). */
  localIssuer: boolean;
  /** Which image API the pane calls. @default { mode: "gateway" } */
  api?: ImageApiMode;
  /**
   * Image requests one whole-deck run keeps out at once (`ILLUSTRATE_DECK_CONCURRENCY`, 1–16): set it to what the
   * backend's budget allows one person (the gateway's queue still paces every call by `IMAGE_RPM`).
   * @default 2 (`DEFAULT_DECK_CONCURRENCY`, src/taskpane/deck/deckServices.ts)
   */
  deckConcurrency?: number;
}

/** Defaults: everything local (gateway on :3001, dev issuer on :3002). */
export const DEFAULT_CONFIG: IllustrateConfig = {
  gatewayUrl: "https://localhost:3001",
  clientId: "illustrate-pane-dev",
  authority: "https://localhost:3002",
  scopes: ["api://illustrate-gateway/Images.Create"],
  localIssuer: true,
};

declare const __ILLUSTRATE_CONFIG__: Partial<IllustrateConfig> | undefined;

/**
 * `built` over the defaults. In Azure OpenAI direct mode without built scopes the scope is
 * {@link AZURE_OPENAI_DELEGATED_SCOPE} (the gateway's default scope would be refused by Azure).
 */
export function withDefaults(built: Partial<IllustrateConfig>): IllustrateConfig {
  const config = { ...DEFAULT_CONFIG, ...built };
  if (config.api?.mode === "azure-openai-direct" && built.scopes === undefined) config.scopes = [AZURE_OPENAI_DELEGATED_SCOPE];
  return config;
}

/** The configuration baked into this build, over the defaults (see {@link withDefaults}). */
export function readConfig(): IllustrateConfig {
  return withDefaults(typeof __ILLUSTRATE_CONFIG__ === "undefined" ? {} : __ILLUSTRATE_CONFIG__);
}
