// The gateway's server-side credential for an upstream image API: `IMAGE_API_KEY` (header `api-key`) or an
// Entra ID token from @azure/identity's DefaultAzureCredential (header `Authorization: Bearer`).

/** Token scope for Azure OpenAI and Foundry MAI (shared/docs/image-api.md, "Auth"). */
export const COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";

/** The part of @azure/identity's `TokenCredential` used here (injectable in tests). */
export interface TokenSource {
  getToken(scope: string, options?: { abortSignal?: AbortSignal }): Promise<{ token: string } | null>;
}

/** Supplies the authentication header of each upstream request. Never log what it returns. */
export interface UpstreamCredential {
  /** `api-key` or `entra`: which header it sets. */
  readonly kind: "api-key" | "entra";
  /**
   * Headers for one request.
   * @param fresh true after a 401: drop any cached token and get a new one
   * @throws Error when no token can be had (no managed identity, no developer login)
   */
  headers(signal: AbortSignal, fresh?: boolean): Promise<Record<string, string>>;
}

/** `api-key: <key>` on every request. */
export function apiKeyCredential(key: string): UpstreamCredential {
  return { kind: "api-key", headers: async () => ({ "api-key": key }) };
}

/** Loads DefaultAzureCredential only when used, so the local provider never loads @azure/identity. */
async function defaultAzureCredential(): Promise<TokenSource> {
  const identity = await import("@azure/identity");
  return new identity.DefaultAzureCredential();
}

/**
 * `Authorization: Bearer <token>` for `scope` from `createSource` (default: DefaultAzureCredential: managed
 * identity in Azure, Azure CLI / developer login locally). The source caches tokens itself; `fresh` replaces
 * it with a new one so a revoked or expired token is not served again.
 */
export function entraCredential(
  scope: string = COGNITIVE_SERVICES_SCOPE,
  createSource: () => Promise<TokenSource> = defaultAzureCredential,
): UpstreamCredential {
  let source: Promise<TokenSource> | undefined;
  return {
    kind: "entra",
    async headers(signal, fresh = false) {
      if (!source || fresh) source = createSource();
      const token = await (await source).getToken(scope, { abortSignal: signal });
      if (!token?.token) throw new Error(`No Entra ID token for ${scope}; sign in (az login) or set IMAGE_API_KEY`);
      return { authorization: `Bearer ${token.token}` };
    },
  };
}
