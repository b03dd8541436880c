// Jest globalSetup of the e2e project: starts `npm start`'s servers (issuer, gateway, pane dev server) once.
import { startServers, type RunningServers } from "../support/servers";

declare global {
  // Shared with globalTeardown (same process).
  var __ILLUSTRATE_SERVERS__: RunningServers | undefined;
}

export default async function globalSetup(): Promise<void> {
  globalThis.__ILLUSTRATE_SERVERS__ = await startServers();
}
