// MSAL configuration from IllustrateConfig, NAA detection, the Office login hint and the dialog message parser.
import { supportsNestedAppAuth } from "../../../src/auth/createMsalClient";
import { parseDialogMessage } from "../../../src/auth/dialogProtocol";
import { AUTH_DIALOG_PAGE, interactivePrompt, msalConfiguration, pageUrl, pagesBaseOf } from "../../../src/auth/msalConfig";
import { officeLoginHint } from "../../../src/auth/officeLoginHint";
import { DEFAULT_CONFIG, type IllustrateConfig } from "../../../src/core/config";

const ENTRA: IllustrateConfig = {
  gatewayUrl: "https://illustrate.contoso.com",
  clientId: "00000000-0000-0000-0000-00000000c11e",
  authority: "https://login.microsoftonline.com/contoso.onmicrosoft.com",
  scopes: ["api://11111111-0000-0000-0000-000000000001/Images.Create"],
  localIssuer: false,
};

describe("msalConfiguration", () => {
  it("puts protocolMode OIDC under system and trusts the local issuer's host:port", () => {
    const configuration = msalConfiguration(DEFAULT_CONFIG, "https://localhost:3000");
    expect(configuration.system?.protocolMode).toBe("OIDC");
    expect(configuration.auth).toMatchObject({
      clientId: "illustrate-pane-dev",
      authority: "https://localhost:3002",
      knownAuthorities: ["localhost:3002"],
      redirectUri: "https://localhost:3000/redirect.html",
    });
    expect(configuration.auth).not.toHaveProperty("protocolMode");
    expect(configuration.cache?.cacheLocation).toBe("localStorage");
  });

  it("uses the AAD protocol and no known authorities for Entra ID", () => {
    const configuration = msalConfiguration(ENTRA, "https://illustrate.contoso.com");
    expect(configuration.system?.protocolMode).toBe("AAD");
    expect(configuration.auth.knownAuthorities).toBeUndefined();
    expect(configuration.auth.redirectUri).toBe("https://illustrate.contoso.com/redirect.html");
  });

  it("hosted under a sub-path: the redirect bridge and the dialog page stay under it, not at the origin's root", () => {
    const base = pagesBaseOf("https://contoso.example/illustrate/taskpane.html?_host_Info=Word$Win32$16.01$en-US");
    expect(base).toBe("https://contoso.example/illustrate/");
    expect(msalConfiguration(ENTRA, base).auth.redirectUri).toBe("https://contoso.example/illustrate/redirect.html");
    expect(pageUrl(AUTH_DIALOG_PAGE, base)).toBe("https://contoso.example/illustrate/auth-dialog.html");
    // The dialog page finds the same folder from its own address, and a base given without the slash is the folder.
    expect(pagesBaseOf("https://contoso.example/illustrate/auth-dialog.html#code=x")).toBe(base);
    expect(pageUrl("redirect.html", "https://contoso.example/illustrate")).toBe("https://contoso.example/illustrate/redirect.html");
    expect(pagesBaseOf("https://localhost:3000/taskpane.html")).toBe("https://localhost:3000/");
  });

  it("prompts for the account page and consent at the local issuer (refresh token), for an account at Entra ID", () => {
    expect(interactivePrompt(DEFAULT_CONFIG)).toBe("login consent");
    expect(interactivePrompt(ENTRA)).toBe("select_account");
  });
});

describe("supportsNestedAppAuth", () => {
  const office = (supported: boolean | "throws") =>
    ({
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => {
            if (supported === "throws") throw new Error("no host");
            return supported && name === "NestedAppAuth" && version === "1.1";
          },
        },
      },
    }) as unknown as typeof Office;

  it("is true for Entra ID in a host with NestedAppAuth 1.1", () => {
    expect(supportsNestedAppAuth(ENTRA, office(true))).toBe(true);
  });

  it("is false without the requirement set, outside Office, or for the local issuer", () => {
    expect(supportsNestedAppAuth(ENTRA, office(false))).toBe(false);
    expect(supportsNestedAppAuth(ENTRA, office("throws"))).toBe(false);
    expect(supportsNestedAppAuth(ENTRA, undefined)).toBe(false);
    expect(supportsNestedAppAuth(DEFAULT_CONFIG, office(true))).toBe(false);
  });
});

describe("officeLoginHint", () => {
  const withContext = (host: string | null, getAuthContext: () => Promise<{ userPrincipalName: string }>) =>
    ({ context: { host }, auth: { getAuthContext } }) as unknown as typeof Office;

  it("returns the Office user's UPN inside a host", async () => {
    await expect(officeLoginHint(withContext("Word", async () => ({ userPrincipalName: "ada@contoso.com" })))).resolves.toBe("ada@contoso.com");
  });

  it("returns undefined outside a host, on failure, and when Office never answers", async () => {
    const never = jest.fn(() => new Promise<{ userPrincipalName: string }>(() => undefined));
    await expect(officeLoginHint(withContext(null, never))).resolves.toBeUndefined();
    expect(never).not.toHaveBeenCalled();
    await expect(officeLoginHint(withContext("Word", async () => Promise.reject(new Error("13001"))))).resolves.toBeUndefined();
    jest.useFakeTimers();
    try {
      const pending = officeLoginHint(withContext("PowerPoint", never));
      await jest.advanceTimersByTimeAsync(3_000);
      await expect(pending).resolves.toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("parseDialogMessage", () => {
  it("accepts a success and a failure", () => {
    const success = { status: "success", accessToken: "t", expiresOn: 1, scopes: ["s"], account: { homeAccountId: "h", name: "n", username: "u" } };
    expect(parseDialogMessage(JSON.stringify(success))).toEqual(success);
    expect(parseDialogMessage('{"status":"error","code":"access_denied","message":"no"}')).toMatchObject({ code: "access_denied" });
  });

  it("turns anything else into invalid_dialog_message", () => {
    for (const text of ["<b>hi</b>", "null", '{"status":"success"}', '{"status":"error"}']) {
      expect(parseDialogMessage(text)).toMatchObject({ status: "error", code: "invalid_dialog_message" });
    }
  });
});
