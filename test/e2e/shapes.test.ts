// End to end in Chromium (issue #10): Replace a 4:1 banner with Fit keeps its box and shape; transparent pictures keep alpha.
import type { Locator, Page, Route } from "playwright-core";
import sharp from "sharp";
import { useBrowserPage } from "../support/browser";
import { generate, insertResult, openWorkbench, slideFrame, useSelection } from "../support/workbenchPage";

jest.setTimeout(240_000);

let page: Page;
useBrowserPage({ onPage: (opened) => (page = opened) });

/** The bytes inside an `<img>`'s data: URL, and its MIME type (what the stand-in holds as the picture). */
async function imageBytes(picture: Locator): Promise<{ mimeType: string; bytes: Buffer }> {
  const src = (await picture.getAttribute("src")) ?? "";
  const match = /^data:([^;]+);base64,(.*)$/.exec(src);
  if (!match) throw new Error(`Not a data: URL: ${src.slice(0, 40)}…`);
  return { mimeType: match[1]!, bytes: Buffer.from(match[2]!, "base64") };
}

/** PNG colour type (IHDR byte 25): 6 = truecolour with alpha, 2 = truecolour. */
const pngColourType = (bytes: Buffer) => bytes[25];

/** How many pixels of an RGBA PNG are fully transparent, and how many fully opaque. */
async function alphaCounts(bytes: Buffer): Promise<{ clear: number; opaque: number; total: number }> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let clear = 0;
  let opaque = 0;
  for (let i = 3; i < data.length; i += 4) {
    if (data[i] === 0) clear++;
    else if (data[i] === 255) opaque++;
  }
  return { clear, opaque, total: info.width * info.height };
}

describe("issue #10 in the workbench", () => {
  it("Slide: Replace a 4:1 banner with Fit → the new picture has the old box (± 0.5 pt) and pixels of the box's ratio (± 1 %)", async () => {
    const { pane } = await openWorkbench(page, "slide");
    await page.getByRole("button", { name: "Slide 12: Thank you" }).click();
    const slide = page.getByRole("region", { name: /^Slide 12 of 12/ });
    const banner = slide.locator('img[data-shape-name="Banner"]');
    const old = { frame: await slideFrame(banner), src: await banner.getAttribute("src") };
    expect(old.frame.width / old.frame.height).toBe(4);

    await banner.click();
    expect(await banner.getAttribute("data-selected")).toBe("true");
    await pane.getByRole("textbox", { name: "Prompt" }).fill("A row of sailing boats on a calm lake");
    // Fit is the default for the selected picture, and the pane names the box it fits.
    await pane.getByText("Fits the selected picture's box (4:1).").waitFor({ state: "visible", timeout: 10_000 });
    await expect(pane.getByRole("combobox", { name: "Shape" }).inputValue()).resolves.toBe("fit");
    await generate(pane);
    await insertResult(page, pane, banner, /^Replace selected picture/);
    await pane.getByText("Picture replaced.").waitFor({ state: "visible", timeout: 10_000 });

    expect(await banner.getAttribute("src")).not.toBe(old.src);
    const frame = await slideFrame(banner);
    for (const side of ["left", "top", "width", "height"] as const) expect(Math.abs(frame[side] - old.frame[side])).toBeLessThanOrEqual(0.5);
    const { bytes } = await imageBytes(banner);
    const meta = await sharp(bytes).metadata();
    expect(Math.abs(meta.width! / meta.height! / (old.frame.width / old.frame.height) - 1)).toBeLessThanOrEqual(0.01);
    const natural = await banner.evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]);
    expect(natural).toEqual([meta.width, meta.height]);
  });

  it("Slide: a transparent picture from the gateway (local renderer) is inserted as a PNG that keeps its alpha channel", async () => {
    const { document: slide, pane } = await openWorkbench(page, "slide");
    await slide.getByRole("group", { name: "TextBox 2 (text box)" }).click();
    await useSelection(page, pane);
    await pane.getByRole("checkbox", { name: "Transparent background (PNG)" }).check();
    const bodies: Record<string, unknown>[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/v1/images/generations")
        bodies.push(request.postDataJSON() as Record<string, unknown>);
    });
    const pictures = slide.locator("img[data-shape-id]");
    await generate(pane);
    await insertResult(page, pane, pictures.first(), /^Insert/);
    await pane.getByText("Picture inserted.").waitFor({ state: "visible", timeout: 10_000 });

    expect(bodies.at(-1)).toMatchObject({ background: "transparent", output_format: "png" });
    const { mimeType, bytes } = await imageBytes(pictures.first());
    expect(mimeType).toBe("image/png");
    expect(pngColourType(bytes)).toBe(6);
    const alpha = await alphaCounts(bytes);
    expect(alpha.clear).toBeGreaterThan(0); // the corners of the cut-out really are transparent
    expect(alpha.opaque).toBeGreaterThan(alpha.total / 2);
  });

  it("Slide: a transparent PNG over 4 MiB is never turned into JPEG — it stays PNG with its alpha (scaled down to fit)", async () => {
    const { document: slide, pane } = await openWorkbench(page, "slide");
    await slide.getByRole("group", { name: "TextBox 2 (text box)" }).click();
    await useSelection(page, pane);
    await pane.getByRole("combobox", { name: "Shape" }).selectOption("3:2");
    await pane.getByRole("checkbox", { name: "Transparent background (PNG)" }).check();
    // Noisy RGBA at the asked size, every fourth pixel fully transparent: > 4 MiB, so the pane must shrink it.
    const [width, height] = [1536, 1024];
    const noise = Buffer.alloc(width * height * 4);
    for (let i = 0; i < noise.length; i += 1) noise[i] = Math.floor(Math.random() * 256);
    for (let p = 0; p < width * height; p += 4) noise[p * 4 + 3] = 0;
    const png = await sharp(noise, { raw: { width, height, channels: 4 } })
      .png()
      .toBuffer();
    expect(png.length).toBeGreaterThan(4 * 1024 * 1024);
    const sentSizes: unknown[] = [];
    await page.route("**/v1/images/generations", async (route: Route) => {
      if (route.request().method() !== "POST") return route.continue();
      const body = route.request().postDataJSON() as { n?: number; size?: string; background?: string };
      sentSizes.push([body.size, body.background]);
      const response = await route.fetch(); // the real gateway's answer and CORS headers; only the body is swapped
      const headers: Record<string, string> = { ...response.headers(), "content-type": "application/json" };
      delete headers["content-length"];
      const data = Array.from({ length: Number(body.n ?? 1) }, () => ({ b64_json: png.toString("base64") }));
      await route.fulfill({ status: 200, headers, body: JSON.stringify({ created: Math.floor(Date.now() / 1000), data }) });
    });
    const pictures = slide.locator("img[data-shape-id]");
    await generate(pane);
    await insertResult(page, pane, pictures.first(), /^Insert/);
    await pane.getByText("Picture inserted.").waitFor({ state: "visible", timeout: 10_000 });

    expect(sentSizes.at(-1)).toEqual(["1536x1024", "transparent"]);
    const { mimeType, bytes } = await imageBytes(pictures.first());
    expect(mimeType).toBe("image/png");
    expect(pngColourType(bytes)).toBe(6);
    expect(bytes.length).toBeLessThanOrEqual(4 * 1024 * 1024);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe("png");
    expect(meta.hasAlpha).toBe(true);
    expect(Math.abs(meta.width! / meta.height! / 1.5 - 1)).toBeLessThanOrEqual(0.01);
    expect((await alphaCounts(bytes)).clear).toBeGreaterThan(0);
  });
});
