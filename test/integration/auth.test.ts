// The gateway refuses every bad bearer token with 401 and a specific code, and never calls the provider then.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { SignJWT, base64url, exportJWK, exportSPKI, generateKeyPair, type JWK, type KeyLike } from "jose";
import { buildApp } from "../../server/gateway/app";
import { createAuthenticate } from "../../server/gateway/auth/authenticate";
import { readAuthConfig, type AuthConfig } from "../../server/gateway/auth/config";
import type { GenerateContext, ImageProvider, NormalizedGenerateRequest } from "../../server/providers/Provider";
import { loadDevTls } from "../../server/shared/devTls";
import { httpsCall } from "./auth-helpers";

const ISSUER = "https://issuer-a.test";
const AUDIENCE = "api://illustrate-gateway";
const OID = "11111111-2222-3333-4444-555555555555";
const BODY = { prompt: "A misty mountain lake at dawn", size: "1024x1024" };

/** A provider that records what reaches it. */
class RecordingProvider implements ImageProvider {
  readonly info = { provider: "fake", model: "recording", offline: true };
  readonly calls: { request: NormalizedGenerateRequest; userId?: string }[] = [];
  async generate(request: NormalizedGenerateRequest, ctx: GenerateContext) {
    this.calls.push({ request, userId: ctx.userId });
    return [{ b64_json: "iVBORw0KGgo=" }];
  }
}

/** An issuer's key pair and its public JWK. */
interface IssuerKey {
  privateKey: KeyLike;
  publicKey: KeyLike;
  jwk: JWK;
}

async function makeKey(kid: string, alg = "RS256"): Promise<IssuerKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } };
}

/** Serves `{ keys }` at /jwks over HTTPS with the development certificate, as an issuer would. */
async function serveJwks(keys: JWK[]): Promise<{ url: string; server: Server; hits: () => number }> {
  const tls = await loadDevTls();
  let hits = 0;
  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    hits++;
    res.writeHead(req.url === "/jwks" ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `https://localhost:${(server.address() as AddressInfo).port}/jwks`, server, hits: () => hits };
}

const now = () => Math.floor(Date.now() / 1000);

/** POSTs the generation body to a listening gateway over HTTPS (Fastify's inject cannot load under Jest on Node 20). */
async function postGeneration(app: FastifyInstance, authorization?: string) {
  const { port } = app.server.address() as AddressInfo;
  const answer = await httpsCall(`https://localhost:${port}/v1/images/generations`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(BODY),
  });
  return { ...answer, statusCode: answer.status, json: () => JSON.parse(answer.body) as { error: { code: string; type: string } } };
}

