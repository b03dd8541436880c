// End to end in Chromium (issue #5): the picture lands at the place captured at Generate; replace keeps place and
// size on the page and on the slide; Edit sends the selected picture's bytes and replaces it.
import path from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser, type E2EBrowser } from "./browser";
import { generate, insertResult, openWorkbench, pointValue, PROMPT, slideFrame, useSelection } from "./workbenchPage";

const ARTIFACTS = path.resolve(__dirname, "artifacts");

jest.setTimeout(240_000);

let browser: E2EBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.context.newPage();
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
});
afterEach(async () => {
  await page?.close();
});

describe("workbench: captured place, replace, edit", () => {
  it("Word page: a click elsewhere while generating does not move the picture from the captured paragraph", async () => {
    const { document: wordPage, pane } = await openWorkbench(page, "word");
    const paragraph = wordPage.locator("p", { hasText: PROMPT });
    const last = wordPage.locator("p", { hasText: /^Select any paragraph/ });
    await paragraph.click({ clickCount: 3 });
    await useSelection(page, pane);
    await generate(pane, "Generate", () => last.click());
    const inserted = paragraph.locator("xpath=following-sibling::*[1]").locator("img");
    await insertResult(page, pane, inserted);
    expect(await last.locator("xpath=following-sibling::*[1]").count()).toBe(0); // nothing after the clicked paragraph
    expect(await wordPage.locator("img").count()).toBe(1);
  });

  it("Word page: replacing the selected picture keeps its paragraph and width; Edit replaces it again in place", async () => {
    const { document: wordPage, pane } = await openWorkbench(page, "word");
    const paragraph = wordPage.locator("p", { hasText: PROMPT });
    await paragraph.click({ clickCount: 3 });
    await useSelection(page, pane);
    const picture = paragraph.locator("xpath=following-sibling::*[1]").locator("img");
    await generate(pane);
    await insertResult(page, pane, picture);
    const first = { src: await picture.getAttribute("src"), block: await picture.locator("xpath=..").getAttribute("data-block-id") };

    await picture.click();
    expect(await picture.getAttribute("data-selected")).toBe("true");
    await pane.getByRole("radio", { name: "Landscape" }).check();
    await generate(pane);
    await insertResult(page, pane, picture, /Replace selected picture/);
    await pane.getByText("Picture replaced.").waitFor({ state: "visible", timeout: 10_000 });
    expect(await wordPage.locator("img").count()).toBe(1);
    expect(await picture.locator("xpath=..").getAttribute("data-block-id")).toBe(first.block);
    expect(await picture.getAttribute("src")).not.toBe(first.src);
    const style = (await picture.getAttribute("style")) ?? "";
    expect(pointValue(style, "width")).toBe(468); // same width; height from the new (landscape) aspect ratio
    expect(pointValue(style, "height")).toBe(312);

    const beforeEdit = await picture.getAttribute("src");
    await picture.click();
    await generate(pane, "Edit selected picture");
    await insertResult(page, pane, picture, /Replace selected picture/);
    await page.waitForFunction(
      ([element, old]) => (element as HTMLImageElement).getAttribute("src") !== old,
      [await picture.elementHandle(), beforeEdit] as const,
    );
    expect(await wordPage.locator("img").count()).toBe(1);
    expect(pointValue((await picture.getAttribute("style")) ?? "", "width")).toBe(468);
    await page.screenshot({ path: path.join(ARTIFACTS, "workbench-word-replaced.png") });
  });

  it("Slide: replacing the selected picture keeps its place and size inside the slide", async () => {
    const { document: slide, pane } = await openWorkbench(page, "slide");
    await slide.getByRole("group", { name: "TextBox 2 (text box)" }).click();
    await useSelection(page, pane);
    const picture = slide.locator("img[data-shape-id]");
    await generate(pane);
    await insertResult(page, pane, picture);
    const before = { frame: await slideFrame(picture), src: await picture.getAttribute("src"), name: await picture.getAttribute("data-shape-name") };

    await picture.click();
    expect(await picture.getAttribute("data-selected")).toBe("true");
    await generate(pane);
    await insertResult(page, pane, picture, /Replace selected picture/);
    await pane.getByText("Picture replaced.").waitFor({ state: "visible", timeout: 10_000 });
    expect(await slide.locator("img[data-shape-id]").count()).toBe(1);
    expect(await picture.getAttribute("src")).not.toBe(before.src);
    expect(await slideFrame(picture)).toEqual(before.frame);
    expect(await picture.getAttribute("data-shape-name")).toBe(before.name);
    expect(await picture.getAttribute("data-tag-illustrate_prompt")).toBe(PROMPT);
    await page.screenshot({ path: path.join(ARTIFACTS, "workbench-slide-replaced.png") });
  });
});
