// Servers for tests: a Fastify app on a free loopback port (integration), and `npm start`'s servers (scripts/start.mjs --no-open) for the E2E tests, stopped again leaving no process.
import type { FastifyInstance } from "fastify";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";

/** A Fastify app listening on 127.0.0.1 at a port the system chose (port 0). */
export interface Served {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:41234 */
  base: string;
  /** Closes the app, cutting keep-alive connections (the test's fetch too) so closing never waits on them. */
  close(): Promise<void>;
}

/** Starts `app` on a free loopback port (port 0: no fixed port, no clash between test files). */
export async function listenOnFreePort(app: FastifyInstance): Promise<Served> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    app,
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: () => {
      const closing = app.close();
      app.server.closeAllConnections();
      return closing;
    },
  };
}

const ROOT = path.resolve(__dirname, "../..");
/** Where the servers' output of the last run is kept (git-ignored). */
export const SERVER_LOG = path.join(ROOT, "test/e2e/artifacts/servers.log");
/** The line scripts/start.mjs prints once every service answers over HTTPS. */
const READY_LINE = "[start] ready: workbench";
/** The first webpack compile takes one to two minutes on 2 cores; the issuer and gateway a few seconds. */
const READY_TIMEOUT_MS = 300_000;

/** The running servers. */
export interface RunningServers {
  child: ChildProcess;
  /** Pane URL, e.g. https://localhost:3000. */
  paneUrl: string;
  /**
   * This run's own log while it runs (one per Jest process, so a second run started by mistake cannot truncate
   * the log, nor the service pids, of one in progress); moved to {@link SERVER_LOG} when stopped.
   */
  logFile: string;
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

/** How to start the servers. */
export interface StartOptions {
  /** The pane as a production build (`--production`: minified and split as a user gets it; the benches). @default false */
  production?: boolean;
}

/**
 * Starts scripts/start.mjs in its own process group with output to this run's log and waits for its ready line.
 * @throws Error with the end of the log when it exits or is not ready within 5 minutes (ports in use, a compile
 * error, a crashed service…); what it started is stopped first.
 */
export async function startServers(options: StartOptions = {}): Promise<RunningServers> {
  fs.mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const logFile = SERVER_LOG.replace(/\.log$/, `.${process.pid}.log`);
  const out = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, ["scripts/start.mjs", "--no-open", ...(options.production ? ["--production"] : [])], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", out, out],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  fs.closeSync(out);
  const servers: RunningServers = { child, paneUrl: "https://localhost:3000", logFile };
  let exit: string | undefined;
  child.once("exit", (code, signal) => (exit = `exited (${signal ?? `code ${code}`})`));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (fs.readFileSync(logFile, "utf8").includes(READY_LINE)) return servers;
    const failure = exit ?? (Date.now() > deadline ? `was not ready within ${READY_TIMEOUT_MS / 1000} s` : undefined);
    if (failure) {
      await stopServers(servers);
      throw new Error(`npm start (scripts/start.mjs) ${failure}. Last lines of ${SERVER_LOG}:\n${tail(SERVER_LOG)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Process group ids the start script reported for its services ("started: … (pid N)") in `logFile`. */
function servicePids(logFile: string): number[] {
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "";
  return [...log.matchAll(/started: .* \(pid (\d+)\)$/gm)].map((match) => Number(match[1]));
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Stops the servers: SIGTERM to the start script (it stops each service's process group), then, as a backstop,
 * SIGKILL to the start script's group and to every service group it reported; the log becomes {@link SERVER_LOG}.
 */
export async function stopServers(servers: RunningServers): Promise<void> {
  const { child } = servers;
  if (child.exitCode === null && child.signalCode === null) {
    let timer: NodeJS.Timeout | undefined;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    killGroup(child.pid!, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 20_000)))]);
    clearTimeout(timer);
  }
  for (const pid of [child.pid!, ...servicePids(servers.logFile)]) killGroup(pid, "SIGKILL");
  if (fs.existsSync(servers.logFile)) fs.renameSync(servers.logFile, SERVER_LOG);
}
