// The pane's AccountSession over MSAL: silent → popup → Office dialog, sign-out, account change notifications.
import {
  EventType,
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { IllustrateConfig } from "../core/config";
import type { DialogSuccess } from "./dialogProtocol";
import { interactiveRequest, silentRequest } from "./msalConfig";
import type { AuthDialogOpener } from "./officeDialog";
import { SignInRequiredError, type AccountSession, type GetTokenOptions, type SignedInAccount } from "../core/TokenProvider";

/** The part of MSAL's `IPublicClientApplication` the session uses (standard or nested client; fakes in tests). */
export type MsalClient = Pick<
  IPublicClientApplication,
  | "acquireTokenSilent"
  | "acquireTokenPopup"
  | "ssoSilent"
  | "getAllAccounts"
  | "getActiveAccount"
  | "setActiveAccount"
  | "clearCache"
  | "addEventCallback"
>;

/** What {@link MsalSession} needs besides the client. */
export interface MsalSessionOptions {
  config: IllustrateConfig;
  /** The Office user's sign-in name (`Office.auth.getAuthContext().userPrincipalName`) when the host has one. */
  loginHint?: () => Promise<string | undefined>;
  /** Opens auth-dialog.html in an Office dialog; absent outside Office (a blocked popup then fails as is). */
  openDialog?: AuthDialogOpener;
  /** Absolute URL of auth-dialog.html. */
  dialogUrl?: string;
  /** Clock in epoch milliseconds (tests). @default Date.now */
  now?: () => number;
}

/** A sign-in through the Office dialog failed or was cancelled; `code` is MSAL's or `user_cancelled`. */
export class SignInDialogError extends Error {
  override name = "SignInDialogError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** MSAL errors after which only the person can help (sign in again), besides `InteractionRequiredAuthError`. */
const NEEDS_INTERACTION = new Set(["no_account_error", "no_tokens_found", "login_required", "monitor_window_timeout", "timed_out"]);

/** Popup failures that mean "this host cannot show MSAL's popup" (not a cancel): the Office dialog takes over. */
const POPUP_BLOCKED = new Set(["popup_window_error", "empty_window_error"]);

const errorCode = (error: unknown): string | undefined => (error as { errorCode?: unknown } | null)?.errorCode as string | undefined;

function needsInteraction(error: unknown): boolean {
  return error instanceof InteractionRequiredAuthError || NEEDS_INTERACTION.has(errorCode(error) ?? "");
}

function toSignedIn(account: Pick<AccountInfo, "name" | "username" | "homeAccountId">): SignedInAccount {
  return { name: account.name || account.username, username: account.username, homeAccountId: account.homeAccountId };
}

/** Seconds of validity a dialog-issued token must still have to be handed out. */
const DIALOG_TOKEN_MARGIN_MS = 5 * 60_000;

/**
 * {@link AccountSession} over an MSAL client. `getToken` goes silent first (cached token, refresh token, or SSO with
 * the Office login hint), then — only when `interactive` — a popup; a blocked popup (`popup_window_error`, as in
 * some Office hosts) falls back to the Office dialog (shared/docs/office-hosts.md, "Auth").
 * Tokens stay in MSAL's cache; the one exception is a token the Office dialog returned, held in memory until it is
 * five minutes from expiry, because the dialog's browser storage is not the pane's in Office desktop.
 */
export class MsalSession implements AccountSession {
  private readonly listeners = new Set<(account: SignedInAccount | null) => void>();
  private dialogResult: DialogSuccess | undefined;
  private lastEmitted: string | undefined;
  private readonly now: () => number;

  constructor(
    private readonly client: MsalClient,
    private readonly options: MsalSessionOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.lastEmitted = this.getAccount()?.username;
    client.addEventCallback(() => this.emitIfChanged(), [
      EventType.LOGIN_SUCCESS,
      EventType.ACQUIRE_TOKEN_SUCCESS,
      EventType.ACTIVE_ACCOUNT_CHANGED,
      EventType.LOGOUT_SUCCESS,
    ]);
  }

  getAccount(): SignedInAccount | null {
    const account = this.msalAccount();
    if (account) return toSignedIn(account);
    return this.dialogResult ? toSignedIn(this.dialogResult.account) : null;
  }

  /**
   * @throws SignInRequiredError when no token can be had silently and `interactive` is false.
   * @throws SignInDialogError when the dialog fallback fails; MSAL's errors (e.g. `user_cancelled`) pass through.
   */
  async getToken(scopes: string[], options: GetTokenOptions = {}): Promise<string> {
    const forceRefresh = options.forceRefresh ?? false;
    let cause: unknown;
    const account = this.msalAccount();
    if (account) {
      try {
        return (await this.client.acquireTokenSilent(silentRequest(scopes, account, forceRefresh))).accessToken;
      } catch (error) {
        if (!needsInteraction(error)) throw error;
        cause = error;
      }
    } else {
      const fromDialog = this.dialogToken(scopes, forceRefresh);
      if (fromDialog) return fromDialog;
      const loginHint = await this.options.loginHint?.();
      if (loginHint) {
        try {
          return this.adopt(await this.client.ssoSilent({ scopes, loginHint })).accessToken;
        } catch (error) {
          if (!needsInteraction(error)) throw error;
          cause = error;
        }
      }
    }
    if (!options.interactive) throw new SignInRequiredError("Sign in to create pictures", { cause });
    return (await this.interact(scopes)).accessToken;
  }

  async signIn(): Promise<SignedInAccount> {
    await this.interact(this.options.config.scopes);
    const account = this.getAccount();
    if (!account) throw new SignInDialogError("no_account", "Sign-in finished without an account");
    return account;
  }

  /** Forgets the account and its tokens in this pane (MSAL `clearCache`); the identity provider's session stays. */
  async signOut(): Promise<void> {
    const account = this.msalAccount();
    this.dialogResult = undefined;
    await this.client.clearCache(account ? { account } : undefined);
    this.client.setActiveAccount(null);
    this.emitIfChanged();
  }

  subscribe(listener: (account: SignedInAccount | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private msalAccount(): AccountInfo | null {
    return this.client.getActiveAccount() ?? this.client.getAllAccounts()[0] ?? null;
  }

  private dialogToken(scopes: string[], forceRefresh: boolean): string | undefined {
    const held = this.dialogResult;
    if (!held || forceRefresh || held.expiresOn - this.now() < DIALOG_TOKEN_MARGIN_MS) return undefined;
    return scopes.every((scope) => held.scopes.includes(scope)) ? held.accessToken : undefined;
  }

  private adopt(result: AuthenticationResult): AuthenticationResult {
    if (result.account) this.client.setActiveAccount(result.account);
    this.emitIfChanged();
    return result;
  }

  /** Popup; when the host blocks it (`popup_window_error`, `empty_window_error`) the Office dialog. */
  private async interact(scopes: string[]): Promise<{ accessToken: string }> {
    const loginHint = await this.options.loginHint?.();
    const request = interactiveRequest(this.options.config, scopes, loginHint);
    try {
      return this.adopt(await this.client.acquireTokenPopup(request));
    } catch (error) {
      if (!POPUP_BLOCKED.has(errorCode(error) ?? "") || !this.options.openDialog || !this.options.dialogUrl) throw error;
    }
    const url = new URL(this.options.dialogUrl);
    if (loginHint) url.searchParams.set("loginHint", loginHint);
    const message = await this.options.openDialog(url.href);
    if (message.status === "error") throw new SignInDialogError(message.code, message.message);
    this.dialogResult = message;
    this.emitIfChanged();
    return message;
  }

  private emitIfChanged(): void {
    const account = this.getAccount();
    if (account?.username === this.lastEmitted) return;
    this.lastEmitted = account?.username;
    for (const listener of this.listeners) listener(account);
  }
}
