// End to end in Chromium: select text in the workbench's Word page or slide, Generate in the real pane, Insert
// (signed in at the local issuer: the gateway requires a bearer token).
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { launchBrowser, type E2EBrowser } from "./browser";
import { ensureSignedIn } from "./signIn";

const PANE_URL = "https://localhost:3000";
const PROMPT = "A misty mountain lake at dawn";
const ARTIFACTS = path.resolve(__dirname, "artifacts");
const timings: Record<string, number> = {};

jest.setTimeout(180_000);

let browser: E2EBrowser;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (Object.keys(timings).length > 0) {
    fs.writeFileSync(path.join(ARTIFACTS, "timings.json"), `${JSON.stringify({ clickToPictureMs: timings }, null, 2)}\n`);
  }
});

beforeEach(async () => {
  page = await browser.context.newPage();
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
});

afterEach(async () => {
  await page?.close();
});

/** The pane of one stand-in (each document has its own, as Word and PowerPoint do). */
function pane(host: "workbench-word" | "workbench-slide"): Locator {
  return page.locator(`[data-pane-host="${host}"]`);
}

/** Takes the selection into the pane's Prompt ("Use selection" re-reads it) and checks what the pane shows. */
async function promptFromSelection(paneLocator: Locator): Promise<void> {
  const prompt = paneLocator.getByRole("textbox", { name: "Prompt" });
  await paneLocator.getByRole("button", { name: "Use selection" }).click();
  await expectValue(prompt, PROMPT);
}

async function expectValue(locator: Locator, value: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let current = "";
  while (Date.now() < deadline) {
    current = await locator.inputValue();
    if (current === value) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`Expected the Prompt to show "${value}", it shows "${current}"`);
}

/**
 * Generate → choose the first result → Insert; resolves once `picture` is in the document and returns the time
 * from the Generate click to that moment, in ms.
 */
async function generateAndInsert(paneLocator: Locator, picture: Locator): Promise<number> {
  const started = Date.now();
  await paneLocator.getByRole("button", { name: "Generate" }).click();
  const option = paneLocator.getByRole("radio", { name: "Option 1" });
  await option.waitFor({ state: "visible", timeout: 120_000 });
  await option.check();
  await paneLocator.getByRole("button", { name: /^Insert/ }).click();
  await picture.waitFor({ state: "visible", timeout: 30_000 });
  await page.waitForFunction((element) => (element as HTMLImageElement).complete, await picture.elementHandle());
  return Date.now() - started;
}

function pointValue(style: string, property: string): number {
  const match = new RegExp(`(?:^|;)\\s*${property}:\\s*([\\d.]+)pt`).exec(style);
  if (!match) throw new Error(`No ${property} in points in style "${style}"`);
  return Number(match[1]);
}

describe("workbench", () => {
  it("Word page: the selected paragraph becomes a picture right after it, sized in points, with alt text", async () => {
    await page.goto(`${PANE_URL}/workbench.html?doc=word`);
    const wordPage = page.getByRole("region", { name: /^Word page/ });
    const paragraph = wordPage.locator("p", { hasText: PROMPT });
    await paragraph.click({ clickCount: 3 });
    expect(await page.evaluate(() => document.getSelection()?.toString().trim())).toBe(PROMPT);

    const wordPane = pane("workbench-word");
    await ensureSignedIn(page, wordPane);
    await promptFromSelection(wordPane);
    const inserted = paragraph.locator("xpath=following-sibling::*[1]").locator("img");
    const ms = await generateAndInsert(wordPane, inserted);
    timings.wordPage = ms;
    console.log(`Word page: Generate click → picture in the page: ${ms} ms`);

    expect(await inserted.getAttribute("alt")).toBe(PROMPT);
    expect(await inserted.getAttribute("title")).toBe("AI-generated image");
    const style = (await inserted.getAttribute("style")) ?? "";
    // Square by default: 1024 × 1024 px → the full column width, 468 pt, as the Word adapter sizes it.
    expect(pointValue(style, "width")).toBe(468);
    expect(pointValue(style, "height")).toBe(468);
    const natural = await inserted.evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]);
    expect(natural).toEqual([1024, 1024]);
    // Rendered at 468 pt = 624 CSS px, inside the page.
    const box = await inserted.boundingBox();
    const pageBox = await wordPage.boundingBox();
    expect(box!.width).toBeCloseTo(624, 0);
    expect(box!.x).toBeGreaterThanOrEqual(pageBox!.x);
    expect(box!.x + box!.width).toBeLessThanOrEqual(pageBox!.x + pageBox!.width);
    await wordPane.getByText("Picture inserted.").waitFor({ state: "visible", timeout: 5000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "workbench-word.png") });
  });

  it("Slide: the selected text box's text becomes a picture inside the slide with the prompt in its tags", async () => {
    await page.goto(`${PANE_URL}/workbench.html?doc=word`);
    await page.getByRole("tab", { name: "Slide" }).click();
    const slide = page.getByRole("region", { name: /^Slide 1/ });
    const textBox = slide.getByRole("group", { name: "TextBox 2 (text box)" });
    await textBox.click();
    expect(await textBox.getAttribute("data-selected")).toBe("true");

    const slidePane = pane("workbench-slide");
    await ensureSignedIn(page, slidePane);
    await promptFromSelection(slidePane);
    const picture = slide.locator("img[data-shape-id]");
    const ms = await generateAndInsert(slidePane, picture);
    timings.slide = ms;
    console.log(`Slide: Generate click → picture on the slide: ${ms} ms`);

    expect(await picture.getAttribute("data-tag-illustrate_prompt")).toBe(PROMPT);
    expect(await picture.getAttribute("alt")).toBe(PROMPT);
    const style = (await picture.getAttribute("style")) ?? "";
    const frame = { left: pointValue(style, "left"), top: pointValue(style, "top"), width: pointValue(style, "width"), height: pointValue(style, "height") };
    expect(frame.left).toBeGreaterThanOrEqual(0);
    expect(frame.top).toBeGreaterThanOrEqual(0);
    expect(frame.left + frame.width).toBeLessThanOrEqual(960);
    expect(frame.top + frame.height).toBeLessThanOrEqual(540);
    expect(frame.width).toBeCloseTo(frame.height, 1); // square picture, aspect kept
    // Drawn inside the slide and over none of the text boxes.
    const [pictureBox, slideBox] = [await picture.boundingBox(), await slide.boundingBox()];
    expect(pictureBox!.x).toBeGreaterThanOrEqual(slideBox!.x - 0.5);
    expect(pictureBox!.y).toBeGreaterThanOrEqual(slideBox!.y - 0.5);
    expect(pictureBox!.x + pictureBox!.width).toBeLessThanOrEqual(slideBox!.x + slideBox!.width + 0.5);
    expect(pictureBox!.y + pictureBox!.height).toBeLessThanOrEqual(slideBox!.y + slideBox!.height + 0.5);
    for (const box of await slide.getByRole("group").all()) {
      const b = (await box.boundingBox())!;
      const overlap = pictureBox!.x < b.x + b.width && b.x < pictureBox!.x + pictureBox!.width && pictureBox!.y < b.y + b.height && b.y < pictureBox!.y + pictureBox!.height;
      expect(overlap).toBe(false);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "workbench-slide.png") });
  });
});
