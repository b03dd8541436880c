// Gateway settings from the environment: defaults, parsing, and errors that name the variable.
import { readGatewayConfig } from "../../../../server/gateway/config";

describe("readGatewayConfig", () => {
  it("defaults to the local development setup", () => {
    expect(readGatewayConfig({})).toEqual({
      port: 3001,
      host: "localhost",
      provider: "local",
      allowedOrigins: ["https://localhost:3000"],
      generationTimeoutMs: 300_000,
    });
  });

  it("reads PORT, IMAGE_PROVIDER, ALLOWED_ORIGINS and GENERATION_TIMEOUT_MS", () => {
    const config = readGatewayConfig({
      PORT: "8443",
      IMAGE_PROVIDER: "azure-openai",
      ALLOWED_ORIGINS: " https://addin.contoso.com/ , https://localhost:3000",
      GENERATION_TIMEOUT_MS: "120000",
    });
    expect(config).toMatchObject({
      port: 8443,
      provider: "azure-openai",
      allowedOrigins: ["https://addin.contoso.com", "https://localhost:3000"],
      generationTimeoutMs: 120_000,
    });
  });

  it.each([
    [{ PORT: "70000" }, /PORT/],
    [{ PORT: "http" }, /PORT/],
    [{ ALLOWED_ORIGINS: "localhost:3000" }, /ALLOWED_ORIGINS/],
    [{ ALLOWED_ORIGINS: "https://addin.contoso.com/taskpane.html" }, /ALLOWED_ORIGINS.*origin only/],
    [{ GENERATION_TIMEOUT_MS: "soon" }, /GENERATION_TIMEOUT_MS/],
  ])("refuses %p with a message naming the variable", (env, message) => {
    expect(() => readGatewayConfig(env)).toThrow(message);
  });
});
