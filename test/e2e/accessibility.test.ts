// End to end in Chromium: axe-core finds no serious or critical accessibility violation in the pane's states
// (signed out, signed in in each theme, results, History open, an error shown), and that the check can fail.
import type { Page, Route } from "playwright-core";
import en from "../../src/taskpane/strings/en.json";
import { expectNoSeriousA11yViolations, seriousA11yViolations, WORD_PANE } from "../support/accessibility";
import { useBrowserPage } from "../support/browser";
import { generate, openWorkbench, PANE_URL, PROMPT, useSelection } from "../support/workbenchPage";

jest.setTimeout(240_000);

/** One page for the file: the states follow one person's session (signed in, results, History, an error). */
let page: Page;
const browserPage = useBrowserPage({ pagePer: "file", onPage: (opened) => (page = opened) });

const wordPane = () => page.locator(WORD_PANE);

/** Signed in, the prompt paragraph taken into the pane, at least one result on screen. */
async function withResults(): Promise<void> {
  const { document, pane } = await openWorkbench(page, "word");
  await document.locator("p", { hasText: PROMPT }).click({ clickCount: 3 });
  await useSelection(page, pane);
  await generate(pane);
  await pane.getByRole("heading", { name: en.results.heading }).waitFor({ state: "visible" });
}

describe("accessibility (axe-core: no serious or critical violations)", () => {
  it("signed out", async () => {
    // A context of its own: no MSAL cache, so the pane stays signed out.
    const context = await browserPage.browser.browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 } });
    try {
      const fresh = await context.newPage();
      await fresh.goto(`${PANE_URL}/workbench.html?doc=word&fresh`);
      const pane = fresh.locator(WORD_PANE);
      await pane.getByText(en.account.signedOut).waitFor({ state: "visible", timeout: 30_000 });
      await pane.getByRole("button", { name: en.account.signIn }).first().waitFor({ state: "visible", timeout: 30_000 });
      await expectNoSeriousA11yViolations(fresh, WORD_PANE, "signed out");
    } finally {
      await context.close();
    }
  });

  it("signed in", async () => {
    const { pane } = await openWorkbench(page, "word");
    await pane.getByRole("button", { name: en.generate.button, exact: true }).waitFor({ state: "visible" });
    await expectNoSeriousA11yViolations(page, WORD_PANE, "signed in");
  });

  it.each(["dark", "highContrast"] as const)("signed in, %s theme", async (theme) => {
    const { pane } = await openWorkbench(page, "word", { theme });
    await pane.getByRole("button", { name: en.generate.button, exact: true }).waitFor({ state: "visible" });
    await expectNoSeriousA11yViolations(page, WORD_PANE, `signed in, ${theme} theme`);
  });

  it("the check itself sees a serious violation (a low-contrast line put into the pane)", async () => {
    await openWorkbench(page, "word");
    await wordPane().evaluate((pane) => {
      const line = document.createElement("p");
      line.id = "a11y-check-probe";
      line.textContent = "Light grey on white";
      line.setAttribute("style", "color: #c8c8c8; background: #ffffff");
      pane.prepend(line);
    });
    try {
      const violations = await seriousA11yViolations(page, WORD_PANE);
      expect(violations.filter((v) => v.rule === "color-contrast").flatMap((v) => v.nodes.map((n) => n.target))).toContain("#a11y-check-probe");
    } finally {
      await page.evaluate(() => document.getElementById("a11y-check-probe")?.remove());
    }
  });

  it("results", async () => {
    await withResults();
    await expectNoSeriousA11yViolations(page, WORD_PANE, "results");
  });

  it("History (the picture library) open", async () => {
    await withResults();
    const pane = wordPane();
    const header = pane.getByRole("button", { name: /^History \(/ });
    if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
    await pane.getByRole("list", { name: en.library.listLabel }).getByRole("listitem").first().waitFor({ state: "visible", timeout: 30_000 });
    await expectNoSeriousA11yViolations(page, WORD_PANE, "History open");
  });

  it("an error shown (the content filter refused the prompt)", async () => {
    const { document, pane } = await openWorkbench(page, "word");
    await document.locator("p", { hasText: PROMPT }).click({ clickCount: 3 });
    await useSelection(page, pane);
    // The gateway's envelope for a refused prompt; the preflight still goes to the real gateway.
    await page.route("**/v1/images/generations", async (route: Route) => {
      if (route.request().method() !== "POST") return route.continue();
      const origin = route.request().headers().origin ?? PANE_URL;
      await route.fulfill({
        status: 400,
        headers: { "content-type": "application/json", "access-control-allow-origin": origin, "access-control-allow-credentials": "true" },
        body: JSON.stringify({ error: { code: "content_policy_violation", type: "content_filtered", message: "The prompt was blocked." } }),
      });
    });
    try {
      await pane.getByRole("button", { name: en.generate.button, exact: true }).click();
      await pane.getByText(en.error.api.content_filtered).waitFor({ state: "visible", timeout: 30_000 });
      await expectNoSeriousA11yViolations(page, WORD_PANE, "error shown");
    } finally {
      await page.unroute("**/v1/images/generations");
    }
  });
});
