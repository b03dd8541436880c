// Entry of auth-dialog.html: signs in with a redirect inside the Office dialog and messages the result to the pane.
import { createStandardPublicClientApplication } from "@azure/msal-browser";
import { readConfig } from "../core/config";
// The page entry localizes itself from the pane's strings (one home for every user-visible string).
import { localizePage } from "../taskpane/strings/localizePage";
import type { Translate } from "../taskpane/strings/strings";
import type { DialogMessage } from "./dialogProtocol";
import { AUTH_DIALOG_PAGE, interactiveRequest, msalConfiguration, pageUrl as pageUrlUnder, pagesBaseOf } from "./msalConfig";

function setStatus(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text; // text only: nothing from MSAL or the identity provider is rendered as HTML
}

function send(t: Translate, message: DialogMessage): void {
  setStatus(message.status === "success" ? t("dialog.signedIn") : message.message);
  Office.context.ui.messageParent(JSON.stringify(message));
}

async function run(t: Translate): Promise<void> {
  const config = readConfig();
  const pagesBase = pagesBaseOf(location.href);
  const pageUrl = pageUrlUnder(AUTH_DIALOG_PAGE, pagesBase);
  const base = msalConfiguration(config, pagesBase);
  // The response comes back to this page itself (a full-page redirect, not the bridge's BroadcastChannel).
  const client = await createStandardPublicClientApplication({ ...base, auth: { ...base.auth, redirectUri: pageUrl } });
  const result = await client.handleRedirectPromise({ navigateToLoginRequestUrl: false });
  if (result?.account) {
    send(t, {
      status: "success",
      accessToken: result.accessToken,
      expiresOn: result.expiresOn?.getTime() ?? Date.now() + 5 * 60_000,
      scopes: result.scopes,
      account: {
        homeAccountId: result.account.homeAccountId,
        name: result.account.name ?? result.account.username,
        username: result.account.username,
      },
    });
    return;
  }
  const loginHint = new URLSearchParams(location.search).get("loginHint") ?? undefined;
  await client.loginRedirect({ ...interactiveRequest(config, config.scopes, loginHint), redirectUri: pageUrl });
}

Office.onReady(async () => {
  // English is bundled in this page; another language is a chunk (English if it fails to load: never rejects).
  const t = await localizePage("dialog.signInTitle");
  setStatus(t("dialog.signingIn"));
  await run(t).catch((error: unknown) => {
    const code = (error as { errorCode?: string } | null)?.errorCode ?? "sign_in_failed";
    send(t, { status: "error", code, message: error instanceof Error ? error.message : String(error) });
  });
});
