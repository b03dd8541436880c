// Token-verification settings of the gateway from AUTH_* environment variables (local issuer by default).
import { isLoopbackUrl } from "../../../src/core/protocol/loopback";
import { parseList } from "../../shared/env";

/** Signature algorithms the gateway accepts: asymmetric only (never `none`, never HS*). */
export const ALLOWED_ALGORITHMS = ["RS256", "PS256", "ES256"] as const;

/** What an access token must satisfy. */
export interface AuthConfig {
  /** Expected `iss`, exactly: the local issuer `https://localhost:3002` or `https://login.microsoftonline.com/<tenant>/v2.0`. */
  issuer: string;
  /** Accepted `aud` values (any one): `api://illustrate-gateway`, or the gateway app's client id for Entra v2 tokens. */
  audiences: string[];
  /** The issuer's published keys (JWKS). */
  jwksUrl: string;
  /** Delegated permission required in `scp` (space-separated list), e.g. `Images.Create`. */
  requiredScope: string;
  /** Application role accepted instead, in `roles` (app-only tokens). */
  requiredRole: string;
  /** Allowed clock difference for `exp`/`nbf`, in seconds. */
  clockToleranceS: number;
  /** Accepted `alg` values (subset of {@link ALLOWED_ALGORITHMS}). */
  algorithms: string[];
  /** Extra CA (PEM) to trust when fetching the JWKS: the dev CA for the local issuer; absent for Entra ID. */
  ca?: Buffer | string;
}

/** The local development issuer (server/dev-issuer). */
export const LOCAL_ISSUER = "https://localhost:3002";

const ENTRA_V2_ISSUER = /^https:\/\/login\.microsoftonline\.com\/([^/]+)\/v2\.0$/;

/** True when `issuer` is on this machine (then the dev CA must be trusted for its JWKS). */
export function isLoopbackIssuer(issuer: string): boolean {
  return isLoopbackUrl(issuer);
}

/** The JWKS URL of an issuer: Entra ID v2 `…/<tenant>/discovery/v2.0/keys`, otherwise oidc-provider's `/jwks`. */
export function defaultJwksUrl(issuer: string): string {
  const entra = ENTRA_V2_ISSUER.exec(issuer);
  if (entra) return `https://login.microsoftonline.com/${entra[1]}/discovery/v2.0/keys`;
  return `${issuer.replace(/\/$/, "")}/jwks`;
}

/**
 * Reads `AUTH_ISSUER`, `AUTH_AUDIENCE` (comma-separated), `AUTH_JWKS_URL`, `AUTH_REQUIRED_SCOPE`,
 * `AUTH_REQUIRED_ROLE`, `AUTH_CLOCK_TOLERANCE_S` and `AUTH_ALGORITHMS`. The CA is left to the caller.
 * @throws Error naming the variable when a value is malformed (non-https issuer, unknown algorithm, …).
 */
export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const issuer = env.AUTH_ISSUER?.trim() || LOCAL_ISSUER;
  const jwksUrl = env.AUTH_JWKS_URL?.trim() || defaultJwksUrl(issuer);
  for (const [name, value] of [
    ["AUTH_ISSUER", issuer],
    ["AUTH_JWKS_URL", jwksUrl],
  ] as const) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`${name} must be an https URL, got "${value}"`);
    }
    if (url.protocol !== "https:") throw new Error(`${name} must be an https URL, got "${value}"`);
  }
  const requiredScope = env.AUTH_REQUIRED_SCOPE?.trim() || "Images.Create";
  const tolerance = env.AUTH_CLOCK_TOLERANCE_S?.trim();
  const clockToleranceS = tolerance ? Number(tolerance) : 60;
  if (!Number.isInteger(clockToleranceS) || clockToleranceS < 0 || clockToleranceS > 300) {
    throw new Error(`AUTH_CLOCK_TOLERANCE_S must be an integer 0-300 (seconds), got "${tolerance}"`);
  }
  const algorithms = parseList(env.AUTH_ALGORITHMS, ALLOWED_ALGORITHMS);
  const refused = algorithms.filter((alg) => !(ALLOWED_ALGORITHMS as readonly string[]).includes(alg));
  if (refused.length > 0) {
    throw new Error(`AUTH_ALGORITHMS may only list ${ALLOWED_ALGORITHMS.join(", ")}; refused: ${refused.join(", ")}`);
  }
  return {
    issuer,
    audiences: parseList(env.AUTH_AUDIENCE, ["api://illustrate-gateway"]),
    jwksUrl,
    requiredScope,
    requiredRole: env.AUTH_REQUIRED_ROLE?.trim() || requiredScope,
    clockToleranceS,
    algorithms,
  };
}
