// The pane's wiring built once for the task pane and the workbench: the image client asks the lazy session for tokens.
import { withDefaults } from "../../../src/core/config";
import { createPaneServices } from "../../../src/taskpane/createPaneServices";
import { imagesResponse, jsonResponse, scriptedFetch } from "../imaging/fixtures";
import { pngBase64 } from "../../support/pictures";
import { FakeSession } from "./fakes";

/** The preloads `createPaneServices` schedules after first paint: run at once, awaited after each test. */
const preloads: Promise<void>[] = [];
const whenIdle = (preload: () => Promise<void>) => {
  preloads.push(preload());
};
afterEach(async () => {
  await Promise.all(preloads.splice(0)); // no chunk import may run after this file's environment is torn down
});

const config = withDefaults({ gatewayUrl: "https://gateway.example.com", scopes: ["api://illustrate-gateway/Images.Create"] });

test("the image client calls the configured API with a token the session gives for the configured scopes", async () => {
  const inner = new FakeSession();
  const getToken = jest.spyOn(inner, "getToken");
  const loadSession = jest.fn(async () => inner);
  const { fetch, calls } = scriptedFetch([imagesResponse([await pngBase64(1024, 1024)])]);
  const services = createPaneServices({ config, pagesBase: "https://localhost:3000/", loadSession, fetch, whenIdle });

  expect(services.config).toBe(config);
  expect(loadSession).not.toHaveBeenCalled(); // MSAL is not loaded until a token is needed
  const images = await services.imageClient.generate({ prompt: "A kite", size: "1024x1024" });

  expect(images).toHaveLength(1);
  expect(loadSession).toHaveBeenCalledTimes(1);
  expect((getToken.mock.calls[0] as unknown[])[0]).toEqual(config.scopes);
  expect(calls[0].url).toBe("https://gateway.example.com/v1/images/generations");
  expect(calls[0].headers.get("authorization")).toBe("Bearer token");
});

test("a configured API URL that is not https is refused when the services are built", () => {
  const bad = withDefaults({ gatewayUrl: "http://gateway.example.com" });
  expect(() => createPaneServices({ config: bad, pagesBase: "https://localhost:3000/", whenIdle })).toThrow(TypeError);
});

test("promptWriter: asks GET /v1/backend, then the gateway's POST /v1/prompts/visual with the session's token", async () => {
  const inner = new FakeSession();
  const { fetch, calls } = scriptedFetch([
    jsonResponse({ provider: "local", model: "local-renderer", offline: true, promptWriter: { provider: "azure-openai", model: "gpt-4o-mini" } }),
    jsonResponse({ briefs: [{ id: "s1", prompt: "A lighthouse, with no text." }], writer: { provider: "azure-openai", model: "gpt-4o-mini" } }),
  ]);
  const services = createPaneServices({ config, pagesBase: "https://localhost:3000/", loadSession: async () => inner, fetch, whenIdle });
  const written = await services.promptWriter.write([{ id: "s1", kind: "slide", title: "Safety first", body: "" }], {
    preset: "none",
    palette: [],
    styleWords: "",
  });
  expect(written).toEqual({ briefs: [{ itemId: "s1", prompt: "A lighthouse, with no text.", writer: "gateway", concepts: [] }] });
  expect(calls.map((c) => c.url)).toEqual(["https://gateway.example.com/v1/backend", "https://gateway.example.com/v1/prompts/visual"]);
  expect(calls[1].headers.get("authorization")).toBe("Bearer token");
});
