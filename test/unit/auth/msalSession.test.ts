// MsalSession: silent → popup → Office dialog, forced refresh, sign-out, account notifications (fake MSAL client).
import { BrowserAuthError, InteractionRequiredAuthError } from "@azure/msal-browser";
import { DEFAULT_CONFIG } from "../../../src/core/config";
import { MsalSession, SignInDialogError } from "../../../src/auth/msalSession";
import type { DialogMessage } from "../../../src/auth/dialogProtocol";
import { SignInRequiredError } from "../../../src/core/TokenProvider";
import { FakeMsalClient, account, result } from "./fakeMsal";

const SCOPES = DEFAULT_CONFIG.scopes;
const ada = account("ada@illustrate.dev", "Ada Lovelace");
const DIALOG_URL = "https://localhost:3000/auth-dialog.html";

function dialogSuccess(token: string, expiresInMs = 3600_000): DialogMessage {
  return {
    status: "success",
    accessToken: token,
    expiresOn: Date.now() + expiresInMs,
    scopes: SCOPES,
    account: { homeAccountId: "grace", name: "Grace Hopper", username: "grace@illustrate.dev" },
  };
}

describe("MsalSession", () => {
  let client: FakeMsalClient;

  beforeEach(() => {
    client = new FakeMsalClient();
  });

  it("returns the silent token of the cached account without any UI", async () => {
    client.accounts = [ada];
    client.silent.push(result("silent-token", ada));
    const session = new MsalSession(client, { config: DEFAULT_CONFIG });
    expect(session.getAccount()).toEqual({ name: "Ada Lovelace", username: "ada@illustrate.dev", homeAccountId: "ada@illustrate.dev.local" });
    await expect(session.getToken(SCOPES)).resolves.toBe("silent-token");
    expect(client.acquireTokenSilent).toHaveBeenCalledWith({ scopes: SCOPES, account: ada, forceRefresh: false });
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it("passes forceRefresh: true after a 401", async () => {
    client.accounts = [ada];
    client.silent.push(result("fresh-token", ada));
    const session = new MsalSession(client, { config: DEFAULT_CONFIG });
    await expect(session.getToken(SCOPES, { forceRefresh: true })).resolves.toBe("fresh-token");
    expect(client.acquireTokenSilent).toHaveBeenCalledWith(expect.objectContaining({ forceRefresh: true }));
  });

  it("throws the pane's SignInRequiredError when interaction is required and the call is not interactive", async () => {
    client.accounts = [ada];
    const expired = new InteractionRequiredAuthError("interaction_required", "");
    client.silent.push(expired);
    const session = new MsalSession(client, { config: DEFAULT_CONFIG });
    const failure = session.getToken(SCOPES);
    await expect(failure).rejects.toBeInstanceOf(SignInRequiredError);
    await expect(failure.catch((error: Error) => error.cause)).resolves.toBe(expired);
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it("asks for sign-in when nobody is signed in and Office has no login hint", async () => {
    const session = new MsalSession(client, { config: DEFAULT_CONFIG, loginHint: async () => undefined });
    await expect(session.getToken(SCOPES)).rejects.toBeInstanceOf(SignInRequiredError);
    expect(client.ssoSilent).not.toHaveBeenCalled();
  });

  it("goes silent → interaction required → popup when interactive, with the local issuer's prompt and the Office hint", async () => {
    client.accounts = [ada];
    client.silent.push(new InteractionRequiredAuthError("login_required", ""));
    client.popup.push(result("popup-token", ada));
    const session = new MsalSession(client, { config: DEFAULT_CONFIG, loginHint: async () => "ada@illustrate.dev" });
    await expect(session.getToken(SCOPES, { interactive: true })).resolves.toBe("popup-token");
    expect(client.acquireTokenPopup).toHaveBeenCalledWith({ scopes: SCOPES, prompt: "login consent", loginHint: "ada@illustrate.dev" });
    expect(client.setActiveAccount).toHaveBeenCalledWith(ada);
  });

  it("signs in silently with the Office login hint (ssoSilent) when MSAL has no account yet", async () => {
    client.sso.push(result("sso-token", ada));
    const session = new MsalSession(client, { config: DEFAULT_CONFIG, loginHint: async () => "ada@illustrate.dev" });
    const seen: unknown[] = [];
    session.subscribe((who) => seen.push(who));
    await expect(session.getToken(SCOPES)).resolves.toBe("sso-token");
    expect(client.ssoSilent).toHaveBeenCalledWith({ scopes: SCOPES, loginHint: "ada@illustrate.dev" });
    expect(seen).toEqual([{ name: "Ada Lovelace", username: "ada@illustrate.dev", homeAccountId: "ada@illustrate.dev.local" }]);
  });

  it("signIn uses select_account with Entra ID and notifies subscribers once", async () => {
    const entra = { ...DEFAULT_CONFIG, authority: "https://login.microsoftonline.com/contoso.onmicrosoft.com", localIssuer: false };
    client.popup.push(result("popup-token", ada));
    const session = new MsalSession(client, { config: entra });
    const seen: unknown[] = [];
    session.subscribe((who) => seen.push(who));
    await expect(session.signIn()).resolves.toEqual({
      name: "Ada Lovelace",
      username: "ada@illustrate.dev",
      homeAccountId: "ada@illustrate.dev.local",
    });
    expect(client.acquireTokenPopup).toHaveBeenCalledWith({ scopes: SCOPES, prompt: "select_account" });
    // MSAL's own success event must not announce the same account again.
    client.callbacks.forEach((callback) => callback({ eventType: "msal:loginSuccess" } as never));
    expect(seen).toEqual([{ name: "Ada Lovelace", username: "ada@illustrate.dev", homeAccountId: "ada@illustrate.dev.local" }]);
  });

  it("falls back to the Office dialog on popup_window_error and uses its token until near expiry", async () => {
    client.popup.push(new BrowserAuthError("popup_window_error", ""));
    const openDialog = jest.fn(async () => dialogSuccess("dialog-token"));
    const session = new MsalSession(client, {
      config: DEFAULT_CONFIG,
      openDialog,
      dialogUrl: DIALOG_URL,
      loginHint: async () => "grace@illustrate.dev",
    });
    await expect(session.signIn()).resolves.toEqual({ name: "Grace Hopper", username: "grace@illustrate.dev", homeAccountId: "grace" });
    expect(openDialog).toHaveBeenCalledWith(`${DIALOG_URL}?loginHint=grace%40illustrate.dev`);
    await expect(session.getToken(SCOPES)).resolves.toBe("dialog-token");
    expect(client.acquireTokenPopup).toHaveBeenCalledTimes(1);
    // A 401 with the dialog's token: SSO with the hint is tried, then the person must sign in again.
    client.sso.push(new InteractionRequiredAuthError("login_required", ""));
    await expect(session.getToken(SCOPES, { forceRefresh: true })).rejects.toBeInstanceOf(SignInRequiredError);
  });

  it("does not hand out a dialog token within five minutes of its expiry", async () => {
    client.popup.push(new BrowserAuthError("popup_window_error", ""));
    const session = new MsalSession(client, { config: DEFAULT_CONFIG, openDialog: async () => dialogSuccess("old", 60_000), dialogUrl: DIALOG_URL });
    await session.signIn();
    await expect(session.getToken(SCOPES)).rejects.toBeInstanceOf(SignInRequiredError);
  });

  it("reports a cancelled dialog as SignInDialogError", async () => {
    client.popup.push(new BrowserAuthError("popup_window_error", ""));
    const openDialog = async (): Promise<DialogMessage> => ({ status: "error", code: "user_cancelled", message: "The sign-in dialog was closed" });
    const session = new MsalSession(client, { config: DEFAULT_CONFIG, openDialog, dialogUrl: DIALOG_URL });
    await expect(session.signIn()).rejects.toEqual(expect.objectContaining({ name: "SignInDialogError", code: "user_cancelled" }));
    expect(session.getAccount()).toBeNull();
  });

  it("does not open the dialog when the person closed the popup (user_cancelled)", async () => {
    const cancelled = new BrowserAuthError("user_cancelled", "");
    client.popup.push(cancelled);
    const openDialog = jest.fn();
    const session = new MsalSession(client, { config: DEFAULT_CONFIG, openDialog, dialogUrl: DIALOG_URL });
    await expect(session.signIn()).rejects.toBe(cancelled);
    expect(openDialog).not.toHaveBeenCalled();
  });

  it("lets a blocked popup fail as is outside Office (no dialog available)", async () => {
    const blocked = new BrowserAuthError("popup_window_error", "");
    client.popup.push(blocked);
    const session = new MsalSession(client, { config: DEFAULT_CONFIG });
    await expect(session.signIn()).rejects.toBe(blocked);
  });

  it("passes errors that a sign-in cannot fix (network) through unchanged", async () => {
    client.accounts = [ada];
    const offline = new BrowserAuthError("no_network_connectivity", "");
    client.silent.push(offline);
    const session = new MsalSession(client, { config: DEFAULT_CONFIG });
    await expect(session.getToken(SCOPES, { interactive: true })).rejects.toBe(offline);
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it("signOut clears MSAL's cache for the account, forgets the active account and tells subscribers", async () => {
    client.accounts = [ada];
    client.active = ada;
    const session = new MsalSession(client, { config: DEFAULT_CONFIG });
    const seen: unknown[] = [];
    session.subscribe((who) => seen.push(who));
    await session.signOut();
    expect(client.clearCache).toHaveBeenCalledWith({ account: ada });
    expect(client.active).toBeNull();
    expect(session.getAccount()).toBeNull();
    expect(seen).toEqual([null]);
    await expect(session.getToken(SCOPES)).rejects.toBeInstanceOf(SignInRequiredError);
  });

  it("stops notifying after unsubscribe", async () => {
    client.popup.push(result("t", ada));
    const session = new MsalSession(client, { config: DEFAULT_CONFIG });
    const listener = jest.fn();
    session.subscribe(listener)();
    await session.signIn();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe("SignInDialogError", () => {
  it("carries the code", () => {
    expect(new SignInDialogError("access_denied", "denied")).toMatchObject({ code: "access_denied", message: "denied" });
  });
});
