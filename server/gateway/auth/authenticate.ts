// The gateway's `authenticate` option: reads `Authorization: Bearer`, verifies the token, yields the user id.
import type { FastifyRequest } from "fastify";
import type { JWTVerifyGetKey } from "jose";
import type { AuthConfig } from "./config";
import { createTokenVerifier, tokenError } from "./verifyAccessToken";

const BEARER = /^Bearer[ ]+([^ ]+)[ ]*$/i;

/**
 * Creates the `authenticate` function for `buildApp` (server/gateway/app.ts): every `/v1/images/*` request
 * must carry `Authorization: Bearer <access token>` that passes {@link createTokenVerifier}.
 * @param keys key resolver for tests; default: the issuer's JWKS from `config.jwksUrl`.
 * @returns resolves `{ userId }` (`oid` or `sub`); throws `AuthenticationError` → 401 with `WWW-Authenticate`
 *   and a specific code (`missing_token`, `malformed_token`, `token_expired`, …). The token is never logged.
 */
export function createAuthenticate(config: AuthConfig, keys?: JWTVerifyGetKey) {
  const verify = createTokenVerifier(config, keys);
  return async function authenticate(request: FastifyRequest): Promise<{ userId: string }> {
    const header = request.headers.authorization;
    if (!header) throw tokenError("missing_token", "Sign in: the request has no Authorization header", config);
    const match = BEARER.exec(header);
    if (!match) throw tokenError("missing_token", 'The Authorization header must be "Bearer <access token>"', config);
    const { userId } = await verify(match[1]);
    return { userId };
  };
}
