// The seam between the image client and sign-in (all of MSAL lives behind it in src/auth), and its one error. Pure
// types and one error class, in core so that src/imaging and src/auth both build on it without importing each other.

/** Options for {@link TokenProvider.getToken}. */
export interface GetTokenOptions {
  /** Allow a popup or dialog when a silent token cannot be had. @default false */
  interactive?: boolean;
  /** Skip MSAL's cache and fetch a new access token (after a 401). @default false */
  forceRefresh?: boolean;
}

/** Hands out access tokens for the image API. */
export interface TokenProvider {
  /**
   * Returns an access token for `scopes`.
   * @throws SignInRequiredError when no token can be had without interaction and `interactive` is false.
   */
  getToken(scopes: string[], options?: GetTokenOptions): Promise<string>;
}

/** The signed-in account as the pane shows it. */
export interface SignedInAccount {
  /** Display name, e.g. "Ada Lovelace". */
  name: string;
  /** Sign-in name, e.g. "ada@contoso.com". */
  username: string;
  /**
   * MSAL's `AccountInfo.homeAccountId` (`<oid>.<tid>`): stable for the person, never reused; keys the picture
   * library's per-account partition (`src/library/accountPartition`).
   */
  homeAccountId: string;
}

/** Sign-in state for the pane: who is signed in, sign in, sign out. Implemented over MSAL in src/auth. */
export interface AccountSession extends TokenProvider {
  /** The account MSAL has cached, or null. Does not trigger any network or UI. */
  getAccount(): SignedInAccount | null;
  /** Interactive sign-in (popup, then Office dialog fallback). */
  signIn(): Promise<SignedInAccount>;
  signOut(): Promise<void>;
  /** Notifies when the account changes. Returns an unsubscribe. */
  subscribe(listener: (account: SignedInAccount | null) => void): () => void;
}

/**
 * No token could be had without the person signing in (again): thrown by {@link TokenProvider.getToken}
 * (MSAL `InteractionRequiredAuthError`), and by the image client after the API refused a fresh token.
 */
export class SignInRequiredError extends Error {
  override name = "SignInRequiredError";
}
