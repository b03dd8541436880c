// Page helpers for the workbench E2E tests: the stand-ins, the pane of each, and Generate → choose → Insert.
import type { Locator, Page } from "playwright-core";
import en from "../../src/taskpane/strings/en.json";
import { E2E_ACCOUNT, ensureSignedIn, signInLabels, type SignInLabels } from "./signIn";
import { SEED_DECK } from "../../src/workbench/seed";
import path from "node:path";
import { E2E_ARTIFACTS, pageTrouble } from "./browser";

/** The pane's origin, where `npm start` serves it; E2E_PANE_URL lets the tests run against servers on other ports. */
export const PANE_URL = process.env.E2E_PANE_URL ?? "https://localhost:3000";
/** The seed paragraph and text box text the tests select. */
export const PROMPT = "A misty mountain lake at dawn";

/** Which stand-in's pane (each document has its own, as Word and PowerPoint do). */
export type PaneHost = "workbench-word" | "workbench-slide";

/** The names the helpers find the workbench and pane controls by, in the page's language (English by default). */
export interface PaneLabels extends SignInLabels {
  wordPage: string;
  slide: string;
  useSelection: string;
  prompt: string;
  generate: string;
  /** "Option 1": the first result's radio. */
  firstOption: string;
}

/**
 * {@link PaneLabels} from a strings table (`en.json`, or e.g. `ar.json` for `?lang=ar`).
 * @param formatNumber how the page writes a number (`Intl.NumberFormat(language).format`; digits differ by locale)
 */
export function paneLabels(
  table: Pick<typeof en, "account" | "workbench" | "prompt" | "generate" | "results"> = en,
  formatNumber: (n: number) => string = String,
): PaneLabels {
  return {
    ...signInLabels(table),
    wordPage: table.workbench.wordPageLabel,
    // The E2E slide is slide 1 of the seeded deck, in view when the workbench opens.
    slide: table.workbench.slideLabel.replace("{{number}}", "1").replace("{{total}}", String(SEED_DECK.length)),
    useSelection: table.prompt.useSelection,
    prompt: table.prompt.label,
    generate: table.generate.button,
    firstOption: table.results.option.replace("{{index, number}}", formatNumber(1)),
  };
}

/**
 * Opens the workbench on `doc` (`lang`: the `?lang=` override; `theme`: the `?theme=` one, `dark` or `highContrast`)
 * with its seed documents (`fresh`: the Word page is otherwise kept across reloads in sessionStorage), signed in, and
 * returns the stand-in region and its pane.
 */
export async function openWorkbench(
  page: Page,
  doc: "word" | "slide",
  { lang, theme, labels = paneLabels() }: { lang?: string; theme?: "dark" | "highContrast"; labels?: PaneLabels } = {},
): Promise<{ document: Locator; pane: Locator }> {
  const query = [`doc=${doc}`, "fresh", ...(lang ? [`lang=${encodeURIComponent(lang)}`] : []), ...(theme ? [`theme=${theme}`] : [])];
  await page.goto(`${PANE_URL}/workbench.html?${query.join("&")}`);
  const document = page.getByRole("region", { name: doc === "word" ? labels.wordPage : labels.slide });
  const pane = page.locator(`[data-pane-host="workbench-${doc}"]`);
  await ensureSignedIn(page, pane, E2E_ACCOUNT, labels);
  return { document, pane };
}

/** Takes the selection into the pane's Prompt with "Use selection" and waits until the Prompt shows `expected`. */
export async function useSelection(page: Page, pane: Locator, expected = PROMPT, labels: PaneLabels = paneLabels()): Promise<void> {
  await pane.getByRole("button", { name: labels.useSelection }).click();
  const prompt = pane.getByRole("textbox", { name: labels.prompt });
  const deadline = Date.now() + 10_000;
  let current = "";
  while (Date.now() < deadline) {
    current = await prompt.inputValue();
    if (current === expected) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`Expected the Prompt to show "${expected}", it shows "${current}"`);
}

