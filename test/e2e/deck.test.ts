// End to end in Chromium (issue 8): the workbench deck → Illustrate slides → Generate all → review → Insert accepted;
// a reload mid-run → Resume, no finished item generated again. Gateway requests are counted in the browser (page.route).
import type { Locator, Page, Route } from "playwright-core";
import { expectNoSeriousA11yViolations, WORD_PANE } from "../support/accessibility";
import { useBrowserPage } from "../support/browser";
import { openWorkbench, slideFrame, waitInPane } from "../support/workbenchPage";

jest.setTimeout(300_000);

let page: Page;
useBrowserPage({
  onPage: (opened) => {
    page = opened;
    // The page's console errors and warnings, so a failing run says why (a rejected promise in the panel, a chunk that did not load).
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") console.error(`console ${message.type()}: ${message.text()}`);
    });
  },
});

/** The slides the deck rules tick by default in the seeded workbench deck (content slides without a picture). */
const TICKED = [3, 4, 7, 8, 9, 10, 11];
/** Slide width and height in points (the stand-in is 16:9, 960 × 540 pt). */
const SLIDE = { width: 960, height: 540 };

/** Counts `/v1/images/generations` requests per slide (by the prompt each slide's brief starts with); `hold` keeps some unanswered. */
async function countRequests(options: { filter?: (prompt: string) => boolean; hold?: (prompt: string, n: number) => boolean } = {}) {
  const prompts: string[] = [];
  const held: Route[] = [];
  await page.route("**/v1/images/generations", async (route) => {
    const body = route.request().postDataJSON() as { prompt: string };
    prompts.push(body.prompt);
    if (options.filter?.(body.prompt)) {
      await route.fulfill({
        status: 400,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "content_policy_violation", type: "content_filtered", message: "blocked", categories: ["violence"] } }),
      });
      return;
    }
    if (options.hold?.(body.prompt, prompts.length)) {
      held.push(route); // never answered: the page reloads with it in flight
      return;
    }
    await route.continue();
  });
  return { prompts, held };
}

/** The review card of slide `n`. */
const card = (pane: Locator, n: number) => pane.getByRole("listitem", { name: new RegExp(`^Slide ${n}:`) });

/**
 * Opens the deck panel (`entry`: its button). A run kept in this browser's IndexedDB from an earlier test is shown
 * first; `fresh` starts a new run instead, so each test starts from the document's list.
 */
async function openDeckPanel(pane: Locator, { entry = "Illustrate slides…", fresh = false }: { entry?: string; fresh?: boolean } = {}): Promise<void> {
  await pane.getByRole("button", { name: entry }).click();
  const heading = pane.getByRole("heading", { name: entry.replace("…", "") });
  await heading.waitFor().catch(async (error: unknown) => {
    const text = await pane.innerText();
    throw new Error(`The deck panel did not open (${String(error)}); the pane shows: ${text.slice(text.indexOf("Generate"))}`);
  });
  try {
    await pane.getByRole("button", { name: /^(Generate all|Resume|Start a new run)$/ }).first().waitFor({ timeout: 20_000 });
    const newRun = pane.getByRole("button", { name: "Start a new run" });
    if (fresh && (await newRun.isVisible())) await newRun.click();
    await pane.getByRole("button", { name: fresh ? /^Generate all$/ : /^(Generate all|Resume)$/ }).first().waitFor({ timeout: 20_000 });
  } catch {
    throw new Error(`The deck panel did not load: ${await heading.locator("xpath=ancestor::section[1]").innerText()}`);
  }
}

/** The prompt text box of slide `n` (filled by the local writer). */
async function promptOf(pane: Locator, n: number): Promise<string> {
  const box = pane.getByRole("textbox", { name: new RegExp(`^Prompt for Slide ${n}:`) });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && (await box.inputValue()) === "") await page.waitForTimeout(100);
  return box.inputValue();
}

async function waitForStatus(locator: Locator, text: RegExp | string, timeout = 120_000): Promise<void> {
  await waitInPane(locator.locator("xpath=ancestor::*[@data-pane-host]"), locator.getByText(text).first(), `"${String(text)}"`, timeout);
}

/** Puts slide `n` in view (the workbench's slide list) and returns the pictures (img) on it. */
async function picturesOnSlide(n: number): Promise<Locator> {
  await page.getByRole("button", { name: new RegExp(`^Slide ${n}:`) }).first().click();
  const slide = page.getByRole("region", { name: new RegExp(`^Slide ${n} of \\d+`) });
  await slide.waitFor();
  return slide.locator("img");
}

