// The client's size check with crop_to_ratio: the answer must be the centre crop of `size`; no size → any size.
import { createImageClient } from "../../../src/imaging/createImageClient";
import { InvalidResponseError } from "../../../src/imaging/errors";
import { imagesResponse, scriptedFetch } from "./fixtures";
import { pngBase64 } from "../../support/pictures";
import { rejection } from "../../support/rejection";

const client = (b64: string) => {
  const { fetch, calls } = scriptedFetch([imagesResponse([b64])]);
  return {
    imageClient: createImageClient({
      apiBaseUrl: "https://gateway.example.com",
      fetch,
      sleep: async () => undefined,
      random: () => 0,
      maxRetries: 0,
    }),
    calls,
  };
};

test("size 1536x1024 with crop_to_ratio 3 expects the 1536×512 crop, and sends model and crop_to_ratio", async () => {
  const { imageClient, calls } = client(await pngBase64(1536, 512));
  const [image] = await imageClient.generate({ prompt: "A banner", size: "1536x1024", crop_to_ratio: 3, model: "gpt-image-2" });
  expect(image?.size).toEqual({ widthPx: 1536, heightPx: 512 });
  expect(calls[0]?.json).toMatchObject({ size: "1536x1024", crop_to_ratio: 3, model: "gpt-image-2" });
});

test("an uncropped answer to a crop request is refused as an invalid response", async () => {
  const { imageClient } = client(await pngBase64(1536, 1024));
  expect(await rejection(imageClient.generate({ prompt: "A banner", size: "1536x1024", crop_to_ratio: 3 }))).toBeInstanceOf(InvalidResponseError);
});

test("no size (Auto with crop_to_ratio): the gateway's size is accepted", async () => {
  const { imageClient } = client(await pngBase64(2048, 1152));
  const [image] = await imageClient.generate({ prompt: "A slide", crop_to_ratio: 16 / 9 });
  expect(image?.size).toEqual({ widthPx: 2048, heightPx: 1152 });
});
