// Signs a development account in at the local issuer without a browser: authorization code + PKCE over HTTPS.
import { createHash, randomBytes } from "node:crypto";
import { request } from "node:https";
import { DEV_ACCOUNTS } from "./accounts";
import { GATEWAY_SCOPE_URI, PANE_CLIENT_ID } from "./settings";

/** Options of {@link signInWithCodeFlow}. */
export interface CodeFlowOptions {
  /** Base URL of the local issuer, e.g. `https://localhost:3002`. */
  issuerUrl: string;
  /** Development account id (`ada`, `grace`, `alan`). */
  account: string;
  /** CA certificate (PEM) that signed the issuer's TLS certificate. */
  ca: Buffer | string;
  /** A redirect URI registered for the client; never fetched, the code is read from the `Location` header. */
  redirectUri?: string;
  /** @default ["openid", "profile", "offline_access", "api://illustrate-gateway/Images.Create"] */
  scopes?: string[];
}

/** The token endpoint's answer (RFC 6749 §5.1). */
export interface CodeFlowTokens {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  token_type: string;
  expires_in: number;
  scope?: string;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const base64url = (bytes: Buffer): string => bytes.toString("base64url");

/** A minimal cookie jar for one sign-in (the issuer's cookies are all host-only on one origin). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

function send(url: URL, ca: Buffer | string, jar: CookieJar, form?: URLSearchParams): Promise<RawResponse> {
  const body = form?.toString();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: form ? "POST" : "GET",
        ca,
        headers: {
          cookie: jar.header(),
          accept: "application/json, text/html",
          ...(body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) }),
        },
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          jar.store(res.headers["set-cookie"]);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${url.origin} did not answer within 10 s`)));
    req.on("error", reject);
    req.end(body);
  });
}

function redirectTarget(response: RawResponse, base: URL, step: string): URL {
  const location = response.headers.location;
  if (response.status < 300 || response.status >= 400 || typeof location !== "string") {
    throw new Error(`${step}: expected a redirect, got HTTP ${response.status}: ${response.body.slice(0, 300)}`);
  }
  return new URL(location, base);
}

/**
 * Performs the authorization code flow with PKCE as MSAL would, picking `account` on the issuer's sign-in page.
 * @returns the token response (access token for the gateway, ID token, refresh token).
 * @throws Error naming the failed step (unknown account, issuer down, TLS, `error` in the redirect).
 */
export async function signInWithCodeFlow(options: CodeFlowOptions): Promise<CodeFlowTokens> {
  const { issuerUrl, account, ca } = options;
  const redirectUri = options.redirectUri ?? "https://localhost:3000/redirect.html";
  const scopes = options.scopes ?? ["openid", "profile", "offline_access", GATEWAY_SCOPE_URI];
  const jar = new CookieJar();
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));

  const authorize = new URL("/auth", issuerUrl);
  authorize.search = new URLSearchParams({
    client_id: PANE_CLIENT_ID,
    response_type: "code",
    redirect_uri: redirectUri,
    scope: scopes.join(" "),
    state,
    nonce: base64url(randomBytes(16)),
    code_challenge: base64url(createHash("sha256").update(verifier).digest()),
    code_challenge_method: "S256",
    // oidc-provider keeps `offline_access` (a refresh token) only with prompt=consent (OIDC Core §11); consent
    // itself is implied for the first-party pane, so this adds no page.
    prompt: "consent",
  }).toString();
  // Follow the issuer's redirects as a browser would; answer the sign-in page (a 200 form) with the account.
  let next = redirectTarget(await send(authorize, ca, jar), authorize, "authorize");
  for (let hop = 0; hop < 8 && !next.href.startsWith(redirectUri); hop++) {
    const page = await send(next, ca, jar);
    if (page.status === 200) {
      const submitted = await send(next, ca, jar, new URLSearchParams({ login: account }));
      if (submitted.status === 400) {
        const known = DEV_ACCOUNTS.map((a) => a.id).join(", ");
        throw new Error(`sign-in: the issuer has no development account "${account}"; use one of: ${known}`);
      }
      next = redirectTarget(submitted, next, "sign-in");
    } else {
      next = redirectTarget(page, next, "sign-in");
    }
  }
  if (!next.href.startsWith(redirectUri)) throw new Error(`sign-in: the issuer never redirected back (last: ${next.pathname})`);
  const callback = next;
  const error = callback.searchParams.get("error");
  if (error) throw new Error(`authorize: ${error}: ${callback.searchParams.get("error_description") ?? ""}`);
  if (callback.searchParams.get("state") !== state) throw new Error("authorize: state mismatch");
  const code = callback.searchParams.get("code");
  if (!code) throw new Error("authorize: no code in the redirect");

  const tokenUrl = new URL("/token", issuerUrl);
  const tokenResponse = await send(
    tokenUrl,
    ca,
    jar,
    new URLSearchParams({
      grant_type: "authorization_code",
      client_id: PANE_CLIENT_ID,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  );
  if (tokenResponse.status !== 200) {
    throw new Error(`token: HTTP ${tokenResponse.status}: ${tokenResponse.body.slice(0, 300)}`);
  }
  return JSON.parse(tokenResponse.body) as CodeFlowTokens;
}
