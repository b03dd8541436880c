// End to end in Arabic (`?lang=ar`): select, Generate, Insert in the workbench; the pane is right to left and no
// English string of the pane is left on screen (brand names, the prompt and the renderer's own words aside).
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import ar from "../../src/taskpane/strings/ar.json";
import en from "../../src/taskpane/strings/en.json";
import { E2E_ARTIFACTS as ARTIFACTS, useBrowserPage } from "../support/browser";
import { E2E_ACCOUNT } from "../support/signIn";
import { generate, insertResult, openWorkbench, paneLabels, PROMPT, useSelection } from "../support/workbenchPage";

jest.setTimeout(180_000);

let page: Page;
useBrowserPage({ onPage: (opened) => (page = opened) });

/** English values that are the same in every language: product and host names (brands), not translations. */
const SAME_IN_EVERY_LANGUAGE = new Set(["app.title", "app.word", "app.powerpoint", "style.render3d"]);
/** Latin-script words an Arabic pane may show: brands, key names on the keyboard, file formats (PNG, JPEG), and the person's own text. */
const ALLOWED_LATIN = new Set([
  "Illustrate",
  "Word",
  "PowerPoint",
  "Office",
  "Microsoft",
  "Enter",
  "Shift",
  "Esc",
  "PNG",
  "JPEG",
  ...E2E_ACCOUNT.split(" "),
]);

type Table = { [key: string]: string | Table };
function flatten(table: Table, prefix = ""): [string, string][] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

/** The English pieces a leftover string would show: each value's text between its {{placeholders}}. */
const ENGLISH_PIECES = flatten(en as Table)
  .filter(([key]) => !SAME_IN_EVERY_LANGUAGE.has(key))
  .flatMap(([key, value]) => value.split(/\{\{[^}]*\}\}/).map((piece) => [key, piece.trim()] as const))
  .filter(([, piece]) => /[A-Za-z]{2,}/.test(piece));

/** Every visible text of `pane` and the names a screen reader reads (aria-label, placeholder, alt, title). */
async function paneTexts(pane: Locator): Promise<string[]> {
  return pane.evaluate((root) => {
    const texts: string[] = [];
    const visible = (el: Element) => (el as HTMLElement).checkVisibility?.({ visibilityProperty: true }) ?? true;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement && visible(node.parentElement) && node.textContent?.trim()) texts.push(node.textContent.trim());
    }
    for (const el of root.querySelectorAll("*")) {
      if (!visible(el)) continue;
      for (const attribute of ["aria-label", "placeholder", "alt", "title"]) {
        const value = el.getAttribute(attribute);
        if (value?.trim()) texts.push(value.trim());
      }
      if (el instanceof HTMLTextAreaElement && el.value.trim()) texts.push(el.value.trim());
    }
    return texts;
  });
}

describe("Arabic", () => {
  it("Word page: select, Generate, Insert in a right-to-left Arabic pane with no English left", async () => {
    // Arabic digits differ by locale: format the option number the way the page's Intl does.
    await page.goto("about:blank");
    const one = await page.evaluate(() => new Intl.NumberFormat("ar").format(1));
    const labels = paneLabels(ar, () => one);
    const { document: wordPage, pane } = await openWorkbench(page, "word", { lang: "ar", labels });

    // The document element and the pane read right to left (computed, not just the attribute).
    expect(
      await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang, getComputedStyle(document.documentElement).direction]),
    ).toEqual(["rtl", "ar", "rtl"]);
    const paneMain = pane.locator("main");
    expect(await paneMain.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    expect(await pane.locator(".fui-FluentProvider").first().getAttribute("dir")).toBe("rtl");

    const paragraph = wordPage.locator("p", { hasText: PROMPT });
    await paragraph.click({ clickCount: 3 });
    await useSelection(page, pane, PROMPT, labels);
    const prompt = pane.getByRole("textbox", { name: ar.prompt.label });
    // The (English) prompt keeps its own direction inside the right-to-left pane.
    expect(await prompt.getAttribute("dir")).toBe("auto");
    expect(await prompt.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");

    // Laid out right to left: Generate starts at the pane's right edge, not its left.
    const [generateBox, mainBox] = [await pane.getByRole("button", { name: ar.generate.button }).boundingBox(), await paneMain.boundingBox()];
    expect(generateBox!.x + generateBox!.width / 2).toBeGreaterThan(mainBox!.x + mainBox!.width / 2);

    const inserted = paragraph.locator("xpath=following-sibling::*[1]").locator("img");
    await generate(pane, ar.generate.button, undefined, labels);
    await insertResult(page, pane, inserted, new RegExp(`^${ar.insert.after}`));
    await pane.getByText(ar.insert.done).waitFor({ state: "visible", timeout: 5000 });
    // The alt text is written in the document in the pane's language; the description is the prompt.
    expect(await inserted.getAttribute("title")).toBe(ar.insert.altTitle);
    expect(await inserted.getAttribute("alt")).toBe(PROMPT);
    await page.screenshot({ path: path.join(ARTIFACTS, "workbench-arabic.png") });

    // No English string of the pane on screen. The person's prompt and the renderer's description of what it drew
    // (text from the API) are not the pane's strings: take them out first.
    const drewPrefix = ar.results.rendererDrew.replace("{{prompt}}", "");
    // The account's e-mail address (its username) is an identity, not English.
    const texts = (await paneTexts(pane)).map((text) =>
      (text.startsWith(drewPrefix) ? drewPrefix : text)
        .split(PROMPT)
        .join(" ")
        .replace(/\S+@\S+/g, " "),
    );
    const leftovers = ENGLISH_PIECES.filter(([, piece]) => texts.some((text) => text.includes(piece))).map(([key, piece]) => `${key}: "${piece}"`);
    expect(leftovers).toEqual([]);
    const latinWords = [...new Set(texts.flatMap((text) => text.match(/[A-Za-z]{2,}/g) ?? []))].filter((word) => !ALLOWED_LATIN.has(word));
    expect(latinWords).toEqual([]);
  });
});
