// An AccountSession that loads MSAL on first use (or just after first paint), so MSAL is not in the pane's first bundle.
import type { IllustrateConfig } from "../core/config";
import { AUTH_DIALOG_PAGE, pageUrl } from "./msalConfig";
import type { AccountSession, GetTokenOptions, SignedInAccount } from "../core/TokenProvider";

/** Options of {@link createLazySession}. */
export interface LazySessionOptions {
  config: IllustrateConfig;
  /**
   * Folder of the pane's pages, e.g. `https://localhost:3000/` or `https://contoso.example/illustrate/` (redirect
   * bridge and dialog pages live there; msalConfig.ts `pagesBaseOf`).
   */
  pagesBase: string;
  /** The `Office` global after `Office.onReady`, or undefined outside Office. */
  office?: typeof Office;
  /** Loads the real session; default: dynamic imports of MSAL and ./msalSession (a separate webpack chunk). */
  load?: () => Promise<AccountSession>;
}

/** An {@link AccountSession} whose MSAL is loaded lazily; `preload()` starts loading without waiting. */
export interface LazyAccountSession extends AccountSession {
  /** Starts loading MSAL (idempotent); resolves with the real session. Rejects when MSAL cannot start. */
  preload(): Promise<AccountSession>;
}

/** Builds the MSAL-backed session (runs only inside the lazily loaded chunk). */
async function loadMsalSession({ config, pagesBase, office }: LazySessionOptions): Promise<AccountSession> {
  const [{ createMsalClient }, { MsalSession }, { openOfficeAuthDialog }, { officeLoginHint }] = await Promise.all([
    import(/* webpackChunkName: "msal" */ "./createMsalClient"),
    import(/* webpackChunkName: "msal" */ "./msalSession"),
    import(/* webpackChunkName: "msal" */ "./officeDialog"),
    import(/* webpackChunkName: "msal" */ "./officeLoginHint"),
  ]);
  const { client, nested } = await createMsalClient(config, pagesBase, office);
  let hint: Promise<string | undefined> | undefined;
  const inOfficeHost = Boolean(office?.context?.host);
  return new MsalSession(client, {
    config,
    loginHint: () => (hint ??= officeLoginHint(office)),
    // Nested app authentication has no popup to block; the dialog is the standard client's fallback in Office.
    ...(inOfficeHost && !nested ? { openDialog: openOfficeAuthDialog, dialogUrl: pageUrl(AUTH_DIALOG_PAGE, pagesBase) } : {}),
  });
}

/**
 * Creates the pane's session. Nothing of MSAL loads until `getToken`, `signIn`, `signOut`, `preload` or the first
 * `subscribe` (the pane subscribes after its first render: the cached account then appears without a prompt).
 * A failed load is retried on the next call.
 */
export function createLazySession(options: LazySessionOptions): LazyAccountSession {
  const listeners = new Set<(account: SignedInAccount | null) => void>();
  let inner: AccountSession | undefined;
  let loading: Promise<AccountSession> | undefined;

  const preload = (): Promise<AccountSession> => {
    loading ??= (options.load ?? (() => loadMsalSession(options)))().then(
      (session) => {
        inner = session;
        session.subscribe((account) => listeners.forEach((listener) => listener(account)));
        const account = session.getAccount();
        if (account) listeners.forEach((listener) => listener(account));
        return session;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };

  return {
    preload,
    getAccount: () => inner?.getAccount() ?? null,
    getToken: async (scopes: string[], tokenOptions?: GetTokenOptions) => (await preload()).getToken(scopes, tokenOptions),
    signIn: async () => (await preload()).signIn(),
    signOut: async () => (await preload()).signOut(),
    subscribe(listener) {
      listeners.add(listener);
      // After the current render: the account from MSAL's cache shows up without blocking first paint.
      setTimeout(() => preload().catch(() => undefined), 0);
      return () => listeners.delete(listener);
    },
  };
}
