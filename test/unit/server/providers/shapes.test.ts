// Pure request-shape helpers: MAI sizes, Azure URLs, endpoint rules, stream event parsing, the user hash.
import { parseStreamEvent } from "../../../../server/providers/azure-openai/AzureOpenAIProvider";
import { azureImagesUrl } from "../../../../server/providers/azure-openai/azureUrls";
import { MAI_DOCUMENTED_SIZES, fitsMai, maiSizeFor } from "../../../../server/providers/foundry-mai/maiSize";
import { parseEndpoint } from "../../../../server/providers/upstream/endpoint";
import { isBase64, isBase64Decoded } from "../../../../src/core/protocol/base64";
import { hashedUser } from "../../../../server/providers/upstream/userHash";

describe("maiSizeFor", () => {
  test.each([
    [1024, 1024, 1024, 1024],
    [1536, 1024, 1248, 832],
    [1024, 1536, 832, 1248],
    [1920, 1080, 1360, 768],
    [1080, 1920, 768, 1360],
    [1600, 1200, 1168, 880],
  ])("%i×%i → %i×%i within MAI limits", (w, h, mw, mh) => {
    const size = maiSizeFor({ widthPx: w, heightPx: h });
    expect(size).toEqual({ widthPx: mw, heightPx: mh });
    expect(fitsMai(size)).toBe(true);
  });
  test("every documented size fits, and any ratio gives a size that fits", () => {
    for (const size of Object.values(MAI_DOCUMENTED_SIZES)) expect(fitsMai(size)).toBe(true);
    for (const [w, h] of [
      [3000, 1000],
      [1000, 3000],
      [1234, 987],
      [500, 400],
    ])
      expect(fitsMai(maiSizeFor({ widthPx: w, heightPx: h }))).toBe(true);
  });
});

describe("maiSizeFor per family (the shared MAI rule)", () => {
  test("a size the family's rule accepts is sent as it is: 2.6 takes 2048×1152, 2.5 does not", () => {
    expect(maiSizeFor({ widthPx: 2048, heightPx: 1152 }, "mai-image-2.6")).toEqual({ widthPx: 2048, heightPx: 1152 });
    expect(fitsMai({ widthPx: 2048, heightPx: 1152 }, "mai-image-2.5")).toBe(false);
    expect(maiSizeFor({ widthPx: 2048, heightPx: 1152 }, "mai-image-2.5")).toEqual({ widthPx: 1360, heightPx: 768 });
  });
  test("2.6 allows 3072×768 (4:1 at 2,359,296 px); over the cap is mapped inside it", () => {
    expect(maiSizeFor({ widthPx: 3072, heightPx: 768 }, "mai-image-2.6")).toEqual({ widthPx: 3072, heightPx: 768 });
    const big = maiSizeFor({ widthPx: 3072, heightPx: 2048 }, "mai-image-2.6");
    expect(fitsMai(big, "mai-image-2.6")).toBe(true);
    expect(big.widthPx / big.heightPx).toBeCloseTo(1.5, 5);
  });
});

describe("azureImagesUrl", () => {
  const target = { endpoint: "https://res.openai.azure.com", deployment: "gpt image" };
  test("dated deployment path with api-version, no model", () => {
    expect(azureImagesUrl({ ...target, apiVersion: "2025-04-01-preview" }, "edits")).toEqual({
      url: "https://res.openai.azure.com/openai/deployments/gpt%20image/images/edits?api-version=2025-04-01-preview",
    });
  });
  test("v1 path with model", () => {
    expect(azureImagesUrl(target, "generations")).toEqual({ url: "https://res.openai.azure.com/openai/v1/images/generations", model: "gpt image" });
  });
});

