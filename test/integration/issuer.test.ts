// The local issuer end to end: discovery, code flow with PKCE per account, tokens the gateway accepts, CORS, refresh.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { decodeJwt } from "jose";
import { buildApp } from "../../server/gateway/app";
import { createAuthenticate } from "../../server/gateway/auth/authenticate";
import { readAuthConfig } from "../../server/gateway/auth/config";
import { DEV_ACCOUNTS } from "../../server/dev-issuer/accounts";
import { signInWithCodeFlow } from "../../server/dev-issuer/codeFlow";
import type { ImageProvider } from "../../server/providers/Provider";
import { loadDevTls } from "../../server/shared/devTls";
import { httpsCall, spawnDevIssuer, type SpawnedIssuer } from "./auth-helpers";

jest.setTimeout(90_000);

describe("local OpenID Connect issuer", () => {
  let issuer: SpawnedIssuer;
  let ca: Buffer;

  beforeAll(async () => {
    issuer = await spawnDevIssuer();
    ({ ca } = await loadDevTls());
  });

  afterAll(async () => {
    await issuer?.stop();
  });

  it("publishes discovery with code + PKCE (S256) and RS256 keys", async () => {
    const discovery = JSON.parse((await httpsCall(`${issuer.url}/.well-known/openid-configuration`)).body);
    expect(discovery).toMatchObject({
      issuer: issuer.url,
      jwks_uri: `${issuer.url}/jwks`,
      code_challenge_methods_supported: ["S256"],
      id_token_signing_alg_values_supported: ["RS256"],
    });
    const jwks = JSON.parse((await httpsCall(discovery.jwks_uri)).body);
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: "RSA", alg: "RS256", use: "sig", kid: expect.any(String) })]);
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it.each(DEV_ACCOUNTS.map((account) => [account.id, account] as const))(
    "signs %s in and issues an Entra-shaped access token for the gateway",
    async (_id, account) => {
      const tokens = await signInWithCodeFlow({ issuerUrl: issuer.url, account: account.id, ca });
      expect(decodeJwt(tokens.access_token)).toMatchObject({
        iss: issuer.url,
        aud: "api://illustrate-gateway",
        scp: "Images.Create",
        sub: account.id,
        oid: account.oid,
        name: account.name,
        preferred_username: account.username,
        client_id: "illustrate-pane-dev",
      });
      // The ID token carries what MSAL shows for the account (conformIdTokenClaims: false).
      expect(decodeJwt(tokens.id_token ?? "")).toMatchObject({
        aud: "illustrate-pane-dev",
        name: account.name,
        preferred_username: account.username,
      });
      expect(tokens.refresh_token).toEqual(expect.any(String));
    },
  );

  it("refuses an account that does not exist", async () => {
    await expect(signInWithCodeFlow({ issuerUrl: issuer.url, account: "mallory", ca })).rejects.toThrow(/no development account "mallory"/);
  });

  it("refuses a redirect URI that is not registered", async () => {
    await expect(signInWithCodeFlow({ issuerUrl: issuer.url, account: "ada", ca, redirectUri: "https://evil.test/callback" })).rejects.toThrow(
      /authorize: expected a redirect, got HTTP 400/,
    );
  });

  it("issues tokens the gateway accepts, with the user's oid reaching the provider", async () => {
    const calls: (string | undefined)[] = [];
    const provider: ImageProvider = {
      info: { provider: "fake", model: "recording", offline: true },
      generate: async (_request, ctx) => {
        calls.push(ctx.userId);
        return [{ b64_json: "iVBORw0KGgo=" }];
      },
    };
    const tls = await loadDevTls();
    const config = { ...readAuthConfig({ AUTH_ISSUER: issuer.url }), ca: tls.ca };
    const app = await buildApp({ provider, allowedOrigins: [], authenticate: createAuthenticate(config), https: tls, logger: false });
    await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const gateway = `https://localhost:${(app.server.address() as AddressInfo).port}/v1/images/generations`;
      const post = (authorization: string) =>
        httpsCall(gateway, {
          method: "POST",
          headers: { authorization, "content-type": "application/json" },
          body: JSON.stringify({ prompt: "A red kite", size: "1024x1024" }),
        });
      const grace = await signInWithCodeFlow({ issuerUrl: issuer.url, account: "grace", ca });
      expect((await post(`Bearer ${grace.access_token}`)).status).toBe(200);
      expect(calls).toEqual([DEV_ACCOUNTS[1].oid]);
      // The ID token is for the pane, not the gateway.
      const refused = await post(`Bearer ${grace.id_token}`);
      expect({ status: refused.status, code: JSON.parse(refused.body).error.code }).toEqual({ status: 401, code: "wrong_audience" });
      expect(calls).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it("allows CORS on the token endpoint for the pane's origin only", async () => {
    const preflight = (origin: string) =>
      httpsCall(`${issuer.url}/token`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    expect((await preflight("https://localhost:3000")).headers["access-control-allow-origin"]).toBe("https://localhost:3000");
    const tokens = await signInWithCodeFlow({ issuerUrl: issuer.url, account: "ada", ca });
    const refresh = (origin: string) =>
      httpsCall(`${issuer.url}/token`, {
        method: "POST",
        headers: { origin, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "refresh_token",
          refresh_token: tokens.refresh_token ?? "",
          client_id: "illustrate-pane-dev",
        }).toString(),
      });
    const foreign = await refresh("https://evil.test");
    expect(foreign.headers["access-control-allow-origin"]).toBeUndefined();
    expect(foreign.status).toBe(400);
    // Refresh (as MSAL's acquireTokenSilent does) gives a new access token with the same scope.
    const refreshed = await refresh("https://localhost:3000");
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(JSON.parse(refreshed.body).access_token)).toMatchObject({ aud: "api://illustrate-gateway", scp: "Images.Create", sub: "ada" });
  });

  it("npm run dev-token prints a token for an account, and refuses any authority but the local issuer", () => {
    const root = resolve(__dirname, "../..");
    const run = (env: Record<string, string>, account = "alan") =>
      spawnSync(process.execPath, [require.resolve("tsx/cli"), "scripts/dev-token.ts", account], {
        cwd: root,
        env: { ...process.env, ...env },
        encoding: "utf8",
        timeout: 60_000,
      });
    const ok = run({ ISSUER_URL: issuer.url });
    expect(ok.status).toBe(0);
    expect(decodeJwt(ok.stdout.trim())).toMatchObject({ sub: "alan", aud: "api://illustrate-gateway", iss: issuer.url });

    const entra = run({ ISSUER_URL: issuer.url, ILLUSTRATE_AUTHORITY: "https://login.microsoftonline.com/contoso.onmicrosoft.com" });
    expect(entra.status).toBe(1);
    expect(entra.stdout).toBe("");
    expect(entra.stderr).toMatch(/only works against the local issuer/);

    const remote = run({ ISSUER_URL: "https://issuer.example.com" });
    expect(remote.status).toBe(1);
    expect(remote.stderr).toMatch(/ISSUER_URL must be the local issuer/);
  });
});