/** The real gateway over HTTPS with the development certificate on a free loopback port. */
async function startGateway(provider: ImageProvider, config: AuthConfig): Promise<FastifyInstance> {
  const tls = await loadDevTls();
  const app = await buildApp({
    provider,
    allowedOrigins: ["https://localhost:3000"],
    authenticate: createAuthenticate(config),
    https: { key: tls.key, cert: tls.cert },
    logger: false,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  return app;
}

describe("gateway bearer-token verification", () => {
  let keyA: IssuerKey;
  let keyA2: IssuerKey;
  let keyB: IssuerKey;
  let jwksA: Awaited<ReturnType<typeof serveJwks>>;
  let config: AuthConfig;
  let provider: RecordingProvider;
  let app: FastifyInstance;

  /** A token as issuer A would sign it; `claims` and `header` override the defaults. */
  function sign(claims: Record<string, unknown> = {}, options: { key?: IssuerKey; kid?: string; iat?: number } = {}): Promise<string> {
    const key = options.key ?? keyA;
    const issuedAt = options.iat ?? now();
    const payload = {
      iss: ISSUER,
      aud: AUDIENCE,
      sub: "ada",
      iat: issuedAt,
      exp: issuedAt + 3600,
      scp: "Images.Create",
      oid: OID,
      name: "Ada Lovelace",
      ...claims,
    };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: key.jwk.alg as string, kid: options.kid ?? (key.jwk.kid as string), typ: "at+jwt" })
      .sign(key.privateKey);
  }

  const generate = (authorization?: string) => postGeneration(app, authorization);

  beforeAll(async () => {
    [keyA, keyA2, keyB] = await Promise.all([makeKey("a-1"), makeKey("a-2", "ES256"), makeKey("b-1")]);
    jwksA = await serveJwks([keyA.jwk, keyA2.jwk]);
    const { ca } = await loadDevTls();
    config = { ...readAuthConfig({ AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE, AUTH_JWKS_URL: jwksA.url }), ca };
  });

  afterAll(async () => {
    await new Promise((resolve) => jwksA.server.close(resolve));
  });

  beforeEach(async () => {
    provider = new RecordingProvider();
    app = await startGateway(provider, config);
  });

  afterEach(async () => {
    await app.close();
  });

  async function expectRefused(authorization: string | undefined, code: string, challenge: RegExp = /error="invalid_token"/) {
    const response = await generate(authorization);
    expect({ status: response.statusCode, code: response.json().error.code }).toEqual({ status: 401, code });
    expect(response.json().error.type).toBe("unauthorized");
    expect(response.headers["www-authenticate"]).toMatch(/^Bearer realm="illustrate-gateway"/);
    expect(response.headers["www-authenticate"]).toMatch(challenge);
    expect(response.body).not.toContain(authorization?.slice(7) || "never-empty");
    expect(provider.calls).toHaveLength(0);
  }

  it("accepts a valid token and passes the user's oid to the provider", async () => {
    const response = await generate(`Bearer ${await sign()}`);
    expect(response.statusCode).toBe(200);
    expect(provider.calls).toEqual([expect.objectContaining({ userId: OID })]);
  });

  it("accepts a token signed with the issuer's other published key (ES256) and uses sub without oid", async () => {
    const response = await generate(`Bearer ${await sign({ oid: undefined }, { key: keyA2 })}`);
    expect(response.statusCode).toBe(200);
    expect(provider.calls[0].userId).toBe("ada");
  });

  it("accepts an app role instead of the delegated scope", async () => {
    const response = await generate(`Bearer ${await sign({ scp: undefined, roles: ["Images.Create"] })}`);
    expect(response.statusCode).toBe(200);
  });

  it("tolerates 60 s of clock skew on exp and nbf", async () => {
    const skewed = await new SignJWT({ scp: "Images.Create", sub: "ada" })
      .setProtectedHeader({ alg: "RS256", kid: "a-1" })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setNotBefore(now() + 30)
      .setExpirationTime(now() - 30)
      .sign(keyA.privateKey);
    expect((await generate(`Bearer ${skewed}`)).statusCode).toBe(200);
  });

  it("refuses a request without a token (bare challenge naming the scope)", async () => {
    await expectRefused(undefined, "missing_token", /scope="Images.Create"/);
    await expectRefused("Basic YWRhOnB3", "missing_token", /scope="Images.Create"/);
  });

  it("refuses a malformed token", async () => {
    await expectRefused("Bearer not-a-jwt", "malformed_token");
    await expectRefused(`Bearer ${base64url.encode("{oops")}.${base64url.encode("{}")}.c2ln`, "malformed_token");
  });

  it("refuses an expired token", async () => {
    await expectRefused(`Bearer ${await sign({ exp: now() - 120 }, { iat: now() - 3720 })}`, "token_expired");
  });

  it("refuses a token without exp", async () => {
    const token = await new SignJWT({ scp: "Images.Create", sub: "ada" })
      .setProtectedHeader({ alg: "RS256", kid: "a-1" })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(keyA.privateKey);
    await expectRefused(`Bearer ${token}`, "malformed_token");
  });

  it("refuses a token that is not valid yet", async () => {
    await expectRefused(`Bearer ${await sign({ nbf: now() + 600 })}`, "token_not_yet_valid");
  });

  it("refuses a token from the wrong issuer (same key)", async () => {
    await expectRefused(`Bearer ${await sign({ iss: "https://evil.test" })}`, "wrong_issuer");
  });

  it("refuses a token for another audience (e.g. an ID token)", async () => {
    await expectRefused(`Bearer ${await sign({ aud: "illustrate-pane-dev" })}`, "wrong_audience");
  });

  it("refuses a token without the Images.Create scope", async () => {
    await expectRefused(`Bearer ${await sign({ scp: "User.Read Images.Read" })}`, "missing_scope", /error="insufficient_scope"/);
    await expectRefused(`Bearer ${await sign({ scp: undefined })}`, "missing_scope", /error="insufficient_scope"/);
  });

  it("refuses alg: none", async () => {
    const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }));
    const payload = base64url.encode(JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: "ada", scp: "Images.Create", exp: now() + 600 }));
    await expectRefused(`Bearer ${header}.${payload}.`, "unsupported_alg");
  });

  it("refuses HS256 signed with the issuer's public key (algorithm confusion)", async () => {
    const pem = await exportSPKI(keyA.publicKey);
    const header = base64url.encode(JSON.stringify({ alg: "HS256", kid: "a-1", typ: "JWT" }));
    const payload = base64url.encode(JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: "ada", scp: "Images.Create", exp: now() + 600 }));
    const signature = createHmac("sha256", pem).update(`${header}.${payload}`).digest("base64url");
    await expectRefused(`Bearer ${header}.${payload}.${signature}`, "unsupported_alg");
  });

  it("refuses a token whose payload was changed after signing", async () => {
    const [header, payload, signature] = (await sign({ scp: "Images.Read" })).split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const tampered = base64url.encode(JSON.stringify({ ...claims, scp: "Images.Create", oid: "someone-else" }));
    await expectRefused(`Bearer ${header}.${tampered}.${signature}`, "bad_signature");
  });

  it("refuses a token signed with a key the issuer does not publish (unknown kid)", async () => {
    const rogue = await makeKey("a-9");
    await expectRefused(`Bearer ${await sign({}, { key: rogue })}`, "unknown_key");
  });

  it("refuses a token from another issuer's real key, under its own kid or under ours", async () => {
    await expectRefused(`Bearer ${await sign({ iss: "https://issuer-b.test" }, { key: keyB })}`, "unknown_key");
    await expectRefused(`Bearer ${await sign({}, { key: keyB, kid: "a-1" })}`, "bad_signature");
  });

  it("answers 503 (not 401) when the issuer's keys cannot be fetched, and generates nothing", async () => {
    const down: AuthConfig = { ...config, jwksUrl: "https://localhost:1/jwks" };
    const offline = await startGateway(provider, down);
    const response = await postGeneration(offline, `Bearer ${await sign()}`);
    await offline.close();
    expect({ status: response.statusCode, code: response.json().error.code }).toEqual({ status: 503, code: "issuer_keys_unavailable" });
    expect(provider.calls).toHaveLength(0);
  });
});

describe("readAuthConfig", () => {
  it("defaults to the local issuer", () => {
    expect(readAuthConfig({})).toMatchObject({
      issuer: "https://localhost:3002",
      audiences: ["api://illustrate-gateway"],
      jwksUrl: "https://localhost:3002/jwks",
      requiredScope: "Images.Create",
      clockToleranceS: 60,
      algorithms: ["RS256", "PS256", "ES256"],
    });
  });

  it("derives Entra ID v2 keys from the tenant issuer", () => {
    const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    expect(readAuthConfig({ AUTH_ISSUER: `https://login.microsoftonline.com/${tenant}/v2.0`, AUTH_AUDIENCE: "api://x,0000-app-id" })).toMatchObject({
      jwksUrl: `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
      audiences: ["api://x", "0000-app-id"],
    });
  });

  it("refuses symmetric algorithms and plain-http issuers", () => {
    expect(() => readAuthConfig({ AUTH_ALGORITHMS: "RS256,HS256" })).toThrow(/AUTH_ALGORITHMS.*HS256/);
    expect(() => readAuthConfig({ AUTH_ISSUER: "http://localhost:3002" })).toThrow(/AUTH_ISSUER must be an https URL/);
  });
});
