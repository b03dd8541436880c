// Contract of the Foundry MAI provider against a strict fake of /mai/v1/images/*: URL, headers, body, sizes,
// n calls for n images, edits without mask, Entra tokens, the `user` hash.
import { FoundryMaiProvider } from "../../server/providers/foundry-mai/FoundryMaiProvider";
import { createRemoteProvider } from "../../server/providers/upstream/remoteProvider";
import { hashedUser } from "../../server/providers/upstream/userHash";
import { fakePng, startFakeUpstream, type FakeUpstream } from "../fakes/upstream/FakeUpstream";
import { API_KEY, TOKEN, generateRequest, rejectionOf, testClient } from "./providers.helpers";
import { decoded } from "../support/pictures";

// Generous: a loaded CI machine encodes the fake's PNGs slowly.
jest.setTimeout(30_000);

const DEPLOYMENT = "MAI-Image-2";
let fake: FakeUpstream;

beforeAll(async () => {
  fake = await startFakeUpstream({ kind: "foundry-mai", deployment: DEPLOYMENT, apiKey: API_KEY, bearerToken: TOKEN });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

function provider(client = testClient()): FoundryMaiProvider {
  return new FoundryMaiProvider({ endpoint: fake.url, deployment: DEPLOYMENT, client });
}

test("n=2 landscape: two calls with model, width 1248, height 832 (3:2 within MAI limits); images come back 1536×1024", async () => {
  const images = await provider().generate(generateRequest({ n: 2 }), { signal: new AbortController().signal, userId: "user-oid-1" });
  expect(fake.violations).toEqual([]);
  expect(fake.requests).toHaveLength(2);
  for (const seen of fake.requests) {
    expect(seen.path).toBe("/mai/v1/images/generations");
    expect(seen.headers["api-key"]).toBe(API_KEY);
    expect(seen.body).toEqual({ model: DEPLOYMENT, prompt: "A lighthouse at dusk", width: 1248, height: 832, user: hashedUser("user-oid-1") });
    expect(JSON.stringify(seen.body)).not.toContain("user-oid-1");
  }
  expect(images).toHaveLength(2);
  for (const image of images) expect(await decoded(image.b64_json)).toEqual({ format: "png", width: 1536, height: 1024 });
});

test("square → 1024×1024 unchanged; jpeg output is re-encoded as JPEG", async () => {
  const [image] = await provider().generate(
    generateRequest({ apiSize: "1024x1024", size: { widthPx: 1024, heightPx: 1024 }, outputFormat: "jpeg" }),
    { signal: new AbortController().signal },
  );
  expect(fake.requests[0].body).toMatchObject({ width: 1024, height: 1024 });
  expect(fake.requests[0].body.user).toBeUndefined();
  expect(await decoded(image.b64_json)).toEqual({ format: "jpeg", width: 1024, height: 1024 });
});

test("says it does not stream", () => {
  expect(provider().info).toEqual({ provider: "foundry-mai", model: DEPLOYMENT, offline: false, streaming: false });
});

test("edit: multipart to /mai/v1/images/edits with the image and no mask", async () => {
  const png = await fakePng(1024, 1024, 7);
  const [image] = await provider().edit(
    { ...generateRequest({ apiSize: "1024x1024", size: { widthPx: 1024, heightPx: 1024 } }), image: { bytes: png, mimeType: "image/png" } },
    { signal: new AbortController().signal },
  );
  expect(fake.violations).toEqual([]);
  const seen = fake.requests[0];
  expect(seen.path).toBe("/mai/v1/images/edits");
  expect(seen.multipart).toBe(true);
  expect(seen.body).toMatchObject({ model: DEPLOYMENT, prompt: "A lighthouse at dusk", width: "1024", height: "1024" });
  expect(seen.files.image.bytes.equals(png)).toBe(true);
  expect(seen.files.mask).toBeUndefined();
  expect(await decoded(image.b64_json)).toMatchObject({ width: 1024, height: 1024 });
});

test("edit with a mask is refused before any upstream call (MAI takes none)", async () => {
  const png = await fakePng(1024, 1024);
  const error = await rejectionOf(
    Promise.resolve().then(() =>
      provider().edit(
        { ...generateRequest(), image: { bytes: png, mimeType: "image/png" }, mask: { bytes: png } },
        { signal: new AbortController().signal },
      ),
    ),
  );
  expect(error).toMatchObject({ statusCode: 400, code: "mask_not_supported", type: "bad_request" });
  expect(fake.requests).toHaveLength(0);
});

test("Entra: Bearer token; a 401 is retried once with a fresh token", async () => {
  const tokens = ["stale-token", TOKEN];
  let created = 0;
  const client = testClient({ tokens: { getToken: async () => ({ token: tokens[Math.min(created++, 1)] }) } });
  const [image] = await provider(client).generate(generateRequest(), { signal: new AbortController().signal });
  expect(fake.requests.map((r) => r.headers.authorization)).toEqual(["Bearer stale-token", `Bearer ${TOKEN}`]);
  expect(fake.requests[0].headers["api-key"]).toBeUndefined();
  expect(image.b64_json.length).toBeGreaterThan(0);
});

test("configured from the environment (IMAGE_PROVIDER=foundry-mai, IMAGE_ENDPOINT, IMAGE_DEPLOYMENT, IMAGE_API_KEY)", async () => {
  const configured = createRemoteProvider("foundry-mai", { IMAGE_ENDPOINT: `${fake.url}/`, IMAGE_DEPLOYMENT: DEPLOYMENT, IMAGE_API_KEY: API_KEY });
  await configured.generate(generateRequest({ apiSize: "1024x1536", size: { widthPx: 1024, heightPx: 1536 } }), {
    signal: new AbortController().signal,
  });
  expect(fake.violations).toEqual([]);
  expect(fake.requests[0].body).toMatchObject({ width: 832, height: 1248 });
  const anonymous = createRemoteProvider("foundry-mai", {
    IMAGE_ENDPOINT: fake.url,
    IMAGE_DEPLOYMENT: DEPLOYMENT,
    IMAGE_API_KEY: API_KEY,
    IMAGE_SEND_USER: "false",
  });
  await anonymous.generate(generateRequest(), { signal: new AbortController().signal, userId: "oid-9" });
  expect(fake.requests[1].body.user).toBeUndefined();
  expect(() => createRemoteProvider("foundry-mai", { IMAGE_ENDPOINT: "http://example.com", IMAGE_DEPLOYMENT: "d" })).toThrow(/loopback/);
  expect(() => createRemoteProvider("foundry-mai", { IMAGE_ENDPOINT: fake.url })).toThrow(/IMAGE_DEPLOYMENT/);
});

test("the fake is strict: width < 768 and a missing model are refused", async () => {
  const post = (body: unknown) =>
    fetch(`${fake.url}/mai/v1/images/generations`, {
      method: "POST",
      headers: { "content-type": "application/json", "api-key": API_KEY },
      body: JSON.stringify(body),
    });
  const small = await post({ model: DEPLOYMENT, prompt: "x", width: 512, height: 1024 });
  expect(small.status).toBe(400);
  expect((await small.json()).error.message).toMatch(/width/);
  expect((await post({ prompt: "x", width: 1024, height: 1024 })).status).toBe(400);
  expect((await post({ model: DEPLOYMENT, prompt: "x", width: 1360, height: 1360 })).status).toBe(400); // > 1,048,576 px
  expect(fake.violations).toHaveLength(3);
});
