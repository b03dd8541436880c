// Fixed settings of the local issuer: its client (the pane), the gateway as resource server, ports.

/** Default port of the local issuer (https://localhost:3002). */
export const DEV_ISSUER_PORT = 3002;

/** The pane's public client (SPA, PKCE, no secret). Matches `DEFAULT_CONFIG.clientId` in src/core/config.ts. */
export const PANE_CLIENT_ID = "illustrate-pane-dev";

/** The gateway's resource indicator, the `aud` of access tokens (Entra-style application id URI). */
export const GATEWAY_AUDIENCE = "api://illustrate-gateway";

/** The delegated permission the gateway requires, as it appears in the `scp` claim. */
export const GATEWAY_SCOPE = "Images.Create";

/** The full scope value a client requests (`api://illustrate-gateway/Images.Create`), as with Entra ID. */
export const GATEWAY_SCOPE_URI = `${GATEWAY_AUDIENCE}/${GATEWAY_SCOPE}`;

/** Access-token lifetime in seconds. */
export const ACCESS_TOKEN_TTL_S = 60 * 60;

/**
 * Redirect URIs of the pane client on `paneOrigin`: the pages that run MSAL and the v5 redirect bridge.
 * `brk-multihub://…` (nested app authentication) is not registered here: only Entra ID's broker in Office
 * uses it, and oidc-provider allows only http(s) redirect URIs for web clients.
 */
export function paneRedirectUris(paneOrigin: string): string[] {
  return ["taskpane.html", "workbench.html", "auth-dialog.html", "redirect.html"].map((page) => new URL(page, `${paneOrigin}/`).href);
}
