// Signing keys and cookie keys of the local issuer: made on first start, kept in ~/.illustrate-dev-issuer/.
import { createHash, generateKeyPairSync, randomBytes, type JsonWebKey } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** Private material of the issuer. Never committed: it lives in the user's home or only in memory. */
export interface IssuerKeys {
  /** Private JWKs (RS256) the issuer signs ID and access tokens with; the public halves are served at /jwks. */
  jwks: { keys: JsonWebKey[] };
  /** Keys that sign the issuer's session and interaction cookies. */
  cookieKeys: string[];
}

/** Where the keys are kept unless `ILLUSTRATE_ISSUER_HOME` says otherwise. */
export function defaultKeyDirectory(): string {
  return process.env.ILLUSTRATE_ISSUER_HOME || join(homedir(), ".illustrate-dev-issuer");
}

/** A new RSA signing key as a private JWK with `kid` (its SHA-256 thumbprint prefix), `alg` and `use`. */
export function generateSigningKey(): JsonWebKey {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = privateKey.export({ format: "jwk" });
  const kid = createHash("sha256").update(`${jwk.n}.${jwk.e}`).digest("base64url").slice(0, 16);
  return { ...jwk, kid, alg: "RS256", use: "sig" };
}

/** Fresh keys held only in memory (tests). */
export function generateIssuerKeys(): IssuerKeys {
  return { jwks: { keys: [generateSigningKey()] }, cookieKeys: [randomBytes(32).toString("base64url")] };
}

function isIssuerKeys(value: unknown): value is IssuerKeys {
  const candidate = value as Partial<IssuerKeys> | null;
  return (
    Array.isArray(candidate?.jwks?.keys) && candidate.jwks.keys.length > 0 && Array.isArray(candidate.cookieKeys) && candidate.cookieKeys.length > 0
  );
}

/**
 * Reads the keys from `directory/keys.json`, creating the file (mode 0600, directory 0700) when missing or
 * unreadable, so tokens and browser sessions survive an issuer restart.
 * @throws Error when the directory cannot be written.
 */
export function loadOrCreateIssuerKeys(directory = defaultKeyDirectory()): IssuerKeys {
  const file = join(directory, "keys.json");
  try {
    const stored: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (isIssuerKeys(stored)) return stored;
  } catch {
    // missing or corrupt: make new keys below
  }
  const keys = generateIssuerKeys();
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  chmodSync(file, 0o600);
  return keys;
}