describe("whole deck in the workbench", () => {
  it("ticks content slides, shows a filtered item, regenerates one and inserts each accepted picture once, inside the slide", async () => {
    const { pane } = await openWorkbench(page, "slide");
    await openDeckPanel(pane, { fresh: true });
    const checked = pane.getByRole("checkbox", { checked: true });
    await expect(checked.count()).resolves.toBe(TICKED.length);
    for (const n of TICKED) await expect(pane.getByRole("checkbox", { name: new RegExp(`^Slide ${n}:`) }).isChecked()).resolves.toBe(true);
    const security = await promptOf(pane, 7);
    const counts = await countRequests({ filter: (prompt) => prompt.startsWith(security.slice(0, 40)) });

    await pane.getByRole("button", { name: "Generate all" }).click();
    await waitForStatus(pane.getByRole("status", { name: "Progress of the run" }), /All pictures are made/);
    await waitForStatus(card(pane, 7), /Blocked by the content filter \(violence\)/, 10_000);
    expect(counts.prompts).toHaveLength(TICKED.length);

    await pane.getByRole("button", { name: /^Regenerate — Slide 8:/ }).click();
    await waitForStatus(card(pane, 8), "1 earlier picture kept in the library");
    await waitForStatus(card(pane, 8), "Ready");
    expect(counts.prompts).toHaveLength(TICKED.length + 1);

    await pane.getByRole("button", { name: "Accept all ready" }).click();
    const started = Date.now();
    await pane.getByRole("button", { name: "Insert accepted" }).click();
    await waitForStatus(pane, "Inserted 6 of 6.", 30_000);
    console.log(`deck e2e: Insert accepted for 6 slides took ${Date.now() - started} ms`);

    for (const n of TICKED) {
      const pictures = await picturesOnSlide(n);
      await expect(pictures.count()).resolves.toBe(n === 7 ? 0 : 1);
      if (n === 7) continue;
      const frame = await slideFrame(pictures.first());
      expect(frame.left).toBeGreaterThanOrEqual(0);
      expect(frame.top).toBeGreaterThanOrEqual(0);
      expect(frame.left + frame.width).toBeLessThanOrEqual(SLIDE.width + 0.5);
      expect(frame.top + frame.height).toBeLessThanOrEqual(SLIDE.height + 0.5);
    }
  });

  it("after a reload mid-run, Resume finishes the run and no finished item is generated again", async () => {
    const { pane } = await openWorkbench(page, "slide");
    await openDeckPanel(pane, { fresh: true });
    const first = await countRequests({ hold: (_prompt, n) => n > 2 });
    await pane.getByRole("button", { name: "Generate all" }).click();
    await waitForStatus(card(pane, 3), "Ready");
    await waitForStatus(card(pane, 4), "Ready");
    while (first.held.length < 2) await page.waitForTimeout(100); // two more in flight, held
    const finished = first.prompts.slice(0, 2);
    await page.unroute("**/v1/images/generations");

    await page.reload();
    const again = await openWorkbench(page, "slide");
    const second = await countRequests();
    await openDeckPanel(again.pane);
    await waitForStatus(again.pane, /was not finished/, 15_000);
    expect(second.prompts).toHaveLength(0);
    await again.pane.getByRole("button", { name: "Resume" }).click();
    await waitForStatus(again.pane.getByRole("status", { name: "Progress of the run" }), /All pictures are made/);
    expect(second.prompts).toHaveLength(TICKED.length - 2);
    for (const prompt of finished) expect(second.prompts).not.toContain(prompt);
  });

  it("Word: Illustrate sections… → Generate all → one filtered → Insert accepted puts one picture in each accepted section, column-wide", async () => {
    const { document, pane } = await openWorkbench(page, "word");
    const before = await document.locator("img").count();
    await openDeckPanel(pane, { entry: "Illustrate sections…", fresh: true });
    const ticked = await pane.getByRole("checkbox", { checked: true }).evaluateAll((boxes) => boxes.map((b) => b.getAttribute("aria-label") ?? b.id));
    expect(ticked.length).toBeGreaterThanOrEqual(4);
    const firstPrompt = await pane.getByRole("textbox", { name: /^Prompt for Section / }).first().inputValue();
    expect(firstPrompt).toMatch(/no text, letters or numbers/);
    const counts = await countRequests({ filter: (prompt) => prompt.startsWith(firstPrompt.slice(0, 40)) });

    await pane.getByRole("button", { name: "Generate all" }).click();
    await waitForStatus(pane.getByRole("status", { name: "Progress of the run" }), /All pictures are made/);
    expect(counts.prompts).toHaveLength(ticked.length);
    await waitForStatus(pane, /Blocked by the content filter \(violence\)/, 10_000);
    // The review grid (ready and blocked cards) has no serious or critical accessibility violation (issue 11).
    await expectNoSeriousA11yViolations(page, WORD_PANE, "deck review");

    await pane.getByRole("button", { name: "Accept all ready" }).click();
    await pane.getByRole("button", { name: "Insert accepted" }).click();
    const inserted = ticked.length - 1;
    await waitForStatus(pane, `Inserted ${inserted} of ${inserted}.`, 30_000);
    const pictures = document.locator("img");
    await expect(pictures.count()).resolves.toBe(before + inserted);
    const bounds = await document.boundingBox();
    for (let i = 0; i < inserted; i++) {
      const box = await pictures.nth(i).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(bounds!.x);
      expect(box!.x + box!.width).toBeLessThanOrEqual(bounds!.x + bounds!.width + 0.5);
    }
    expect(counts.prompts).toHaveLength(ticked.length); // nothing was generated twice
  });
});
