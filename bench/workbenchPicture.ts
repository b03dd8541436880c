// The picture after a paragraph of the workbench's Word page, for the pane benches (bench/pane.ts, bench/paneOverhead.ts).
import type { Locator, Page } from "playwright-core";
import { PROMPT, useSelection } from "../test/support/workbenchPage";

/** Limit of waiting for an inserted picture, ms. */
const INSERT_TIMEOUT_MS = 30_000;

/**
 * Waits until the block after `paragraph` holds a loaded picture other than `previousSrc` ({@link srcAfter}: the
 * block's id and the src, as the same bytes give the same src) (polled every frame).
 * @returns the page's `performance.now()` (ms) at the first frame that showed it
 */
export async function pictureAfter(page: Page, paragraph: Locator, previousSrc: string | null): Promise<number> {
  const shown = await page.waitForFunction(
    ([element, previous]) => {
      const next = (element as Element).nextElementSibling;
      const img = next?.matches("img") ? (next as HTMLImageElement) : next?.querySelector("img");
      const identity = img ? `${(next as HTMLElement).dataset.blockId ?? ""} ${img.getAttribute("src") ?? ""}` : null;
      return !!img && identity !== previous && img.complete && img.naturalWidth > 0 ? performance.now() : 0;
    },
    [await paragraph.elementHandle(), previousSrc] as const,
    { polling: "raf", timeout: INSERT_TIMEOUT_MS },
  );
  return (await shown.jsonValue()) as number;
}

/**
 * Waits until the pane on `host` (`data-pane-host`) shows a result radio labelled "Option 1" whose value is not
 * `earlier` (polled every frame).
 * @returns the page's `performance.now()` (ms) at the first frame that showed it
 */
export async function resultShown(page: Page, host: string, earlier: string | null, timeoutMs: number): Promise<number> {
  const shown = await page.waitForFunction(
    ([paneHost, previous]) => {
      const radios = document.querySelectorAll<HTMLInputElement>(`[data-pane-host="${paneHost}"] input[type="radio"]`);
      const first = Array.from(radios).find((radio) => radio.labels?.[0]?.textContent === "Option 1");
      return first && first.value !== previous && first.checkVisibility() ? performance.now() : 0;
    },
    [host, earlier] as const,
    { polling: "raf", timeout: timeoutMs },
  );
  return (await shown.jsonValue()) as number;
}

/**
 * From now on, every click on a button in `page` leaves a User Timing mark `bench:click` whose `detail` is the
 * button's text, stamped by the page itself (no round trip to the bench in the figure).
 */
export async function markButtonClicks(page: Page): Promise<void> {
  await page.evaluate(() =>
    document.addEventListener(
      "click",
      (event) => {
        const button = (event.target as Element | null)?.closest("button");
        if (button) performance.mark("bench:click", { detail: button.textContent ?? "" });
      },
      true,
    ),
  );
}

/** The page's time (ms) of the last `bench:click` on a button whose text matches `name`, if any. */
export async function clickedAt(page: Page, name: RegExp): Promise<number | undefined> {
  const clicks = await page.evaluate(() =>
    performance.getEntriesByName("bench:click", "mark").map((mark) => [String((mark as PerformanceMark).detail), mark.startTime] as const),
  );
  return clicks.filter(([text]) => name.test(text)).at(-1)?.[1];
}

/** Who the picture right after `paragraph` is, if there is one: its block's `data-block-id` and its src. */
export function srcAfter(paragraph: Locator): Promise<string | null> {
  return paragraph.evaluate((element) => {
    const next = element.nextElementSibling;
    const img = next?.matches("img") ? next : next?.querySelector("img");
    return img ? `${(next as HTMLElement).dataset.blockId ?? ""} ${img.getAttribute("src") ?? ""}` : null;
  });
}

/**
 * Selects the prompt paragraph of the Word page, takes it with Use selection and picks the 3:2 shape (landscape,
 * 1536 × 1024 at gpt-image); returns the
 * paragraph, the "Option 1" result that will be new after the next Generate (and the value of the one shown now, if
 * any), and the src of the picture after the paragraph now (to tell the next insert from an earlier one).
 */
export async function readyLandscapeGenerate(
  page: Page,
  pane: Locator,
): Promise<{ paragraph: Locator; fresh: Locator; earlier: string | null; previousSrc: string | null }> {
  const paragraph = page
    .getByRole("region", { name: /^Word page/ })
    .locator("p", { hasText: PROMPT })
    .first();
  await paragraph.click({ clickCount: 3 });
  await useSelection(page, pane);
  await pane.getByRole("combobox", { name: "Shape" }).selectOption("3:2");
  const option = pane.getByRole("radio", { name: "Option 1" });
  const earlier = (await option.count()) > 0 ? await option.getAttribute("value") : null;
  const fresh = earlier === null ? option : option.and(pane.locator(`input:not([value="${earlier}"])`));
  return { paragraph, fresh, earlier, previousSrc: await srcAfter(paragraph) };
}
