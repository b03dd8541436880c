// A hand-made fake of the MSAL client surface the session uses: records requests, answers from scripted outcomes.
import type { AccountInfo, AuthenticationResult, EventCallbackFunction } from "@azure/msal-browser";
import type { MsalClient } from "../../../src/auth/msalSession";

/** An MSAL account as the local issuer's ID token yields it. */
export function account(username: string, name: string): AccountInfo {
  return { homeAccountId: `${username}.local`, environment: "localhost:3002", tenantId: "", username, localAccountId: username, name };
}

/** An authentication result for `who` with `token`. */
export function result(token: string, who: AccountInfo | null): AuthenticationResult {
  return {
    authority: "https://localhost:3002",
    uniqueId: who?.localAccountId ?? "",
    tenantId: "",
    scopes: ["api://illustrate-gateway/Images.Create"],
    account: who as AccountInfo,
    idToken: "id",
    idTokenClaims: {},
    accessToken: token,
    fromCache: false,
    expiresOn: new Date(Date.now() + 3600_000),
    tokenType: "Bearer",
    correlationId: "c",
  } as AuthenticationResult;
}

type Outcome = AuthenticationResult | Error;

/** The fake: `silent`, `popup`, `sso` are queues of outcomes (result or error to throw), consumed in order. */
export class FakeMsalClient implements MsalClient {
  accounts: AccountInfo[] = [];
  active: AccountInfo | null = null;
  readonly silent: Outcome[] = [];
  readonly popup: Outcome[] = [];
  readonly sso: Outcome[] = [];
  readonly callbacks: EventCallbackFunction[] = [];

  readonly acquireTokenSilent = jest.fn(async () => this.next(this.silent, "acquireTokenSilent"));
  readonly acquireTokenPopup = jest.fn(async () => {
    const outcome = await this.next(this.popup, "acquireTokenPopup");
    if (outcome.account && !this.accounts.includes(outcome.account)) this.accounts.push(outcome.account);
    return outcome;
  });
  readonly ssoSilent = jest.fn(async () => this.next(this.sso, "ssoSilent"));
  readonly clearCache = jest.fn(async (request?: { account?: AccountInfo | null }) => {
    this.accounts = request?.account ? this.accounts.filter((a) => a !== request.account) : [];
  });

  getAllAccounts = () => this.accounts;
  getActiveAccount = () => this.active;
  setActiveAccount = jest.fn((next: AccountInfo | null) => {
    this.active = next;
  });
  addEventCallback = (callback: EventCallbackFunction) => {
    this.callbacks.push(callback);
    return String(this.callbacks.length);
  };

  private async next(queue: Outcome[], name: string): Promise<AuthenticationResult> {
    const outcome = queue.shift();
    if (!outcome) throw new Error(`unexpected ${name} call`);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }
}
