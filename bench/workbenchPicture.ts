// The picture after a paragraph of the workbench's Word page, for the pane benches (bench/pane.ts, bench/paneOverhead.ts).
import type { Locator, Page } from "playwright-core";

/** Limit of waiting for an inserted picture, ms. */
const INSERT_TIMEOUT_MS = 30_000;

/** Waits until the block after `paragraph` holds a loaded picture other than `previousSrc` (polled every frame). */
export async function pictureAfter(page: Page, paragraph: Locator, previousSrc: string | null): Promise<void> {
  await page.waitForFunction(
    ([element, previous]) => {
      const next = (element as Element).nextElementSibling;
      const img = next?.matches("img") ? (next as HTMLImageElement) : next?.querySelector("img");
      return !!img && img.getAttribute("src") !== previous && img.complete && img.naturalWidth > 0;
    },
    [await paragraph.elementHandle(), previousSrc] as const,
    { polling: "raf", timeout: INSERT_TIMEOUT_MS },
  );
}

/** The src of the picture right after `paragraph`, if there is one. */
export function srcAfter(paragraph: Locator): Promise<string | null> {
  return paragraph.evaluate((element) => {
    const next = element.nextElementSibling;
    const img = next?.matches("img") ? next : next?.querySelector("img");
    return img?.getAttribute("src") ?? null;
  });
}

