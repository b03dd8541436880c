// `npm run dev-token -- <account>`: prints a development access token for the gateway (local issuer only).
import { signInWithCodeFlow } from "../server/dev-issuer/codeFlow";
import { DEV_ACCOUNTS } from "../server/dev-issuer/accounts";
import { DEV_ISSUER_PORT } from "../server/dev-issuer/settings";
import { loadDevTls } from "../server/shared/devTls";

const LOCAL_ISSUER = `https://localhost:${DEV_ISSUER_PORT}`;

/**
 * The local issuer to sign in at. Refuses any other authority: this script must never be pointed at a real
 * tenant (ILLUSTRATE_AUTHORITY set to Entra ID) or a remote host.
 * @throws Error when ILLUSTRATE_AUTHORITY or ISSUER_URL names something other than a loopback https issuer.
 */
export function localIssuerUrl(env: NodeJS.ProcessEnv): string {
  const authority = env.ILLUSTRATE_AUTHORITY?.trim();
  if (authority && new URL(authority).origin !== new URL(env.ISSUER_URL ?? LOCAL_ISSUER).origin) {
    throw new Error(
      `ILLUSTRATE_AUTHORITY is ${authority}: dev-token only works against the local issuer (${LOCAL_ISSUER}). ` +
        "Sign in through the pane for a real tenant.",
    );
  }
  const url = new URL(env.ISSUER_URL ?? LOCAL_ISSUER);
  if (url.protocol !== "https:" || !["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) {
    throw new Error(`ISSUER_URL must be the local issuer on https://localhost, got ${url.origin}`);
  }
  return url.origin;
}

async function main(): Promise<void> {
  const account = process.argv[2] ?? "ada";
  if (account === "--help" || account === "-h") {
    console.log(`Usage: npm run dev-token -- <account>   (accounts: ${DEV_ACCOUNTS.map((a) => a.id).join(", ")})`);
    return;
  }
  const issuerUrl = localIssuerUrl(process.env);
  const { ca } = await loadDevTls();
  // The issuer registers the pane's pages as redirect URIs; PANE_ORIGIN as given to the issuer (default :3000).
  const redirectUri = new URL("redirect.html", `${process.env.PANE_ORIGIN ?? "https://localhost:3000"}/`).href;
  const tokens = await signInWithCodeFlow({ issuerUrl, account, ca, redirectUri }).catch((error: Error) => {
    const down = /ECONNREFUSED/.test(error.message) || (error as NodeJS.ErrnoException).code === "ECONNREFUSED";
    throw new Error(down ? `The local issuer is not running on ${issuerUrl}: start it with \`npm run issuer\`.` : error.message);
  });
  process.stdout.write(`${tokens.access_token}\n`);
  console.error(
    `Access token for ${account}, valid ${Math.round(tokens.expires_in / 60)} min. Use: curl -H "Authorization: Bearer $(npm run -s dev-token -- ${account})" ...`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`dev-token: ${(error as Error).message}`);
    process.exit(1);
  });
}
