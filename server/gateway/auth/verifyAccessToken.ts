// Verifies a bearer access token with jose against the issuer's JWKS; every failure names its check.
import { Agent } from "node:https";
import { createRemoteJWKSet, decodeProtectedHeader, errors as jose, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { GatewayError, AuthenticationError } from "../errors";
import type { AuthConfig } from "./config";

/** Why a token was refused (the envelope's `error.code`). */
export type TokenErrorCode =
  | "missing_token"
  | "malformed_token"
  | "token_expired"
  | "token_not_yet_valid"
  | "wrong_issuer"
  | "wrong_audience"
  | "missing_scope"
  | "bad_signature"
  | "unknown_key"
  | "unsupported_alg";

/** A verified caller. */
export interface VerifiedToken {
  /** `oid` (Entra ID object id) when present, else `sub`. */
  userId: string;
  claims: JWTPayload;
}

/** Largest accepted token, in characters (Entra tokens are ~2 KB; this only bounds the work). */
const MAX_TOKEN_LENGTH = 16 * 1024;
const JWS_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/; // empty signature: `alg: none`, refused below
const REALM = "illustrate-gateway";

/**
 * The 401 for a refused token: `WWW-Authenticate: Bearer realm, error="invalid_token"` (or `insufficient_scope`
 * for a missing scope), per RFC 6750 §3. A request without credentials gets the bare challenge (§3.1).
 */
export function tokenError(code: TokenErrorCode, description: string, config: Pick<AuthConfig, "requiredScope">): AuthenticationError {
  const challenge =
    code === "missing_token"
      ? `Bearer realm="${REALM}", scope="${config.requiredScope}"`
      : code === "missing_scope"
        ? `Bearer realm="${REALM}", error="insufficient_scope", error_description="${description}", scope="${config.requiredScope}"`
        : `Bearer realm="${REALM}", error="invalid_token", error_description="${description}"`;
  return new AuthenticationError(code, description, challenge);
}

function claimError(error: InstanceType<typeof jose.JWTClaimValidationFailed>, config: AuthConfig): AuthenticationError {
  switch (error.claim) {
    case "iss":
      return tokenError("wrong_issuer", "The token was not issued by the configured issuer", config);
    case "aud":
      return tokenError("wrong_audience", "The token is not meant for this API (audience)", config);
    case "nbf":
      return tokenError("token_not_yet_valid", "The token is not valid yet (nbf)", config);
    default:
      return tokenError("malformed_token", `The token's ${error.claim} claim is missing or invalid`, config);
  }
}

/** Maps what jose throws to the specific 401 (or a 503 when the issuer's keys cannot be fetched). */
function toAuthError(error: unknown, config: AuthConfig): GatewayError {
  if (error instanceof jose.JWTExpired) return tokenError("token_expired", "The token has expired", config);
  if (error instanceof jose.JWTClaimValidationFailed) return claimError(error, config);
  if (error instanceof jose.JWSSignatureVerificationFailed) return tokenError("bad_signature", "The token's signature does not verify", config);
  if (error instanceof jose.JWKSNoMatchingKey || error instanceof jose.JWKSMultipleMatchingKeys) {
    return tokenError("unknown_key", "The token was signed with a key the issuer does not publish", config);
  }
  if (error instanceof jose.JOSEAlgNotAllowed) return tokenError("unsupported_alg", "The token's algorithm is not accepted", config);
  if (error instanceof jose.JWKSTimeout || error instanceof jose.JWKSInvalid || !(error instanceof jose.JOSEError)) {
    return new GatewayError(503, "issuer_keys_unavailable", "upstream_unavailable", "The sign-in service's keys could not be read; try again", {
      cause: error,
    });
  }
  return tokenError("malformed_token", "The token is not a valid JWT", config);
}

/** The issuer's JWKS over HTTPS, cached by jose, refetched (at most every 30 s) when a `kid` is unknown. */
export function remoteKeys(config: Pick<AuthConfig, "jwksUrl" | "ca">): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(config.jwksUrl), {
    timeoutDuration: 5_000,
    cooldownDuration: 30_000,
    cacheMaxAge: 10 * 60_000,
    ...(config.ca ? { agent: new Agent({ ca: config.ca }) } : {}),
  });
}

/**
 * Creates a verifier: compact JWS syntax → `alg` in the allow-list → signature with the issuer's key by `kid` →
 * `iss`, `aud`, `exp` (required), `nbf` within the clock tolerance → `scp` contains the scope or `roles` the role.
 * @param keys key resolver; default: {@link remoteKeys} of `config`.
 * @returns `verify(token)`, which resolves with the user id or throws an `AuthenticationError` (401, specific
 *   code) — or a 503 `GatewayError` when the keys cannot be fetched. It never logs or echoes the token.
 */
export function createTokenVerifier(config: AuthConfig, keys: JWTVerifyGetKey = remoteKeys(config)) {
  return async function verify(token: string): Promise<VerifiedToken> {
    if (token.length > MAX_TOKEN_LENGTH || !JWS_COMPACT.test(token)) {
      throw tokenError("malformed_token", "The token is not a compact JWT (header.payload.signature)", config);
    }
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw tokenError("malformed_token", "The token header is not valid", config);
    }
    if (typeof alg !== "string" || !config.algorithms.includes(alg)) {
      throw tokenError("unsupported_alg", "The token's algorithm is not accepted", config);
    }
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, keys, {
        algorithms: config.algorithms,
        issuer: config.issuer,
        audience: config.audiences,
        clockTolerance: config.clockToleranceS,
        requiredClaims: ["exp"],
      }));
    } catch (error) {
      throw toAuthError(error, config);
    }
    const scopes = typeof claims.scp === "string" ? claims.scp.split(" ") : [];
    const roles = Array.isArray(claims.roles) ? claims.roles : [];
    if (!scopes.includes(config.requiredScope) && !roles.includes(config.requiredRole)) {
      throw tokenError("missing_scope", `The token lacks the ${config.requiredScope} permission`, config);
    }
    const userId = typeof claims.oid === "string" && claims.oid ? claims.oid : claims.sub;
    if (!userId) throw tokenError("malformed_token", "The token names no user (oid or sub)", config);
    return { userId, claims };
  };
}
