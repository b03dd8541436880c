// Signs the workbench's pane in at the local issuer (MSAL popup → the issuer's dev sign-in page → a dev account).
import type { Locator, Page } from "playwright-core";

/** The development account the E2E tests sign in with (server/dev-issuer/accounts.ts). */
export const E2E_ACCOUNT = "Ada Lovelace";

/**
 * Makes sure `pane` is signed in: nothing to do when MSAL's cache already has the account (shown as "Signed in
 * as …"); else Sign in → the issuer's page in MSAL's popup → the account. Resolves once the pane shows it.
 * @throws when the pane shows neither state within 30 s or the popup does not complete.
 */
export async function ensureSignedIn(page: Page, pane: Locator, account = E2E_ACCOUNT): Promise<void> {
  const signedIn = pane.getByText(`Signed in as ${account}`);
  const signedOut = pane.getByText("Not signed in");
  await signedIn.or(signedOut).first().waitFor({ state: "visible", timeout: 30_000 });
  if (await signedIn.isVisible()) return;
  const [popup] = await Promise.all([page.waitForEvent("popup"), pane.getByRole("button", { name: "Sign in" }).click()]);
  await popup.getByRole("heading", { name: "Sign in" }).waitFor({ state: "visible", timeout: 30_000 });
  await Promise.all([popup.waitForEvent("close", { timeout: 30_000 }), popup.getByRole("button", { name: new RegExp(account) }).click()]);
  await signedIn.waitFor({ state: "visible", timeout: 30_000 });
}