describe("parseEndpoint", () => {
  test("https anywhere, http only on loopback, trailing slash dropped", () => {
    expect(parseEndpoint("IMAGE_ENDPOINT", "https://res.services.ai.azure.com/")).toBe("https://res.services.ai.azure.com");
    expect(parseEndpoint("IMAGE_ENDPOINT", "http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080");
    expect(parseEndpoint("IMAGE_ENDPOINT", "http://localhost:8080/base/")).toBe("http://localhost:8080/base");
    expect(() => parseEndpoint("IMAGE_ENDPOINT", "http://res.openai.azure.com")).toThrow(/loopback/);
    expect(() => parseEndpoint("IMAGE_ENDPOINT", "https://res.openai.azure.com/?key=1")).toThrow(/query/);
    expect(() => parseEndpoint("IMAGE_ENDPOINT", "ftp://x")).toThrow(/https/);
    expect(() => parseEndpoint("IMAGE_ENDPOINT", undefined)).toThrow(/IMAGE_ENDPOINT is required/);
  });
});

describe("parseStreamEvent", () => {
  test("partials and completed, by event name or by the data's type (generations and edits)", () => {
    expect(parseStreamEvent("image_generation.partial_image", '{"b64_json":"AAA","partial_image_index":1}')).toEqual({
      type: "partial",
      index: 1,
      b64_json: "AAA",
    });
    expect(parseStreamEvent(undefined, '{"type":"image_edit.completed","b64_json":"BBB","revised_prompt":"r"}')).toEqual({
      type: "completed",
      b64_json: "BBB",
      revised_prompt: "r",
    });
  });
  test("keep-alives and [DONE] are skipped; error events throw", () => {
    expect(parseStreamEvent(undefined, "[DONE]")).toBeUndefined();
    expect(parseStreamEvent("ping", "{}")).toBeUndefined();
    expect(() => parseStreamEvent("error", '{"error":{"code":"content_filter"}}')).toThrow(expect.objectContaining({ code: "content_filtered" }));
    expect(() => parseStreamEvent(undefined, '{"error":{"code":"server_error"}}')).toThrow(
      expect.objectContaining({ code: "upstream_stream_error" }),
    );
  });
});

test("hashedUser: stable, not the id, keyed, undefined without a user", () => {
  expect(hashedUser("oid-1")).toBe(hashedUser("oid-1"));
  expect(hashedUser("oid-1")).toMatch(/^[0-9a-f]{32}$/);
  expect(hashedUser("oid-1")).not.toBe(hashedUser("oid-2"));
  expect(hashedUser("oid-1", "other-secret")).not.toBe(hashedUser("oid-1"));
  expect(hashedUser(undefined)).toBeUndefined();
});

test("isBase64: the alphabet with padding only at the end; linear on a 12 MB string", () => {
  expect(isBase64("iVBORw0KGgo=")).toBe(true);
  expect(isBase64("iVBO Rw0K")).toBe(false);
  expect(isBase64("ab=c")).toBe(false);
  expect(isBase64("===")).toBe(false);
  expect(isBase64("")).toBe(false);
  expect(isBase64("A".repeat(12 * 1024 * 1024) + "==")).toBe(true);
});

test("isBase64Decoded after Buffer's forgiving decode agrees with isBase64 (and refuses URL-safe and 4k+1 lengths)", () => {
  const decoded = (text: string) => isBase64Decoded(text, Buffer.from(text, "base64").length);
  const samples = [
    "iVBORw0KGgo=",
    "abcd",
    "ab==",
    "abc=",
    "ab",
    "abc",
    "iVBO Rw0K",
    "ab=c",
    "===",
    "",
    "a===",
    "abc!",
    "abcd!",
    "ab\nd",
    "abĀd",
    "ab-d",
    "ab_d",
  ];
  for (const text of samples) expect([text, decoded(text)]).toEqual([text, isBase64(text) && !/[-_]/.test(text)]);
  expect(decoded("abcde")).toBe(false); // 4k+1 characters: no encoder makes them
  const bytes = Buffer.alloc(5 * 1024 * 1024 + 1);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  const picture = bytes.toString("base64");
  expect(decoded(picture)).toBe(true);
  expect(decoded(`${picture.slice(0, 1000)}*${picture.slice(1001)}`)).toBe(false);
});
