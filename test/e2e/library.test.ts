// End to end in Chromium (real IndexedDB): generated pictures are kept in the account's library across a reload, can
// be inserted again from History, and another account on the same browser profile sees none of them; after a reload an
// Illustrate picture in the Word page still knows its prompt, and Regenerate replaces it in place.
import type { Page } from "playwright-core";
import { useBrowserPage } from "../support/browser";
import { ensureSignedIn } from "../support/signIn";
import { generate, insertResult, openWorkbench, PANE_URL, PROMPT, useSelection, waitInPane } from "../support/workbenchPage";

jest.setTimeout(240_000);

/** Each test its own browser profile (its own IndexedDB and sign-in): no test relies on what another one stored. */
let page: Page;
useBrowserPage({ pagePer: "profile", onPage: (opened) => (page = opened) });

const wordPane = () => page.locator('[data-pane-host="workbench-word"]');
const wordPage = () => page.getByRole("region", { name: /^Word page/ });

/** Opens History and returns its rows once `count` are listed. */
async function historyRows(count: number) {
  const pane = wordPane();
  const header = pane.getByRole("button", { name: `History (${count})` });
  await waitInPane(pane, header, `History (${count})`);
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  const rows = pane.getByRole("list", { name: "Your pictures, newest first" }).getByRole("listitem");
  if (count > 0) await rows.nth(count - 1).waitFor({ state: "visible", timeout: 30_000 });
  return rows;
}

/** Opens the Word page signed in as Ada, generates `count` pictures of the seed paragraph and chooses Option 1. */
async function makePictures(count: number) {
  const { document } = await openWorkbench(page, "word");
  const pane = wordPane();
  const paragraph = document.locator("p", { hasText: PROMPT });
  await paragraph.click({ clickCount: 3 });
  await useSelection(page, pane);
  await pane.getByRole("combobox", { name: "Number of pictures" }).selectOption(String(count));
  await generate(pane);
  await pane.getByRole("radio", { name: `Option ${count}` }).waitFor({ state: "visible" });
  return { pane, paragraph };
}

