// Entry of redirect.html: MSAL v5's redirect bridge hands the sign-in response to the page that asked for it.
import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";

/** The page's strings in their own chunk: the bridge itself starts at once and never waits for them. */
const localized = import("../taskpane/strings/localizePage").then(({ localizePage }) => localizePage("dialog.signingIn"));

broadcastResponseToMainFrame().catch(async (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const t = await localized.catch(() => undefined);
  const status = document.getElementById("status");
  // Text only: nothing from the URL or the identity provider is rendered as HTML.
  if (status)
    status.textContent = t ? t("dialog.redirectFailed", { message }) : `Sign-in could not finish: ${message}. Close this window and try again.`;
});

void localized.then(
  (t) => {
    const status = document.getElementById("status");
    if (status) status.textContent = t("dialog.signingIn"); // runs before a failure's message (registered first)
  },
  () => undefined,
);
