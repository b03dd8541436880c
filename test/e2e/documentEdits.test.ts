// End to end in Chromium (issue #5): replace keeps place, size, name, tags and a person's alt text (unless they
// tick "Replace its alt text with mine"), and writes the new prompt over Illustrate's own; the picture goes
// where Generate was clicked; Edit sends the selected picture to /v1/images/edits; big pictures are transcoded.
import path from "node:path";
import type { Locator, Page, Request, Route } from "playwright-core";
import sharp from "sharp";
import { E2E_ARTIFACTS as ARTIFACTS, useBrowserPage } from "../support/browser";
import { generate, insertResult, openWorkbench, pointValue, PROMPT, slideFrame, useSelection } from "../support/workbenchPage";

/** A second prompt, typed for the replacing picture. */
const CANOE = "A red canoe on a calm lake";
/** A third prompt, for a replace that overwrites the person's alt text when asked. */
const HERON = "A grey heron at the water's edge";
/** What the pane says before Replace over alt text a person wrote. */
const KEPT_NOTICE = "This picture has alt text written by a person: it will be kept.";
/** Alt text a person wrote in the pane before the first insert; a replace must keep it. */
const HAND_WRITTEN = "Hand-written: the lake seen from the north shore, mist over the water";
const timings: Record<string, number> = {};

jest.setTimeout(240_000);

let page: Page;
useBrowserPage({ onPage: (opened) => (page = opened) });
afterAll(() => {
  console.log(`documentEdits timings (ms): ${JSON.stringify(timings)}`);
});

/** Replaces the Prompt with `text`. */
async function typePrompt(pane: Locator, text: string): Promise<void> {
  await pane.getByRole("textbox", { name: "Prompt" }).fill(text);
}

/** Sets the pane's alt-text description of the chosen result (as a person would before Insert). */
async function writeAltText(pane: Locator, text: string): Promise<void> {
  await pane.getByRole("textbox", { name: "Alt text description" }).fill(text);
}

/** The raw base64 inside an `<img>`'s data: URL, and its MIME type. */
async function imageData(picture: Locator): Promise<{ mimeType: string; base64: string }> {
  const src = (await picture.getAttribute("src")) ?? "";
  const match = /^data:([^;]+);base64,(.*)$/.exec(src);
  if (!match) throw new Error(`Not a data: URL: ${src.slice(0, 40)}…`);
  return { mimeType: match[1], base64: match[2] };
}

/** Opens the Word page, selects the sample paragraph and takes it as the Prompt; `picture`: the next block's image. */
async function wordPageWithPrompt(): Promise<{ wordPage: Locator; pane: Locator; picture: Locator }> {
  const { document: wordPage, pane } = await openWorkbench(page, "word");
  const paragraph = wordPage.locator("p", { hasText: PROMPT });
  await paragraph.click({ clickCount: 3 });
  await useSelection(page, pane);
  return { wordPage, pane, picture: paragraph.locator("xpath=following-sibling::*[1]").locator("img") };
}

/** Generate → choose Option 1 → the Insert button (by its label) → the picture is loaded; returns the elapsed ms. */
async function generateAndInsert(pane: Locator, picture: Locator, label: RegExp, button = "Generate"): Promise<number> {
  const started = Date.now();
  await generate(pane, button);
  await expect(pane.getByRole("button", { name: label }).isVisible()).resolves.toBe(true);
  await insertResult(page, pane, picture, label);
  return Date.now() - started;
}

