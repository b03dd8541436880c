// The pane's wiring built once for the task pane and the workbench: the image client asks the lazy session for tokens.
import { withDefaults } from "../../../src/core/config";
import { createPaneServices } from "../../../src/taskpane/createPaneServices";
import { imagesResponse, scriptedFetch } from "../imaging/fixtures";
import { pngBase64 } from "../../support/pictures";
import { FakeSession } from "./fakes";

const config = withDefaults({ gatewayUrl: "https://gateway.example.com", scopes: ["api://illustrate-gateway/Images.Create"] });

test("the image client calls the configured API with a token the session gives for the configured scopes", async () => {
  const inner = new FakeSession();
  const getToken = jest.spyOn(inner, "getToken");
  const loadSession = jest.fn(async () => inner);
  const { fetch, calls } = scriptedFetch([imagesResponse([await pngBase64(1024, 1024)])]);
  const services = createPaneServices({ config, pagesBase: "https://localhost:3000/", loadSession, fetch });

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
  expect(() => createPaneServices({ config: bad, pagesBase: "https://localhost:3000/" })).toThrow(TypeError);
});
