// The seam between the image client and sign-in: all of MSAL lives behind it.

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
