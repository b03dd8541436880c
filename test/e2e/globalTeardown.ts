// Jest globalTeardown of the e2e project: stops every server globalSetup started.
import { stopServers } from "../support/servers";

export default async function globalTeardown(): Promise<void> {
  const servers = globalThis.__ILLUSTRATE_SERVERS__;
  globalThis.__ILLUSTRATE_SERVERS__ = undefined;
  if (servers) await stopServers(servers);
}
