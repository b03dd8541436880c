// Build-time configuration of the pane (webpack DefinePlugin fills `__ILLUSTRATE_CONFIG__`); data only.

/** Where the pane signs in and which API it calls. No secrets: everything here ships in the bundle. */
export interface IllustrateConfig {
  /** Origin + base path of the image API, e.g. `https://localhost:3001` (calls go to `${gatewayUrl}/v1/...`). */
  gatewayUrl: string;
  /** Entra ID (or local issuer) application (client) id of the pane. */
  clientId: string;
  /** Authority URL: `https://login.microsoftonline.com/<tenant>` or the local issuer `https://localhost:3002`. */
  authority: string;
  /** Scopes requested for the gateway, e.g. `api://<gateway-app-id>/Images.Create`. */
  scopes: string[];
  /** True when the authority is the local development issuer (OIDC protocol mode, known authority). */
  localIssuer: boolean;
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

/** The configuration baked into this build, over the defaults. */
export function readConfig(): IllustrateConfig {
  const built = typeof __ILLUSTRATE_CONFIG__ === "undefined" ? {} : __ILLUSTRATE_CONFIG__;
  return { ...DEFAULT_CONFIG, ...built };
}