/**
 * Clicks `button` ("Generate" or "Edit selected picture"), runs `meanwhile` (e.g. click elsewhere), waits for the
 * new first result (a result of an earlier generation does not count) and selects it.
 */
export async function generate(
  pane: Locator,
  button = paneLabels().generate,
  meanwhile?: () => Promise<void>,
  labels: PaneLabels = paneLabels(),
): Promise<void> {
  const option = pane.getByRole("radio", { name: labels.firstOption });
  const earlier = (await option.count()) > 0 ? await option.getAttribute("value") : null;
  await pane.getByRole("button", { name: button, exact: true }).click(); // exact: "Regenerate" also contains "Generate"
  await meanwhile?.();
  const deadline = Date.now() + 120_000;
  while ((await option.count()) === 0 || (await option.getAttribute("value")) === earlier) {
    if (Date.now() > deadline) throw await paneTimeoutError(pane, `No new result within 120 s of clicking ${button}`);
    await pane.page().waitForTimeout(100);
  }
  await option.check();
}

/**
 * An error for a wait in `pane` that ran out: `what` did not happen; it says what the pane shows, the page's recent
 * console errors and failed requests, and saves a screenshot (so a failure on a loaded CI machine can be read).
 */
export async function paneTimeoutError(pane: Locator, what: string): Promise<Error> {
  const page = pane.page();
  const shot = path.join(E2E_ARTIFACTS, `timeout-${Date.now()}.png`);
  await page.screenshot({ path: shot }).catch(() => undefined);
  const shown = (await pane.innerText().catch(() => "?")).replace(/\s+/g, " ").slice(0, 4000);
  const alerts = await pane
    .locator('[role="alert"], [role="status"]')
    .allInnerTexts()
    .catch(() => ["?"]);
  // MSAL's cache (localStorage, encrypted with the msal.cache.encryption session cookie): is the account still there?
  const msal = await page
    .evaluate(() => ({
      keys: Object.keys(localStorage).filter((key) => key.startsWith("msal.")).length,
      encryptionCookie: document.cookie.includes("msal.cache.encryption"),
    }))
    .catch(() => undefined);
  const trouble = pageTrouble(page);
  return new Error(
    `${what}.\nThe pane's alerts and status: ${JSON.stringify(alerts)}\nMSAL cache: ${JSON.stringify(msal)}\n` +
      `The pane shows: ${shown}\nThe page's recent errors:\n${trouble.length ? trouble.join("\n") : "(none)"}\nScreenshot: ${shot}`,
  );
}

/** Waits for `locator` in `pane` like `locator.waitFor`, but a timeout says what the pane shows ({@link paneTimeoutError}). */
export async function waitInPane(pane: Locator, locator: Locator, what: string, timeout = 30_000): Promise<void> {
  try {
    await locator.waitFor({ state: "visible", timeout });
  } catch {
    throw await paneTimeoutError(pane, `${what} did not show within ${timeout / 1000} s`);
  }
}

/** Clicks the Insert button (labelled with what it will do) and waits until `picture` is loaded in the document. */
export async function insertResult(page: Page, pane: Locator, picture: Locator, label: RegExp = /^Insert/): Promise<void> {
  await pane.getByRole("button", { name: label }).click();
  await picture.waitFor({ state: "visible", timeout: 30_000 });
  await page.waitForFunction((element) => (element as HTMLImageElement).complete, await picture.elementHandle());
}

/** A length in points from an inline style (`width: 468pt`), as the stand-ins write geometry. */
export function pointValue(style: string, property: string): number {
  const match = new RegExp(`(?:^|;)\\s*${property}:\\s*([\\d.]+)pt`).exec(style);
  if (!match) throw new Error(`No ${property} in points in style "${style}"`);
  return Number(match[1]);
}

/** left/top/width/height in points of a picture on the slide. */
export async function slideFrame(picture: Locator): Promise<{ left: number; top: number; width: number; height: number }> {
  const style = (await picture.getAttribute("style")) ?? "";
  return { left: pointValue(style, "left"), top: pointValue(style, "top"), width: pointValue(style, "width"), height: pointValue(style, "height") };
}
