// End to end in Chromium (real IndexedDB): generated pictures are kept in the account's library across a reload, can
// be inserted again from History, and another account on the same browser profile sees none of them.
import type { Page } from "playwright-core";
import { useBrowserPage } from "../support/browser";
import { ensureSignedIn } from "../support/signIn";
import { generate, openWorkbench, PANE_URL, PROMPT, useSelection } from "../support/workbenchPage";

jest.setTimeout(240_000);

/** One page (one browser profile) for the file: the tests follow one machine through reloads and two accounts. */
let page: Page;
useBrowserPage({ pagePer: "file", onPage: (opened) => (page = opened) });

const wordPane = () => page.locator('[data-pane-host="workbench-word"]');
const wordPage = () => page.getByRole("region", { name: /^Word page/ });

/** Opens History and returns its rows once `count` are listed. */
async function historyRows(count: number) {
  const pane = wordPane();
  const header = pane.getByRole("button", { name: `History (${count})` });
  await header.waitFor({ state: "visible", timeout: 30_000 });
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  const rows = pane.getByRole("list", { name: "Your pictures, newest first" }).getByRole("listitem");
  if (count > 0) await rows.nth(count - 1).waitFor({ state: "visible", timeout: 30_000 });
  return rows;
}

describe("picture library", () => {
  it("generate 4 → reload → History shows the same 4 with their prompts → insert one again", async () => {
    const { document } = await openWorkbench(page, "word");
    const pane = wordPane();
    await document.locator("p", { hasText: PROMPT }).click({ clickCount: 3 });
    await useSelection(page, pane);
    await pane.getByRole("combobox", { name: "Number of pictures" }).selectOption("4");
    await generate(pane);
    await pane.getByRole("radio", { name: "Option 4" }).waitFor({ state: "visible" });
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
    const pane = wordPane();
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
    expect(await (await historyRows(4)).count()).toBe(4);
  });
});
