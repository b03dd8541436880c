// End to end in Chromium: sign in through MSAL at the local issuer (real login page in a popup), generate, insert;
// reload → signed in silently from MSAL's cache, no prompt; every image request carries the bearer token.
import path from "node:path";
import type { Page, Request } from "playwright-core";
import { E2E_ARTIFACTS as ARTIFACTS, useBrowserPage } from "../support/browser";
import { ensureSignedIn } from "../support/signIn";
import { generate, insertResult, PANE_URL, PROMPT, useSelection } from "../support/workbenchPage";

jest.setTimeout(240_000);

/** Each test its own browser profile: it signs in itself, so none relies on another test's session. */
let page: Page;
const imageRequests: Request[] = [];
const popups: Page[] = [];
useBrowserPage({
  pagePer: "profile",
  onPage: (opened) => {
    page = opened;
    page.on("popup", (popup) => popups.push(popup));
    page.on("request", (request) => {
      if (request.url().includes("/v1/images/") && request.method() === "POST") imageRequests.push(request);
    });
  },
});

const wordPane = () => page.locator('[data-pane-host="workbench-word"]');

/** Selects the prompt paragraph, takes it into the pane, Generate → Option 1 → Insert; resolves when the picture is in. */
async function generateAndInsert(): Promise<void> {
  const paragraph = page
    .getByRole("region", { name: /^Word page/ })
    .locator("p", { hasText: PROMPT })
    .first();
  await paragraph.click({ clickCount: 3 });
  const pane = wordPane();
  await useSelection(page, pane);
  await generate(pane);
  const picture = paragraph.locator("xpath=following-sibling::*[1]").locator("img");
  await insertResult(page, pane, picture);
  expect(await picture.getAttribute("alt")).toBe(PROMPT);
}

/** Opens the Word page in this test's fresh profile and signs in as `account` (MSAL popup at the issuer). */
async function openSignedIn(account = "Ada Lovelace"): Promise<void> {
  await page.goto(`${PANE_URL}/workbench.html?doc=word`);
  await ensureSignedIn(page, wordPane(), account);
}

/** The JWT payload of a request's bearer token (the test reads it; the app never does). */
async function bearerClaims(request: Request): Promise<Record<string, unknown>> {
  const authorization = (await request.allHeaders()).authorization ?? "";
  expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  return JSON.parse(Buffer.from(authorization.split(".")[1], "base64url").toString("utf8"));
}

describe("sign-in", () => {
  it("signs in through MSAL at the local issuer, then generates and inserts with the access token", async () => {
    await page.goto(`${PANE_URL}/workbench.html?doc=word`);
    const pane = wordPane();
    await pane.getByText("Not signed in").waitFor({ state: "visible", timeout: 30_000 });

    const [popup] = await Promise.all([page.waitForEvent("popup"), pane.getByRole("button", { name: "Sign in" }).click()]);
    // The issuer's real sign-in page, reached through MSAL's authorize request (code + PKCE).
    await popup.getByRole("heading", { name: "Sign in" }).waitFor({ state: "visible", timeout: 30_000 });
    expect(new URL(popup.url()).port).not.toBe(new URL(PANE_URL).port);
    await popup.screenshot({ path: path.join(ARTIFACTS, "signin-issuer.png") });
    await Promise.all([popup.waitForEvent("close", { timeout: 30_000 }), popup.getByRole("button", { name: /Ada Lovelace/ }).click()]);

    await pane.getByText("Signed in as Ada Lovelace").waitFor({ state: "visible", timeout: 30_000 });
    await generateAndInsert();
    expect(imageRequests.length).toBeGreaterThan(0);
    expect(await bearerClaims(imageRequests[imageRequests.length - 1])).toMatchObject({
      aud: "api://illustrate-gateway",
      scp: "Images.Create",
      sub: "ada",
      preferred_username: "ada@illustrate.dev",
    });
    await page.screenshot({ path: path.join(ARTIFACTS, "signin-inserted.png") });
  });

  it("after a reload, is signed in silently (no popup, no login page) and generates again", async () => {
    await openSignedIn();
    const popupsBefore = popups.length;
    const requestsBefore = imageRequests.length;
    await page.reload();
    await wordPane().getByText("Signed in as Ada Lovelace").waitFor({ state: "visible", timeout: 30_000 });
    await generateAndInsert();
    expect(popups.length).toBe(popupsBefore);
    expect(imageRequests.length).toBeGreaterThan(requestsBefore);
    expect(await bearerClaims(imageRequests[imageRequests.length - 1])).toMatchObject({ sub: "ada" });
  });

  it("after signing out, asks to sign in instead of calling the image service without a token", async () => {
    await openSignedIn();
    const pane = wordPane();
    await page
      .getByRole("region", { name: /^Word page/ })
      .locator("p", { hasText: PROMPT })
      .first()
      .click({ clickCount: 3 });
    await useSelection(page, pane);
    await pane.getByRole("button", { name: "Sign out" }).click();
    await pane.getByText("Not signed in").waitFor({ state: "visible", timeout: 10_000 });
    const requestsBefore = imageRequests.length;
    await pane.getByRole("button", { name: "Generate", exact: true }).click();
    await pane.getByRole("button", { name: "Sign in" }).first().waitFor({ state: "visible", timeout: 10_000 });
    expect(imageRequests.length).toBe(requestsBefore);
    expect(await pane.getByRole("textbox", { name: "Prompt" }).inputValue()).toBe(PROMPT);
  });

  it("signs in again as another account: the issuer shows its account page despite its session", async () => {
    await openSignedIn(); // Ada: the issuer now has a session
    await wordPane().getByRole("button", { name: "Sign out" }).click();
    await wordPane().getByText("Not signed in").waitFor({ state: "visible", timeout: 10_000 });
    const popupsBefore = popups.length;
    await ensureSignedIn(page, wordPane(), "Grace Hopper"); // picks Grace Hopper on the issuer's page in the popup
    expect(popups.length).toBe(popupsBefore + 1);
  });
});
