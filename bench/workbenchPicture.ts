// The picture after a paragraph of the workbench's Word page, for the pane benches (bench/pane.ts, bench/paneOverhead.ts).
import type { Locator, Page } from "playwright-core";
import { PROMPT, useSelection } from "../test/support/workbenchPage";

/** Limit of waiting for an inserted picture, ms. */
const INSERT_TIMEOUT_MS = 30_000;

/**
 * Waits until the block after `paragraph` holds a loaded picture other than `previousSrc` ({@link srcAfter}: the
 * block's id and the src, as the same bytes give the same src) (polled every frame).
 */
export async function pictureAfter(page: Page, paragraph: Locator, previousSrc: string | null): Promise<void> {
  await page.waitForFunction(
    ([element, previous]) => {
      const next = (element as Element).nextElementSibling;
      const img = next?.matches("img") ? (next as HTMLImageElement) : next?.querySelector("img");
      const identity = img ? `${(next as HTMLElement).dataset.blockId ?? ""} ${img.getAttribute("src") ?? ""}` : null;
      return !!img && identity !== previous && img.complete && img.naturalWidth > 0;
    },
    [await paragraph.elementHandle(), previousSrc] as const,
    { polling: "raf", timeout: INSERT_TIMEOUT_MS },
  );
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
 * paragraph, the "Option 1" result that will be new after the next Generate, and the src of the picture after the
 * paragraph now (to tell the next insert from an earlier one).
 */
export async function readyLandscapeGenerate(page: Page, pane: Locator): Promise<{ paragraph: Locator; fresh: Locator; previousSrc: string | null }> {
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
  return { paragraph, fresh, previousSrc: await srcAfter(paragraph) };
}
