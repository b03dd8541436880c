// The oidc-provider configuration of the local issuer: the pane's SPA client, JWT access tokens for the gateway.
import Provider, { errors, type Configuration, type ErrorOut, type KoaContextWithOIDC } from "oidc-provider";
import { findDevAccount } from "./accounts";
import { escapeHtml } from "./interactions";
import type { IssuerKeys } from "./keys";
import { ACCESS_TOKEN_TTL_S, GATEWAY_AUDIENCE, GATEWAY_SCOPE, GATEWAY_SCOPE_URI, PANE_CLIENT_ID, paneRedirectUris } from "./settings";

/** What the local issuer is built from. */
export interface DevProviderOptions {
  /** Issuer identifier and base URL, e.g. `https://localhost:3002` (no trailing slash). */
  issuer: string;
  /** Origin of the pane pages registered as redirect URIs and allowed by CORS, e.g. `https://localhost:3000`. */
  paneOrigin: string;
  keys: IssuerKeys;
}

/** Path of the issuer's own sign-in page for one interaction (see ./interactions.ts). */
export const interactionPath = (uid: string): string => `/interaction/${uid}`;

/**
 * Creates the oidc-provider instance. Access tokens for `api://illustrate-gateway` are RS256 JWTs shaped like
 * Entra ID v2 delegated tokens (`aud`, `scp`, `oid`, `name`, `preferred_username`), so the gateway's verifier is
 * the same for both. Consent is implied for the first-party pane client (no consent page).
 */
export function createDevProvider({ issuer, paneOrigin, keys }: DevProviderOptions): Provider {
  const configuration: Configuration = {
    clients: [
      {
        client_id: PANE_CLIENT_ID,
        client_name: "Illustrate (development)",
        application_type: "web",
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: paneRedirectUris(paneOrigin),
        post_logout_redirect_uris: paneRedirectUris(paneOrigin),
      },
    ],
    jwks: keys.jwks as Configuration["jwks"],
    cookies: { keys: keys.cookieKeys },
    claims: {
      openid: ["sub"],
      profile: ["name", "preferred_username", "oid"],
      email: ["email", "email_verified"],
    },
    // MSAL shows `name` and `preferred_username` from the ID token (shared/docs/toolchain.md).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    clientBasedCORS: (_ctx, origin) => origin === paneOrigin,
    findAccount: (_ctx, sub) => {
      const account = findDevAccount(sub);
      if (!account) return undefined;
      return {
        accountId: account.id,
        claims: () => ({
          sub: account.id,
          oid: account.oid,
          name: account.name,
          preferred_username: account.username,
          email: account.email,
          email_verified: true,
        }),
      };
    },
    // First-party client: grant what it asks for without a consent page (oidc-provider's documented recipe).
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, result } = ctx.oidc;
      const grantId = result?.consent?.grantId || (client && session?.grantIdFor(client.clientId));
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid profile email offline_access");
      grant.addResourceScope(GATEWAY_AUDIENCE, GATEWAY_SCOPE_URI);
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => interactionPath(interaction.uid) },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // MSAL sends no `resource` parameter: the gateway is the only resource, as with Entra's scope URIs.
        defaultResource: () => GATEWAY_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== GATEWAY_AUDIENCE) throw new errors.InvalidTarget();
          return {
            scope: GATEWAY_SCOPE_URI,
            audience: GATEWAY_AUDIENCE,
            accessTokenTTL: ACCESS_TOKEN_TTL_S,
            accessTokenFormat: "jwt",
            jwt: { sign: { alg: "RS256" } },
          };
        },
      },
    },
    extraTokenClaims: async (_ctx, token) => {
      if (!("accountId" in token) || !token.accountId) return undefined;
      const account = findDevAccount(token.accountId);
      if (!account) return undefined;
      // Entra ID v2 puts the bare permission names in `scp` (space-separated).
      const granted = (token.scope ?? "").split(" ").includes(GATEWAY_SCOPE_URI);
      return {
        oid: account.oid,
        name: account.name,
        preferred_username: account.username,
        ...(granted ? { scp: GATEWAY_SCOPE } : {}),
      };
    },
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_S,
      AuthorizationCode: 60,
      IdToken: ACCESS_TOKEN_TTL_S,
      Interaction: 10 * 60,
      Session: 14 * 24 * 60 * 60,
      Grant: 14 * 24 * 60 * 60,
      RefreshToken: 14 * 24 * 60 * 60,
    },
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = errorPage(out);
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.proxy = false;
  return provider;
}

function errorPage(out: ErrorOut): string {
  const lines = Object.entries(out)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(String(value))}</dd>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><main><h1>Sign-in error</h1><dl>${lines}</dl></main></body></html>`;
}