describe("issue #5 in the workbench", () => {
  it("Slide: Replace selected picture puts the new one in the old one's box, with its name, new prompt tag and the person's alt text", async () => {
    const { document: slide, pane } = await openWorkbench(page, "slide");
    await slide.getByRole("group", { name: "TextBox 2 (text box)" }).click();
    await useSelection(page, pane);
    const pictures = slide.locator("img[data-shape-id]");
    await generate(pane);
    await expect(pane.getByRole("button", { name: "Insert after selection" }).isVisible()).resolves.toBe(true);
    await writeAltText(pane, HAND_WRITTEN);
    await insertResult(page, pane, pictures.first(), /^Insert after selection/);
    const old = {
      id: await pictures.first().getAttribute("data-shape-id"),
      frame: await slideFrame(pictures.first()),
      name: await pictures.first().getAttribute("data-shape-name"),
      src: await pictures.first().getAttribute("src"),
    };
    expect(await pictures.first().getAttribute("alt")).toBe(HAND_WRITTEN);

    await pictures.first().click();
    expect(await pictures.first().getAttribute("data-selected")).toBe("true");
    await typePrompt(pane, CANOE);
    const started = Date.now();
    await generate(pane);
    // Before the click the pane says the person's alt text stays; the description box would not be used.
    await pane.getByText(KEPT_NOTICE, { exact: false }).waitFor({ state: "visible", timeout: 10_000 });
    await expect(pane.getByText(`Its alt text: “${HAND_WRITTEN}”`, { exact: false }).isVisible()).resolves.toBe(true);
    await expect(pane.getByRole("textbox", { name: "Alt text description" }).isDisabled()).resolves.toBe(true);
    await expect(pane.getByRole("checkbox", { name: "Replace its alt text with mine" }).isChecked()).resolves.toBe(false);
    await insertResult(page, pane, pictures.first(), /^Replace selected picture/);
    timings.slideReplace = Date.now() - started;
    await pane.getByText("Picture replaced.").waitFor({ state: "visible", timeout: 10_000 });

    await expect(pictures.count()).resolves.toBe(1);
    const replaced = pictures.first();
    expect(await slide.locator(`[data-shape-id="${old.id}"]`).count()).toBe(0); // the old shape is gone
    expect(await replaced.getAttribute("src")).not.toBe(old.src);
    // Same left/top/width/height in points: Fit shapes the new picture for the old box, to the pixel (± 0.5 pt).
    const frame = await slideFrame(replaced);
    for (const side of ["left", "top", "width", "height"] as const) expect(Math.abs(frame[side] - old.frame[side])).toBeLessThanOrEqual(0.5);
    expect(await replaced.getAttribute("data-shape-name")).toBe(old.name);
    expect(await replaced.getAttribute("data-tag-illustrate_prompt")).toBe(CANOE);
    expect(await replaced.getAttribute("alt")).toBe(HAND_WRITTEN);
    expect(await replaced.getAttribute("title")).toBe("AI-generated image");
    await page.screenshot({ path: path.join(ARTIFACTS, "documentEdits-slide-replaced.png") });

    // Asked: "Replace its alt text with mine" writes the pane's description (the new prompt) over the person's.
    await replaced.click();
    await typePrompt(pane, HERON);
    await generate(pane);
    await pane.getByRole("checkbox", { name: "Replace its alt text with mine" }).check();
    const description = pane.getByRole("textbox", { name: "Alt text description" });
    await expect(description.isEnabled()).resolves.toBe(true);
    await expect(description.inputValue()).resolves.toBe(HERON);
    const secondSrc = await replaced.getAttribute("src");
    await pane.getByRole("button", { name: /^Replace selected picture/ }).click();
    await pane.getByText("Picture replaced.").waitFor({ state: "visible", timeout: 10_000 });
    const overwritten = pictures.first();
    await page.waitForFunction((src) => document.querySelector("img[data-shape-id]")?.getAttribute("src") !== src, secondSrc);
    expect(await overwritten.getAttribute("alt")).toBe(HERON);
    expect(await overwritten.getAttribute("data-tag-illustrate_prompt")).toBe(HERON);
  });

  it("Word page: Replace selected picture keeps the paragraph position, the width and the alt text a person wrote", async () => {
    const { wordPage, pane, picture } = await wordPageWithPrompt();
    await generate(pane);
    await writeAltText(pane, HAND_WRITTEN);
    await insertResult(page, pane, picture, /^Insert after selection/);
    const before = { src: await picture.getAttribute("src"), width: pointValue((await picture.getAttribute("style")) ?? "", "width") };
    expect(await picture.getAttribute("alt")).toBe(HAND_WRITTEN);

    await picture.click();
    await typePrompt(pane, CANOE);
    await pane.getByRole("combobox", { name: "Shape" }).selectOption("2:3");
    timings.wordReplace = await generateAndInsert(pane, picture, /^Replace selected picture/);
    await pane.getByText("Picture replaced.").waitFor({ state: "visible", timeout: 10_000 });

    await expect(wordPage.locator("img").count()).resolves.toBe(1);
    expect(await picture.getAttribute("src")).not.toBe(before.src);
    expect(await picture.getAttribute("data-prompt")).toBe(CANOE);
    const style = (await picture.getAttribute("style")) ?? "";
    expect(pointValue(style, "width")).toBe(before.width);
    const natural = await picture.evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]);
    expect(pointValue(style, "height")).toBeCloseTo((before.width * natural[1]) / natural[0], 1); // height follows the new aspect
    expect(natural[1]).toBeGreaterThan(natural[0]); // the portrait picture really is the new one
    expect(await picture.getAttribute("alt")).toBe(HAND_WRITTEN);
    await page.screenshot({ path: path.join(ARTIFACTS, "documentEdits-word-replaced.png") });
  });

  it("Word page: Replace over Illustrate's own alt text (the old prompt) writes the new prompt as the description", async () => {
    const { pane, picture } = await wordPageWithPrompt();
    await generate(pane);
    await insertResult(page, pane, picture, /^Insert after selection/);
    expect(await picture.getAttribute("alt")).toBe(PROMPT);
    const oldSrc = await picture.getAttribute("src");

    await picture.click();
    await typePrompt(pane, CANOE);
    await generate(pane);
    await expect(pane.getByRole("button", { name: /^Replace selected picture/ }).isVisible()).resolves.toBe(true);
    await expect(pane.getByText(KEPT_NOTICE, { exact: false }).count()).resolves.toBe(0);
    const description = pane.getByRole("textbox", { name: "Alt text description" });
    await expect(description.isEnabled()).resolves.toBe(true);
    await expect(description.inputValue()).resolves.toBe(CANOE);
    await insertResult(page, pane, picture, /^Replace selected picture/);
    await pane.getByText("Picture replaced.").waitFor({ state: "visible", timeout: 10_000 });
    expect(await picture.getAttribute("src")).not.toBe(oldSrc);
    expect(await picture.getAttribute("alt")).toBe(CANOE);
    expect(await picture.getAttribute("title")).toBe("AI-generated image");
    expect(await picture.getAttribute("data-prompt")).toBe(CANOE);
  });

  it("Word page: a click elsewhere while the gateway is slow does not move the picture from the paragraph captured at Generate", async () => {
    let released!: () => void;
    const held = new Promise<void>((resolve) => (released = resolve));
    let seen = false;
    await page.route("**/v1/images/generations", async (route: Route) => {
      if (route.request().method() === "POST") {
        seen = true;
        await held; // the gateway answers only after the person has clicked elsewhere
      }
      await route.continue();
    });
    const { wordPage, pane, picture: captured } = await wordPageWithPrompt();
    const elsewhere = wordPage.locator("p", { hasText: /^By mid-morning/ });

    await generate(pane, "Generate", async () => {
      await pane.getByRole("button", { name: "Cancel" }).waitFor({ state: "visible", timeout: 10_000 });
      await elsewhere.click({ clickCount: 3 });
      expect(await page.evaluate(() => document.getSelection()?.toString().trim())).toMatch(/^By mid-morning/);
      for (const deadline = Date.now() + 10_000; !seen && Date.now() < deadline;) await page.waitForTimeout(50);
      expect(seen).toBe(true); // the request is in flight, held at the route
      released();
    });
    await insertResult(page, pane, captured, /^Insert after selection/);
    await pane.getByText("Picture inserted.").waitFor({ state: "visible", timeout: 10_000 });
    expect(await wordPage.locator("img").count()).toBe(1);
    // Nothing landed after the paragraph that was selected when Insert was clicked.
    expect(await elsewhere.locator("xpath=following-sibling::*[1]").getAttribute("data-block-kind")).toBe("paragraph");
    expect(await elsewhere.locator("xpath=preceding-sibling::*[1]").getAttribute("data-block-kind")).toBe("picture");
    await page.screenshot({ path: path.join(ARTIFACTS, "documentEdits-word-captured-place.png") });
  });

  it("Word page: Edit selected picture sends its bytes to /v1/images/edits and replaces it with the answer", async () => {
    // Chromium does not hand multipart bodies with files to Playwright (postData is null), so the page's own
    // fetch is observed: the `image` and `prompt` fields of each FormData sent to /v1/images/edits.
    await page.addInitScript(() => {
      const sent: { image: string; imageType: string; prompt: string }[] = [];
      (window as unknown as { __editsSent: typeof sent }).__editsSent = sent;
      const original = window.fetch.bind(window);
      window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
        if (url.endsWith("/v1/images/edits") && init?.body instanceof FormData) {
          const image = init.body.get("image") as Blob;
          const bytes = new Uint8Array(await image.arrayBuffer());
          let binary = "";
          for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          sent.push({ image: btoa(binary), imageType: image.type, prompt: String(init.body.get("prompt")) });
        }
        return original(input, init);
      };
    });
    const { wordPage, pane, picture } = await wordPageWithPrompt();
    await generate(pane);
    await insertResult(page, pane, picture);
    const original = await imageData(picture);
    const block = await picture.locator("xpath=..").getAttribute("data-block-id");

    const edits: Request[] = [];
    const editAnswers: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/v1/images/edits") edits.push(request);
    });
    page.on("response", async (response) => {
      const request = response.request();
      if (request.method() === "POST" && new URL(request.url()).pathname === "/v1/images/edits")
        editAnswers.push((await response.body()).toString("utf8"));
    });

    await picture.click();
    await typePrompt(pane, "Add a red canoe on the water");
    timings.wordEdit = await generateAndInsert(pane, picture, /^Replace selected picture/, "Edit selected picture");
    await pane.getByText("Picture replaced.").waitFor({ state: "visible", timeout: 10_000 });

    expect(edits).toHaveLength(1); // one POST /v1/images/edits on the wire, multipart
    expect(edits[0].headers()["content-type"]).toMatch(/^multipart\/form-data/);
    const sent = await page.evaluate(
      () => (window as unknown as { __editsSent: { image: string; imageType: string; prompt: string }[] }).__editsSent,
    );
    expect(sent).toHaveLength(1);
    // The selected picture's own bytes are the `image` part.
    expect(sent[0]).toEqual({ image: original.base64, imageType: original.mimeType, prompt: "Add a red canoe on the water" });

    const edited = await imageData(picture);
    expect(edited.base64).not.toBe(original.base64);
    for (const deadline = Date.now() + 10_000; editAnswers.length === 0 && Date.now() < deadline;) await page.waitForTimeout(100);
    expect(editAnswers).toHaveLength(1);
    expect(editAnswers[0]).toContain(edited.base64); // the picture in the page is the one /v1/images/edits answered
    expect(await wordPage.locator("img").count()).toBe(1);
    expect(await picture.locator("xpath=..").getAttribute("data-block-id")).toBe(block);
    await page.screenshot({ path: path.join(ARTIFACTS, "documentEdits-word-edited.png") });
  });

  it("Word page: a 1536×1024 noisy PNG over 4 MiB is inserted as a smaller JPEG of the same pixel size", async () => {
    const noise = Buffer.alloc(1536 * 1024 * 3);
    for (let i = 0; i < noise.length; i += 1) noise[i] = Math.floor(Math.random() * 256);
    const png = await sharp(noise, { raw: { width: 1536, height: 1024, channels: 3 } })
      .png()
      .toBuffer();
    expect(png.length).toBeGreaterThan(4 * 1024 * 1024);
    const b64 = png.toString("base64");
    await page.route("**/v1/images/generations", async (route: Route) => {
      if (route.request().method() !== "POST") return route.continue();
      const n = Number((route.request().postDataJSON() as { n?: number }).n ?? 1);
      const response = await route.fetch(); // the real gateway's answer and CORS headers; only the body is swapped
      const headers: Record<string, string> = { ...response.headers(), "content-type": "application/json" };
      delete headers["content-length"];
      const data = Array.from({ length: n }, () => ({ b64_json: b64 }));
      await route.fulfill({ status: 200, headers, body: JSON.stringify({ created: Math.floor(Date.now() / 1000), data }) });
    });

    const { pane, picture } = await wordPageWithPrompt();
    await pane.getByRole("combobox", { name: "Shape" }).selectOption("3:2");
    const started = Date.now();
    await generate(pane);
    await insertResult(page, pane, picture, /^Insert after selection/);
    timings.transcodedInsert = Date.now() - started;
    await pane.getByText("Picture inserted.").waitFor({ state: "visible", timeout: 10_000 });

    const inserted = await imageData(picture);
    const bytes = Buffer.from(inserted.base64, "base64");
    expect(inserted.mimeType).toBe("image/jpeg");
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(bytes.length).toBeLessThan(png.length);
    expect(bytes.length).toBeLessThanOrEqual(4 * 1024 * 1024);
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 1536, 1024]);
    const natural = await picture.evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]);
    expect(natural).toEqual([1536, 1024]);
    console.log(`transcoded: PNG ${png.length} B → JPEG ${bytes.length} B`);
  });
});
