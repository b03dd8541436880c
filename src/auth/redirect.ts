// Entry of redirect.html: MSAL v5's redirect bridge hands the sign-in response to the page that asked for it.
import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";

broadcastResponseToMainFrame().catch((error: unknown) => {
  const status = document.getElementById("status");
  // Text only: nothing from the URL or the identity provider is rendered as HTML.
  if (status) status.textContent = `Sign-in could not finish: ${error instanceof Error ? error.message : String(error)}. Close this window and try again.`;
});
