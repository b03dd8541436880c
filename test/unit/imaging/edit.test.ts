// Edits: multipart upload of the picture (and mask) to /v1/images/edits, checked results, refused bad input.
import type { PictureData } from "../../../src/core/types";
import { createImageClient } from "../../../src/imaging/createImageClient";
import { InvalidRequestError } from "../../../src/imaging/errors";
import type { PartialImage } from "../../../src/imaging/ImageClient";
import { imagesResponse, jsonResponse, scriptedFetch, type Step } from "./fixtures";
import { jpegBase64, pngBase64 } from "../../support/pictures";
import { sseEvent, sseResponse } from "../../support/sse";

function editClient(script: Step[]) {
  const { fetch, calls } = scriptedFetch(script);
  const imageClient = createImageClient({
    apiBaseUrl: "https://localhost:3001",
    fetch,
    sleep: async () => undefined,
    tokenProvider: { getToken: async () => "tok" },
  });
  return { imageClient, calls };
}

let photo: PictureData;
let mask: PictureData;
let result: string;
beforeAll(async () => {
  photo = { base64: await jpegBase64(1024, 1024), mimeType: "image/jpeg", size: { widthPx: 1024, heightPx: 1024 } };
  mask = { base64: await pngBase64(1024, 1024), mimeType: "image/png", size: { widthPx: 1024, heightPx: 1024 } };
  result = await pngBase64(1024, 1024);
});

describe("edit", () => {
  it("POSTs multipart form data with the picture bytes, mask and fields, and returns the checked image", async () => {
    const { imageClient, calls } = editClient([imagesResponse([result])]);
    const images = await imageClient.edit({ image: photo, mask, prompt: "Add a red boat", size: "1024x1024", n: 1, input_fidelity: "high" });
    expect(calls[0].url).toBe("https://localhost:3001/v1/images/edits");
    expect(calls[0].headers.get("authorization")).toBe("Bearer tok");
    expect(calls[0].headers.get("content-type")).toBeNull(); // fetch sets multipart/form-data with its boundary
    const form = calls[0].init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    const image = form.get("image") as File;
    expect(image.type).toBe("image/jpeg");
    expect(image.name).toBe("image.jpg");
    expect(Buffer.from(await image.arrayBuffer()).toString("base64")).toBe(photo.base64);
    expect(Buffer.from(await (form.get("mask") as File).arrayBuffer()).toString("base64")).toBe(mask.base64);
    expect(form.get("prompt")).toBe("Add a red boat");
    expect(form.get("size")).toBe("1024x1024");
    expect(form.get("n")).toBe("1");
    expect(form.get("input_fidelity")).toBe("high");
    expect(form.has("quality")).toBe(false);
    expect(images[0]).toMatchObject({ base64: result, mimeType: "image/png", size: { widthPx: 1024, heightPx: 1024 } });
  });

  it("checks the result's size against the asked size", async () => {
    const { imageClient } = editClient([imagesResponse([await pngBase64(512, 512)])]);
    await expect(imageClient.edit({ image: photo, prompt: "x", size: "1024x1024" })).rejects.toThrow(/is 512×512 px, but 1024×1024 px was asked for/);
  });

  it("without a size, accepts any whole image", async () => {
    const { imageClient } = editClient([imagesResponse([await pngBase64(512, 512)])]);
    await expect(imageClient.edit({ image: photo, prompt: "x" })).resolves.toHaveLength(1);
  });

  it("streams image_edit partials", async () => {
    const preview = await pngBase64(256, 256);
    const { imageClient, calls } = editClient([
      sseResponse([
        sseEvent("image_edit.partial_image", { b64_json: preview, partial_image_index: 0 }),
        sseEvent("image_edit.completed", { b64_json: result }),
      ]),
    ]);
    const partials: PartialImage[] = [];
    await imageClient.edit({ image: photo, prompt: "x", size: "1024x1024", stream: true, partial_images: 1 }, { onPartial: (p) => partials.push(p) });
    expect((calls[0].init.body as FormData).get("stream")).toBe("true");
    expect(partials.map((p) => p.size)).toEqual([{ widthPx: 256, heightPx: 256 }]);
  });

  it("re-sends the same form after a 401 and a fresh token", async () => {
    const { imageClient, calls } = editClient([
      jsonResponse({ error: { code: "token_expired", type: "unauthorized", message: "x" } }, 401),
      imagesResponse([result]),
    ]);
    await imageClient.edit({ image: photo, prompt: "x" });
    expect(calls).toHaveLength(2);
    expect((calls[1].init.body as FormData).get("prompt")).toBe("x");
  });

  it.each([
    ["a JPEG mask", () => ({ ...mask, mimeType: "image/jpeg" as const }), "The mask must be a PNG"],
    ["a mask of another size", () => ({ ...mask, size: { widthPx: 512, heightPx: 512 } }), "The mask must have the same pixel size as the image"],
  ])("refuses %s before sending", async (_name, badMask, message) => {
    const { imageClient, calls } = editClient([]);
    const error = await imageClient.edit({ image: photo, mask: badMask(), prompt: "x" }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ param: "mask", message });
    expect(calls).toHaveLength(0);
  });

  it("refuses a picture whose base64 has a data: prefix, before sending", async () => {
    const { imageClient, calls } = editClient([]);
    const bad = { ...photo, base64: `data:image/jpeg;base64,${photo.base64}` };
    await expect(imageClient.edit({ image: bad, prompt: "x" })).rejects.toMatchObject({ name: "InvalidRequestError", param: "image" });
    expect(calls).toHaveLength(0);
  });
});
