// The gateway address: endpoint URLs under its base path, and the origin guard before a token is attached.
import { ImageClientError } from "../../../src/imaging/errors";
import { assertApiOrigin, endpointUrl, parseApiBaseUrl } from "../../../src/imaging/apiBaseUrl";

describe("gateway address", () => {
  it("joins endpoint paths under the base path, with or without a trailing slash", () => {
    expect(endpointUrl(parseApiBaseUrl("https://localhost:3001"), "/v1/images/generations")).toBe("https://localhost:3001/v1/images/generations");
    expect(endpointUrl(parseApiBaseUrl("https://api.contoso.com/illustrate/"), "/v1/images/edits")).toBe(
      "https://api.contoso.com/illustrate/v1/images/edits",
    );
  });

  it("lets a token go to the gateway origin only", () => {
    const gateway = parseApiBaseUrl("https://localhost:3001/base");
    expect(gateway.origin).toBe("https://localhost:3001");
    expect(() => assertApiOrigin("https://localhost:3001/v1/images/generations", gateway)).not.toThrow();
    for (const other of [
      "https://localhost:3002/v1/images/generations",
      "http://localhost:3001/v1",
      "https://evil.example/v1",
      "https://localhost.evil.example:3001/",
    ]) {
      expect(() => assertApiOrigin(other, gateway)).toThrow(ImageClientError);
      expect(() => assertApiOrigin(other, gateway)).toThrow(/Refusing to send the access token/);
    }
  });
});