describe("picture library", () => {
  it("generate 4 → reload → History shows the same 4 with their prompts → insert one again", async () => {
    const { pane } = await makePictures(4);
    const before = await historyRows(4);
    const thumbsBefore = await before.locator("img").evaluateAll((imgs) => imgs.length);

    await page.goto(`${PANE_URL}/workbench.html?doc=word`);
    await ensureSignedIn(page, wordPane());
    const rows = await historyRows(4);
    expect(await rows.count()).toBe(4);
    for (let i = 0; i < 4; i += 1) {
      expect(await rows.nth(i).getAttribute("aria-label")).toBe(`Picture ${i + 1} of 4`);
      expect(await rows.nth(i).getByText(PROMPT, { exact: true }).count()).toBe(1);
    }
    // Thumbnails from the library (object URLs), as before the reload.
    await rows.nth(3).locator("img").waitFor({ state: "visible" });
    expect(await rows.locator("img").evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).src.startsWith("blob:")))).toBe(true);
    expect(await rows.locator("img").count()).toBe(Math.max(thumbsBefore, 4));

    // Insert one again: at the selection in the page, with its prompt as alt text.
    const pictures = wordPage().locator("img");
    const count = await pictures.count();
    await wordPage().locator("p", { hasText: PROMPT }).click({ clickCount: 3 });
    await rows.nth(2).getByRole("button", { name: "Insert again" }).click();
    await pane.getByText("Picture inserted.").waitFor({ state: "visible", timeout: 30_000 });
    expect(await pictures.count()).toBe(count + 1);
    expect(await pictures.last().getAttribute("alt")).toBe(PROMPT);
    await rows.nth(2).getByText("Inserted", { exact: true }).waitFor({ state: "visible", timeout: 10_000 });
  });

  it("another account on the same computer sees none of the first account's pictures; they are still there for the first", async () => {
    const { pane } = await makePictures(1);
    await historyRows(1);
    await pane.getByText("Your pictures stay on this computer after you sign out.").waitFor({ state: "visible" });
    await pane.getByRole("button", { name: "Sign out" }).click();
    await pane.getByText("Not signed in").waitFor({ state: "visible", timeout: 10_000 });
    await ensureSignedIn(page, pane, "Grace Hopper");
    await historyRows(0);
    expect(await pane.getByRole("listitem").filter({ hasText: PROMPT }).count()).toBe(0);
    expect(await pane.getByRole("heading", { name: "Results" }).count()).toBe(0);

    await pane.getByRole("button", { name: "Sign out" }).click();
    await pane.getByText("Not signed in").waitFor({ state: "visible", timeout: 10_000 });
    await ensureSignedIn(page, pane, "Ada Lovelace");
    expect(await (await historyRows(1)).count()).toBe(1);
  });

  it("after a reload, selecting an Illustrate picture in the Word page fills the prompt from it; Regenerate replaces it in place", async () => {
    const made = await makePictures(1);
    await insertResult(page, made.pane, made.paragraph.locator("xpath=following-sibling::*[1]").locator("img"), /^Insert after selection/);
    // A reload (not `fresh`): the Word page keeps its pictures and their provenance, as a document outlives its pane.
    await page.goto(`${PANE_URL}/workbench.html?doc=word`);
    const pane = wordPane();
    await ensureSignedIn(page, pane, "Ada Lovelace");
    await historyRows(1);
    const prompt = pane.getByRole("textbox", { name: "Prompt" });
    await prompt.fill("A red kite over a windy beach");

    const blocks = wordPage().locator("[data-block-id]");
    const ours = wordPage().locator("img[data-library-id]");
    expect(await ours.count()).toBe(1); // the one inserted before the reload
    const picture = ours.first();
    const blockIdOf = (img: typeof picture) => img.evaluate((el) => el.closest("[data-block-id]")?.getAttribute("data-block-id") ?? "");
    const before = {
      pictures: await wordPage().locator("img").count(),
      blocks: await blocks.count(),
      blockId: await blockIdOf(picture),
      index: await picture.evaluate((el) => [...document.querySelectorAll("[data-block-id]")].indexOf(el.closest("[data-block-id]")!)),
      src: (await picture.getAttribute("src")) ?? "",
      libraryId: (await picture.getAttribute("data-library-id")) ?? "",
    };
    expect(before.index).toBeGreaterThanOrEqual(0);

    await picture.click();
    await pane.getByText(`This picture was made by Illustrate: “${PROMPT}”`).waitFor({ state: "visible", timeout: 10_000 });
    for (const deadline = Date.now() + 10_000; (await prompt.inputValue()) !== PROMPT && Date.now() < deadline;) await page.waitForTimeout(100);
    expect(await prompt.inputValue()).toBe(PROMPT);

    await pane.getByRole("button", { name: "Regenerate", exact: true }).click();
    await page.waitForFunction(
      ({ src, blockId }) => {
        const img = document.querySelector(`[data-block-id="${blockId}"] img`);
        return !!img && img.getAttribute("src") !== src && (img as HTMLImageElement).complete;
      },
      { src: before.src, blockId: before.blockId },
      { timeout: 120_000 },
    );
    // Replaced in place: the same block at the same place in the page, still one picture of ours, new bytes.
    expect(await wordPage().locator("img").count()).toBe(before.pictures);
    expect(await blocks.count()).toBe(before.blocks);
    expect(await ours.count()).toBe(1);
    const replaced = ours.first();
    expect(await blockIdOf(replaced)).toBe(before.blockId);
    expect(await replaced.evaluate((el) => [...document.querySelectorAll("[data-block-id]")].indexOf(el.closest("[data-block-id]")!))).toBe(
      before.index,
    );
    expect(await replaced.getAttribute("src")).not.toBe(before.src);
    expect(await replaced.getAttribute("alt")).toBe(PROMPT);
    expect(await replaced.getAttribute("data-prompt")).toBe(PROMPT);
    // The new picture is a library record of its own (saved before it was placed): History now holds 2.
    const newId = (await replaced.getAttribute("data-library-id")) ?? "";
    expect(newId).not.toBe("");
    expect(newId).not.toBe(before.libraryId);
    expect(await (await historyRows(2)).count()).toBe(2);
  });
});
