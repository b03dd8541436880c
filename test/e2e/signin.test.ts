// End to end in Chromium: sign in through MSAL at the local issuer (real login page in a popup), generate, insert;
// reload → signed in silently from MSAL's cache, no prompt; every image request carries the bearer token.
import fs from "node:fs";
import path from "node:path";
import type { Page, Request } from "playwright-core";
import { launchBrowser, type E2EBrowser } from "./browser";

/** The pane's origin; E2E_PANE_URL lets the test run against servers on other ports. */
const PANE_URL = process.env.E2E_PANE_URL ?? "https://localhost:3000";
const PROMPT = "A misty mountain lake at dawn";
const ARTIFACTS = path.resolve(__dirname, "artifacts");

jest.setTimeout(240_000);

let browser: E2EBrowser;
let page: Page;
const imageRequests: Request[] = [];
const popups: Page[] = [];

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  page.on("popup", (popup) => popups.push(popup));
  page.on("request", (request) => {
    if (request.url().includes("/v1/images/") && request.method() === "POST") imageRequests.push(request);
  });
});

afterAll(async () => {
  await browser?.close();
});

const wordPane = () => page.locator('[data-pane-host="workbench-word"]');

/** Selects the prompt paragraph, takes it into the pane, Generate → Option 1 → Insert; resolves when the picture is in. */
async function generateAndInsert(): Promise<void> {
  const wordPage = page.getByRole("region", { name: /^Word page/ });
  const paragraph = wordPage.locator("p", { hasText: PROMPT }).first();
  await paragraph.click({ clickCount: 3 });
  const pane = wordPane();
  await pane.getByRole("button", { name: "Use selection" }).click();
  await pane.getByRole("button", { name: "Generate" }).click();
  const option = pane.getByRole("radio", { name: "Option 1" });
  await option.waitFor({ state: "visible", timeout: 120_000 });
  await option.check();
  await pane.getByRole("button", { name: /^Insert/ }).click();
  const picture = paragraph.locator("xpath=following-sibling::*[1]").locator("img");
  await picture.waitFor({ state: "visible", timeout: 30_000 });
  expect(await picture.getAttribute("alt")).toBe(PROMPT);
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
    const pane = wordPane();
    await pane.getByRole("button", { name: "Sign out" }).click();
    await pane.getByText("Not signed in").waitFor({ state: "visible", timeout: 10_000 });
    const requestsBefore = imageRequests.length;
    await pane.getByRole("button", { name: "Generate" }).click();
    await pane.getByRole("button", { name: "Sign in" }).first().waitFor({ state: "visible", timeout: 10_000 });
    expect(imageRequests.length).toBe(requestsBefore);
    expect(await pane.getByRole("textbox", { name: "Prompt" }).inputValue()).toBe(PROMPT);
  });

  it("signs in again as another account: the issuer shows its account page despite its session", async () => {
    const pane = wordPane();
    const [popup] = await Promise.all([page.waitForEvent("popup"), pane.getByRole("button", { name: "Sign in" }).first().click()]);
    await Promise.all([popup.waitForEvent("close", { timeout: 30_000 }), popup.getByRole("button", { name: /Grace Hopper/ }).click()]);
    await pane.getByText("Signed in as Grace Hopper").waitFor({ state: "visible", timeout: 30_000 });
  });
});
