// MSAL configuration and token requests built from the pane's IllustrateConfig (data only; no MSAL code loaded).
import type { AccountInfo, Configuration, PopupRequest, RedirectRequest, SilentRequest } from "@azure/msal-browser";
import type { IllustrateConfig } from "../core/config";

/** Page MSAL v5 returns popup and silent (iframe) responses to; it runs `broadcastResponseToMainFrame`. */
export const REDIRECT_BRIDGE_PAGE = "redirect.html";
/** Page opened with `Office.context.ui.displayDialogAsync` when popups are blocked (see ./authDialog.ts). */
export const AUTH_DIALOG_PAGE = "auth-dialog.html";

/**
 * The folder the pane's pages are served from, as an absolute URL ending in `/`: the page's own folder, so an add-in
 * hosted under a sub-path (ILLUSTRATE_PUBLIC_URL `https://contoso.example/illustrate`) gets
 * `https://contoso.example/illustrate/`, not the origin. Every page (taskpane, redirect bridge, dialog) sits in it.
 * @param pageHref `location.href` of a page of the add-in
 */
export function pagesBaseOf(pageHref: string): string {
  return new URL("./", pageHref).href;
}

/**
 * The absolute URL of one of the add-in's pages (`redirect.html`, `auth-dialog.html`).
 * @param pagesBase see {@link pagesBaseOf}; a value without a trailing `/` is taken as the folder itself
 */
export function pageUrl(page: string, pagesBase: string): string {
  return new URL(page, pagesBase.endsWith("/") ? pagesBase : `${pagesBase}/`).href;
}

/**
 * The MSAL configuration for the pages under `pagesBase` ({@link pagesBaseOf}, e.g. `https://localhost:3000/` or
 * `https://contoso.example/illustrate/`; register `<pagesBase>redirect.html` as the SPA redirect URI).
 * - Local issuer: `protocolMode: "OIDC"` under `system` (MSAL v5 ignores it under `auth`) and the issuer's
 *   `host:port` as known authority (shared/docs/toolchain.md).
 * - Tokens in `localStorage` so a reloaded pane signs in silently; MSAL keeps the cache, we never do.
 * - `redirectUri` is the v5 redirect bridge page (learn.microsoft.com/entra/msal/javascript/browser/redirect-bridge).
 */
export function msalConfiguration(config: IllustrateConfig, pagesBase: string): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      ...(config.localIssuer ? { knownAuthorities: [new URL(config.authority).host] } : {}),
      redirectUri: pageUrl(REDIRECT_BRIDGE_PAGE, pagesBase),
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
