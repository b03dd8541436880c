// The gateway app (buildApp) with the zero-time provider on http://127.0.0.1:<free port>, for bench/gateway.mjs.
// Prints `listening <url>` once ready; stops on SIGTERM.
import type { AddressInfo } from "node:net";
import { buildApp } from "../server/gateway/app";
import { FixedImageProvider } from "./fixedImageProvider";

async function main(): Promise<void> {
  const app = await buildApp({ provider: new FixedImageProvider(), allowedOrigins: ["https://localhost:3000"], logger: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  process.stdout.write(`listening http://127.0.0.1:${(app.server.address() as AddressInfo).port}\n`);
  process.once("SIGTERM", () => void app.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
