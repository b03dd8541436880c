// End to end in Chromium: the pane shows the local provider's partial images while the gateway streams (issue #4).
import path from "node:path";
import type { Page } from "playwright-core";
import { E2E_ARTIFACTS as ARTIFACTS, useBrowserPage } from "../support/browser";
import { generate, openWorkbench, PROMPT, useSelection } from "../support/workbenchPage";

jest.setTimeout(180_000);

let page: Page;
useBrowserPage({ onPage: (opened) => (page = opened) });

interface Seen {
  previews: string[];
  firstPreviewAt?: number;
  resultAt?: number;
}

it("streams: blurred previews appear in the pane before the finished picture, from an SSE answer", async () => {
  const { document: wordPage, pane } = await openWorkbench(page, "word");
  await wordPage.locator("p", { hasText: PROMPT }).click({ clickCount: 3 });
  await useSelection(page, pane);

  // Watch the DOM for what a person sees: each distinct preview image, then the finished result.
  await page.evaluate((prompt) => {
    const seen: Seen = { previews: [] };
    (window as unknown as { __seen: Seen }).__seen = seen;
    new MutationObserver(() => {
      for (const img of document.querySelectorAll<HTMLImageElement>('img[alt^="Preview in progress"]')) {
        if (!seen.previews.includes(img.src)) {
          seen.previews.push(img.src);
          seen.firstPreviewAt ??= performance.now();
        }
      }
      const paneRoot = document.querySelector('[data-pane-host="workbench-word"]');
      const result = [...(paneRoot?.querySelectorAll<HTMLImageElement>("img") ?? [])].find((img) => img.alt === prompt);
      if (result && seen.resultAt === undefined) seen.resultAt = performance.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["src", "alt"] });
  }, PROMPT);

  const request = page.waitForRequest((r) => r.url().endsWith("/v1/images/generations") && r.method() === "POST");
  const response = page.waitForResponse((r) => r.url().endsWith("/v1/images/generations") && r.request().method() === "POST");
  await generate(pane);

  const body = (await request).postDataJSON() as { stream?: boolean; partial_images?: number; n?: number };
  expect(body).toMatchObject({ stream: true, n: 1 });
  expect(body.partial_images).toBeGreaterThanOrEqual(1);
  expect((await response).headers()["content-type"]).toMatch(/^text\/event-stream/);

  const seen = await page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
  expect(seen.previews.length).toBeGreaterThanOrEqual(1);
  expect(seen.previews.every((src) => src.startsWith("data:image/png;base64,"))).toBe(true);
  expect(seen.resultAt).toBeDefined();
  expect(seen.firstPreviewAt!).toBeLessThan(seen.resultAt!);
  // Previews are gone once the finished picture is there.
  expect(await pane.locator('img[alt^="Preview in progress"]').count()).toBe(0);
  await page.screenshot({ path: path.join(ARTIFACTS, "streaming-result.png") });
});
