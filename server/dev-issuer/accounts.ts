// The development accounts of the local OpenID Connect issuer (fictional people; no passwords).

/** One development account. `oid` mimics Entra ID's object id so the gateway reads the same claim in both. */
export interface DevAccount {
  /** Login name typed or picked on the sign-in page, also the token's `sub`. */
  id: string;
  /** Stable object id (GUID), the token's `oid`. */
  oid: string;
  /** Display name (`name` claim). */
  name: string;
  /** Sign-in name (`preferred_username` claim), shown by MSAL as `account.username`. */
  username: string;
  /** E-mail (`email` claim). */
  email: string;
}

/** The accounts the sign-in page offers. */
export const DEV_ACCOUNTS: readonly DevAccount[] = [
  {
    id: "ada",
    oid: "6f1c5a3e-0ada-4c1e-9a11-000000000001",
    name: "Ada Lovelace",
    username: "ada@illustrate.dev",
    email: "ada@illustrate.dev",
  },
  {
    id: "grace",
    oid: "6f1c5a3e-0ace-4c1e-9a11-000000000002",
    name: "Grace Hopper",
    username: "grace@illustrate.dev",
    email: "grace@illustrate.dev",
  },
  {
    id: "alan",
    oid: "6f1c5a3e-0a1a-4c1e-9a11-000000000003",
    name: "Alan Turing",
    username: "alan@illustrate.dev",
    email: "alan@illustrate.dev",
  },
];

/** The account with login name `id` (case-insensitive, also accepts the sign-in name), or undefined. */
export function findDevAccount(id: string): DevAccount | undefined {
  const wanted = id.trim().toLowerCase();
  return DEV_ACCOUNTS.find((account) => account.id === wanted || account.username === wanted);
}
