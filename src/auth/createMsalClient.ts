// Creates the MSAL client for the pane: nested app authentication inside Office where supported, else standard.
import { createNestablePublicClientApplication, createStandardPublicClientApplication, type IPublicClientApplication } from "@azure/msal-browser";
import type { IllustrateConfig } from "../core/config";
import { msalConfiguration } from "./msalConfig";

/** The created client and which kind it is. */
export interface CreatedMsalClient {
  client: IPublicClientApplication;
  /** True for nested app authentication (Office brokers the sign-in; no popup, no redirect page). */
  nested: boolean;
}

/**
 * True when the host supports nested app authentication (`NestedAppAuth 1.1`) and the authority is Entra ID:
 * NAA brokers through the Office host's own Microsoft sign-in, so it cannot reach the local issuer.
 * Source: learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in
 */
export function supportsNestedAppAuth(config: IllustrateConfig, office: typeof Office | undefined): boolean {
  if (config.localIssuer) return false;
  try {
    return office?.context?.requirements?.isSetSupported("NestedAppAuth", "1.1") === true;
  } catch {
    return false; // outside Office (workbench): office.js loaded without a host
  }
}

/**
 * Creates and initializes the MSAL client for a page under `pagesBase` (see msalConfig.ts `pagesBaseOf`).
 * @param office the `Office` global after `Office.onReady`, or undefined outside Office.
 * @throws MSAL's configuration errors (e.g. a malformed authority).
 */
export async function createMsalClient(config: IllustrateConfig, pagesBase: string, office: typeof Office | undefined): Promise<CreatedMsalClient> {
  const configuration = msalConfiguration(config, pagesBase);
  if (supportsNestedAppAuth(config, office)) {
    return { client: await createNestablePublicClientApplication(configuration), nested: true };
  }
  return { client: await createStandardPublicClientApplication(configuration), nested: false };
}
