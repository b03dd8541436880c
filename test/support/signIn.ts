// Signs the workbench's pane in at the local issuer (MSAL popup → the issuer's dev sign-in page → a dev account).
import type { Locator, Page } from "playwright-core";
import en from "../../src/taskpane/strings/en.json";

/** The development account the E2E tests sign in with (server/dev-issuer/accounts.ts). */
export const E2E_ACCOUNT = "Ada Lovelace";

/** The account bar's texts the sign-in steps look for, in the pane's language. */
export interface SignInLabels {
  signedInAs(name: string): string;
  signedOut: string;
  signIn: string;
}

/** {@link SignInLabels} from a strings table (`en.json` or another language's). */
export function signInLabels(table: Pick<typeof en, "account"> = en): SignInLabels {
  return {
    signedInAs: (name) => table.account.signedInAs.replace("{{name}}", name),
    signedOut: table.account.signedOut,
    signIn: table.account.signIn,
  };
}

/**
 * Makes sure `pane` is signed in: nothing to do when MSAL's cache already has the account (shown as "Signed in
 * as …" once MSAL has loaded); else Sign in → the issuer's page in MSAL's popup → the account. Resolves once the
 * pane shows the account.
 * @throws when the pane shows neither state within 30 s or the popup does not complete.
 */
export async function ensureSignedIn(page: Page, pane: Locator, account = E2E_ACCOUNT, labels: SignInLabels = signInLabels()): Promise<void> {
  const signedIn = pane.getByText(labels.signedInAs(account));
  const signedOut = pane.getByText(labels.signedOut);
  await signedIn.or(signedOut).first().waitFor({ state: "visible", timeout: 30_000 });
  // MSAL loads after the pane's first paint: "Not signed in" shows until the cached account (if any) arrives.
  const cached = await signedIn.waitFor({ state: "visible", timeout: 3_000 }).then(
    () => true,
    () => false,
  );
  if (cached) return;
  const popupOpened = page.waitForEvent("popup", { timeout: 30_000 });
  popupOpened.catch(() => undefined); // awaited below only when Sign in was clicked
  // `first()`: after a refused Generate the pane offers Sign in twice (account bar and message). On a loaded machine
  // MSAL can find the cached account after the 3 s above, and Sign in goes away: then there is nothing to click.
  const signInButton = pane.getByRole("button", { name: labels.signIn }).first();
  const clicked = await Promise.race([
    signInButton.click({ timeout: 30_000 }).then(() => true),
    signedIn.waitFor({ state: "visible", timeout: 30_000 }).then(() => false),
  ]);
  if (!clicked) return;
  // Either MSAL opens the issuer's page in a popup, or it finds the account without one.
  const outcome = await Promise.race([popupOpened, signedIn.waitFor({ state: "visible", timeout: 30_000 }).then(() => undefined)]);
  if (outcome) {
    await outcome.getByRole("heading", { name: "Sign in" }).waitFor({ state: "visible", timeout: 30_000 });
    await Promise.all([outcome.waitForEvent("close", { timeout: 30_000 }), outcome.getByRole("button", { name: new RegExp(account) }).click()]);
  } else {
    popupOpened.catch(() => undefined);
  }
  await signedIn.waitFor({ state: "visible", timeout: 30_000 });
}
