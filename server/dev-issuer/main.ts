// `npm run issuer`: the local OpenID Connect issuer on https://localhost:3002 (ISSUER_PORT, PANE_ORIGIN).
import { loadDevTls } from "../shared/devTls";
import { parseOrigins, parsePort } from "../shared/env";
import { DEV_ACCOUNTS } from "./accounts";
import { defaultKeyDirectory, loadOrCreateIssuerKeys } from "./keys";
import { startDevIssuer } from "./server";
import { DEV_ISSUER_PORT, GATEWAY_AUDIENCE, GATEWAY_SCOPE, PANE_CLIENT_ID } from "./settings";

async function main(): Promise<void> {
  const port = parsePort("ISSUER_PORT", process.env.ISSUER_PORT, DEV_ISSUER_PORT);
  const [paneOrigin] = parseOrigins("PANE_ORIGIN", process.env.PANE_ORIGIN, ["https://localhost:3000"]);
  const issuer = await startDevIssuer({ tls: await loadDevTls(), keys: loadOrCreateIssuerKeys(), port, paneOrigin });
  console.log(`Development OpenID Connect issuer on ${issuer.url} (keys in ${defaultKeyDirectory()})`);
  console.log(`  client ${PANE_CLIENT_ID} for ${paneOrigin}; access tokens for ${GATEWAY_AUDIENCE} with scp ${GATEWAY_SCOPE}`);
  console.log(`  accounts: ${DEV_ACCOUNTS.map((account) => account.id).join(", ")} (no password)`);
  const stop = (): void => {
    issuer.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`Could not start the development issuer: ${(error as Error).message}`);
  process.exit(1);
});
