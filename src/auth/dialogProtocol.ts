// The message the auth dialog (auth-dialog.html) sends to the pane with Office's `messageParent`.

/** The dialog signed the person in. Times in epoch milliseconds. */
export interface DialogSuccess {
  status: "success";
  accessToken: string;
  /** Expiry of `accessToken`, epoch milliseconds. */
  expiresOn: number;
  scopes: string[];
  account: { homeAccountId: string; name: string; username: string };
}

/** The dialog failed (the person cancelled at the issuer, a network error, …). */
export interface DialogFailure {
  status: "error";
  /** MSAL error code, e.g. `user_cancelled`, `access_denied`. */
  code: string;
  message: string;
}

export type DialogMessage = DialogSuccess | DialogFailure;

/**
 * Parses a dialog message; anything else becomes a `DialogFailure` with code `invalid_dialog_message`.
 * The message comes from our own page, but it is still checked before use (never trusted as HTML or code).
 */
export function parseDialogMessage(text: string): DialogMessage {
  try {
    const value = JSON.parse(text) as {
      status?: unknown;
      accessToken?: unknown;
      expiresOn?: unknown;
      scopes?: unknown;
      code?: unknown;
      account?: { username?: unknown };
    } | null;
    if (
      value?.status === "success" &&
      typeof value.accessToken === "string" &&
      typeof value.expiresOn === "number" &&
      Array.isArray(value.scopes) &&
      typeof value.account?.username === "string"
    ) {
      return value as unknown as DialogSuccess;
    }
    if (value?.status === "error" && typeof value.code === "string") return value as unknown as DialogFailure;
  } catch {
    // fall through
  }
  return { status: "error", code: "invalid_dialog_message", message: "The sign-in dialog answered something unexpected" };
}
