// One IndexedDB database per account: its name is a hash of the account's stable id, never the email.
import { LibraryUnavailableError } from "./errors";

/**
 * Who the library belongs to. MSAL's `AccountInfo.homeAccountId` (`<oid>.<tid>`), or the tenant id and object id
 * (`tid`, `oid` claims) — both stable for a person across sign-ins and unlike the username never reused.
 * `null`: signed out (the local "not signed in" partition).
 */
export type LibraryAccount = { homeAccountId: string } | { tenantId: string; objectId: string } | null;

/** Prefix of every library database name, so they can be told apart from other data of the origin. */
export const DATABASE_PREFIX = "illustrate-library-";

/** The database name of the signed-out partition. */
export const SIGNED_OUT_DATABASE = `${DATABASE_PREFIX}signed-out`;

/** The stable key of an account: `homeAccountId`, or `<oid>.<tid>` as MSAL forms it. */
function accountKey(account: Exclude<LibraryAccount, null>): string {
  const key = "homeAccountId" in account ? account.homeAccountId : `${account.objectId}.${account.tenantId}`;
  if (!key.trim() || key.includes("@"))
    throw new LibraryUnavailableError("The library needs the account's id (homeAccountId or tid+oid), not its email");
  return key.toLowerCase();
}

/**
 * The IndexedDB database name of `account`'s library: {@link DATABASE_PREFIX} + the first 128 bits of
 * SHA-256("illustrate-library:" + account key), hex. Partitioning keeps one account's pictures out of another's
 * lists on a shared machine; the hash keeps names and emails out of the origin's database list. It is not
 * encryption: anyone with the browser profile can read the data.
 * @param subtle Web Crypto (`crypto.subtle`, in browsers and Node ≥ 20).
 */
export async function libraryDatabaseName(account: LibraryAccount, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  if (account === null) return SIGNED_OUT_DATABASE;
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(`illustrate-library:${accountKey(account)}`));
  const hex = [...new Uint8Array(digest).slice(0, 16)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${DATABASE_PREFIX}${hex}`;
}
