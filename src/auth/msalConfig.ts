// MSAL configuration and token requests built from the pane's IllustrateConfig (data only; no MSAL code loaded).
import type { AccountInfo, Configuration, PopupRequest, RedirectRequest, SilentRequest } from "@azure/msal-browser";
import type { IllustrateConfig } from "../core/config";

/** Page MSAL v5 returns popup and silent (iframe) responses to; it runs `broadcastResponseToMainFrame`. */
export const REDIRECT_BRIDGE_PAGE = "redirect.html";
/** Page opened with `Office.context.ui.displayDialogAsync` when popups are blocked (see ./authDialog.ts). */
export const AUTH_DIALOG_PAGE = "auth-dialog.html";

/**
 * The MSAL configuration for `origin` (the pane's origin, e.g. `https://localhost:3000`).
 * - Local issuer: `protocolMode: "OIDC"` under `system` (MSAL v5 ignores it under `auth`) and the issuer's
 *   `host:port` as known authority (shared/docs/toolchain.md).
 * - Tokens in `localStorage` so a reloaded pane signs in silently; MSAL keeps the cache, we never do.
 * - `redirectUri` is the v5 redirect bridge page (learn.microsoft.com/entra/msal/javascript/browser/redirect-bridge).
 */
export function msalConfiguration(config: IllustrateConfig, origin: string): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      ...(config.localIssuer ? { knownAuthorities: [new URL(config.authority).host] } : {}),
      redirectUri: new URL(REDIRECT_BRIDGE_PAGE, `${origin}/`).href,
      postLogoutRedirectUri: null,
    },
    cache: { cacheLocation: "localStorage" },
    system: { protocolMode: config.localIssuer ? "OIDC" : "AAD" },
  };
}

/**
 * The `prompt` of an interactive sign-in. Entra ID: `select_account`, so a person can switch accounts. The local
 * issuer: `login` (its account page, even with a session, as select_account would) and `consent`, because
 * oidc-provider issues a refresh token only with `prompt=consent` (OIDC Core §11, offline_access); consent is
 * implied for the pane, so no extra page appears.
 */
export function interactivePrompt(config: IllustrateConfig): string {
  return config.localIssuer ? "login consent" : "select_account";
}

/** A silent request for `account`; `forceRefresh` skips the cached access token (after a 401). */
export function silentRequest(scopes: string[], account: AccountInfo, forceRefresh: boolean): SilentRequest {
  return { scopes, account, forceRefresh };
}

/** An interactive request (popup or the dialog's redirect), with the Office login hint when there is one. */
export function interactiveRequest(config: IllustrateConfig, scopes: string[], loginHint?: string): PopupRequest & RedirectRequest {
  return { scopes, prompt: interactivePrompt(config), ...(loginHint ? { loginHint } : {}) };
}
