// Build-time configuration from the environment (scripts/build-config.cjs): only the four ILLUSTRATE_* values.
import type { IllustrateConfig } from "../../../src/core/config";

const { illustrateConfigFromEnv } = require("../../../scripts/build-config.cjs") as {
  illustrateConfigFromEnv(env: Record<string, string | undefined>): Partial<IllustrateConfig>;
};

describe("illustrateConfigFromEnv", () => {
  it("sets only the keys whose variables are set, so the pane's defaults fill the rest", () => {
    expect(illustrateConfigFromEnv({})).toEqual({});
    expect(illustrateConfigFromEnv({ ILLUSTRATE_GATEWAY_URL: " ", ILLUSTRATE_SCOPES: "" })).toEqual({});
    expect(illustrateConfigFromEnv({ ILLUSTRATE_GATEWAY_URL: "https://images.contoso.com/api/" })).toEqual({ gatewayUrl: "https://images.contoso.com/api" });
  });

  it("reads an Entra ID setup: authority (not the local issuer), client id, space-separated scopes", () => {
    const config = illustrateConfigFromEnv({
      ILLUSTRATE_CLIENT_ID: "0a1b2c3d",
      ILLUSTRATE_AUTHORITY: "https://login.microsoftonline.com/contoso.onmicrosoft.com",
      ILLUSTRATE_SCOPES: "api://gw/Images.Create  openid",
    });
    expect(config).toEqual({
      clientId: "0a1b2c3d",
      authority: "https://login.microsoftonline.com/contoso.onmicrosoft.com",
      localIssuer: false,
      scopes: ["api://gw/Images.Create", "openid"],
    });
    expect(illustrateConfigFromEnv({ ILLUSTRATE_AUTHORITY: "https://localhost:3002" })).toEqual({ authority: "https://localhost:3002", localIssuer: true });
  });

  it("never copies any other variable, secrets included", () => {
    const env = { ILLUSTRATE_CLIENT_ID: "pane", AZURE_OPENAI_API_KEY: "sk-secret", ILLUSTRATE_API_KEY: "secret2", PATH: "/usr/bin" };
    const baked = JSON.stringify(illustrateConfigFromEnv(env));
    expect(baked).toBe('{"clientId":"pane"}');
  });

  it("rejects a malformed URL, naming the variable", () => {
    expect(() => illustrateConfigFromEnv({ ILLUSTRATE_GATEWAY_URL: "localhost:3001" })).toThrow(/ILLUSTRATE_GATEWAY_URL/);
    expect(() => illustrateConfigFromEnv({ ILLUSTRATE_GATEWAY_URL: "http://images.contoso.com" })).toThrow(/https/);
    expect(() => illustrateConfigFromEnv({ ILLUSTRATE_AUTHORITY: "https://user:pw@login.example" })).toThrow(/ILLUSTRATE_AUTHORITY.*credentials/);
    expect(illustrateConfigFromEnv({ ILLUSTRATE_GATEWAY_URL: "http://localhost:3001" })).toEqual({ gatewayUrl: "http://localhost:3001" });
  });
});
