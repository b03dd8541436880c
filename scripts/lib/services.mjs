// Child services for `npm start`: spawn in their own process group, prefix their logs, wait for HTTPS, stop them.
import { spawn } from "node:child_process";
import https from "node:https";
import net from "node:net";
import readline from "node:readline";

/** @typedef {{ name: string, command: string, args: string[], readyUrl: string, port: number, readyTimeoutMs: number, env?: Record<string, string> }} ServiceSpec */

const COLORS = [36, 35, 33, 32, 34];

/**
 * A line printer with a `[name]` prefix (coloured on a terminal).
 * @param {string} name
 * @param {number} index colour slot
 * @param {NodeJS.WritableStream} out
 */
export function prefixer(name, index, out = process.stdout) {
  const tty = Boolean(out.isTTY) && !process.env.NO_COLOR;
  const tag = tty ? `\u001b[${COLORS[index % COLORS.length]}m[${name}]\u001b[0m` : `[${name}]`;
  return (line) => out.write(`${tag} ${line}\n`);
}

/**
 * True when something already accepts TCP connections on localhost:`port` (IPv4 or IPv6).
 * @param {number} port
 */
export async function portInUse(port) {
  const tryHost = (host) =>
    new Promise((resolve) => {
      const socket = net.connect({ port, host });
      socket.setTimeout(1000);
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("timeout", () => (socket.destroy(), resolve(false)));
      socket.once("error", () => resolve(false));
    });
  return (await tryHost("127.0.0.1")) || (await tryHost("::1"));
}

/**
 * Resolves with the HTTP status once `url` answers over HTTPS with the given CA (any status counts: the server is
 * up); rejects after `timeoutMs`, or as soon as `aborted()` says to give up (the process died).
 * @param {string} url
 * @param {{ ca: Buffer, timeoutMs: number, aborted?: () => string | undefined }} options
 */
export async function waitForHttps(url, { ca, timeoutMs, aborted }) {
  const deadline = Date.now() + timeoutMs;
  let lastError = "no answer yet";
  while (Date.now() < deadline) {
    const reason = aborted?.();
    if (reason) throw new Error(reason);
    try {
      return await new Promise((resolve, reject) => {
        const request = https.get(url, { ca, timeout: 30_000 }, (response) => {
          response.resume();
          resolve(response.statusCode);
        });
        request.once("timeout", () => request.destroy(new Error("timed out")));
        request.once("error", reject);
      });
    } catch (error) {
      lastError = error.message;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s (${lastError})`);
}

/**
 * A running child service. Spawned detached (its own process group) so that stopping it also stops what it
 * started (npm → tsx → node, webpack's workers), and so the terminal's Ctrl-C reaches only `npm start`, which
 * then stops each group in order.
 */
export class Service {
  /** @param {ServiceSpec} spec @param {number} index */
  constructor(spec, index) {
    this.spec = spec;
    this.print = prefixer(spec.name, index);
    /** @type {import("node:child_process").ChildProcess | undefined} */
    this.child = undefined;
    /** @type {string | undefined} */
    this.exitReason = undefined;
    this.exited = new Promise((resolve) => (this.resolveExited = resolve));
  }

  start() {
    const { command, args, env } = this.spec;
    const child = spawn(command, args, {
      cwd: process.cwd(),
      env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? "1" : "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      shell: process.platform === "win32",
    });
    this.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on("line", (line) => this.print(line));
    }
    child.once("error", (error) => {
      this.exitReason = `${this.spec.name} could not start: ${error.message}`;
      this.resolveExited();
    });
    child.once("exit", (code, signal) => {
      this.exitReason ??= `${this.spec.name} exited (${signal ?? `code ${code}`})`;
      this.resolveExited();
    });
    this.print(`started: ${command} ${args.join(" ")} (pid ${child.pid})`);
    return this;
  }

  /** Waits until the service answers at its ready URL. */
  async ready(ca) {
    const status = await waitForHttps(this.spec.readyUrl, { ca, timeoutMs: this.spec.readyTimeoutMs, aborted: () => this.exitReason });
    this.print(`ready: ${this.spec.readyUrl} (HTTP ${status})`);
  }

  /** Sends `signal` to the service's whole process group (Windows: ends the process tree). Never throws. */
  signal(signal) {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      if (process.platform === "win32") spawn("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" });
      else process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }

  /**
   * Stops the whole process group: SIGTERM, then SIGKILL after `graceMs`; and SIGKILL at the end in any case, since
   * the leader (npm, npx) may be gone while something it started is still running.
   * @param {number} graceMs
   */
  async stop(graceMs = 5000) {
    const child = this.child;
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) {
      this.signal("SIGTERM");
      const timer = setTimeout(() => this.signal("SIGKILL"), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    this.signal("SIGKILL");
  }
}
