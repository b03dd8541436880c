// Build-time configuration from the environment (scripts/build-config.cjs): only the eight ILLUSTRATE_* values.
import type { IllustrateConfig } from "../../../src/core/config";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS script webpack loads, tested as webpack sees it
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

  it("reads the deck run's concurrency (ILLUSTRATE_DECK_CONCURRENCY) as a whole number 1–16, naming the variable otherwise", () => {
    expect(illustrateConfigFromEnv({ ILLUSTRATE_DECK_CONCURRENCY: " 4 " })).toEqual({ deckConcurrency: 4 });
    expect(illustrateConfigFromEnv({ ILLUSTRATE_DECK_CONCURRENCY: "16" })).toEqual({ deckConcurrency: 16 });
    for (const bad of ["0", "17", "2.5", "-1", "two", "1e1"]) {
      expect(() => illustrateConfigFromEnv({ ILLUSTRATE_DECK_CONCURRENCY: bad })).toThrow(`ILLUSTRATE_DECK_CONCURRENCY must be a whole number from 1 to 16, got "${bad}"`);
    }
  });

  describe("API mode (ILLUSTRATE_API_MODE, ILLUSTRATE_DEPLOYMENT, ILLUSTRATE_API_VERSION)", () => {
    const direct = { ILLUSTRATE_API_MODE: "azure-openai-direct", ILLUSTRATE_GATEWAY_URL: "https://contoso.openai.azure.com/", ILLUSTRATE_DEPLOYMENT: "gpt-image-1" };

    it("reads Azure OpenAI direct mode, with and without a dated api-version; scopes stay unset so the pane's direct default applies", () => {
      expect(illustrateConfigFromEnv(direct)).toEqual({
        gatewayUrl: "https://contoso.openai.azure.com",
        api: { mode: "azure-openai-direct", deployment: "gpt-image-1" },
      });
      expect(illustrateConfigFromEnv({ ...direct, ILLUSTRATE_API_VERSION: "2025-04-01-preview" }).api).toEqual({
        mode: "azure-openai-direct",
        deployment: "gpt-image-1",
        apiVersion: "2025-04-01-preview",
      });
      expect(illustrateConfigFromEnv({ ILLUSTRATE_API_MODE: "gateway" })).toEqual({ api: { mode: "gateway" } });
    });

    it("rejects an unknown mode, direct mode without endpoint or deployment, bad names and versions, and direct-only variables in gateway mode", () => {
      expect(() => illustrateConfigFromEnv({ ILLUSTRATE_API_MODE: "azure" })).toThrow(/ILLUSTRATE_API_MODE must be one of gateway, azure-openai-direct/);
      expect(() => illustrateConfigFromEnv({ ...direct, ILLUSTRATE_GATEWAY_URL: "" })).toThrow(/needs ILLUSTRATE_GATEWAY_URL/);
      expect(() => illustrateConfigFromEnv({ ...direct, ILLUSTRATE_DEPLOYMENT: undefined })).toThrow(/needs ILLUSTRATE_DEPLOYMENT/);
      expect(() => illustrateConfigFromEnv({ ...direct, ILLUSTRATE_DEPLOYMENT: "../other?x=1" })).toThrow(/ILLUSTRATE_DEPLOYMENT must be/);
      expect(() => illustrateConfigFromEnv({ ...direct, ILLUSTRATE_API_VERSION: "latest&x=1" })).toThrow(/ILLUSTRATE_API_VERSION must be/);
      expect(() => illustrateConfigFromEnv({ ILLUSTRATE_DEPLOYMENT: "gpt-image-1" })).toThrow(/ILLUSTRATE_DEPLOYMENT is used only with/);
      expect(() => illustrateConfigFromEnv({ ILLUSTRATE_API_MODE: "gateway", ILLUSTRATE_API_VERSION: "2025-04-01-preview" })).toThrow(/ILLUSTRATE_API_VERSION is used only/);
    });

    it("bakes only the ILLUSTRATE_* configuration in direct mode, never keys or other Azure variables", () => {
      const env = {
        ...direct,
        ILLUSTRATE_API_VERSION: "2025-04-01-preview",
        AZURE_OPENAI_API_KEY: "sk-secret",
        AZURE_OPENAI_ENDPOINT: "https://other.openai.azure.com",
        IMAGE_API_KEY: "key-2",
        IMAGE_DEPLOYMENT: "server-side",
        ILLUSTRATE_API_KEY: "secret3",
      };
      const baked = JSON.stringify(illustrateConfigFromEnv(env));
      expect(baked).toBe(
        '{"gatewayUrl":"https://contoso.openai.azure.com","api":{"mode":"azure-openai-direct","deployment":"gpt-image-1","apiVersion":"2025-04-01-preview"}}',
      );
    });
  });
});
