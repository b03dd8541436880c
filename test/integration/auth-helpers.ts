// Helpers of the auth and issuer integration tests: HTTPS calls trusting the dev CA, the issuer as a child process.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadDevTls } from "../../server/shared/devTls";

/** An HTTPS answer, body as text. */
export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTPS request to `url`, trusting the development CA; `localhost` is dialled as 127.0.0.1. */
export async function httpsCall(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpsAnswer> {
  const { ca } = await loadDevTls();
  const target = new URL(url);
  return new Promise((resolvePromise, reject) => {
    const req = request(
      {
        host: target.hostname === "localhost" ? "127.0.0.1" : target.hostname,
        servername: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? "GET",
        ca,
        headers: {
          host: target.host,
          ...options.headers,
          ...(options.body === undefined ? {} : { "content-length": String(Buffer.byteLength(options.body)) }),
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A local issuer running as `tsx server/dev-issuer/main.ts` on a free port with throw-away keys. */
export interface SpawnedIssuer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real issuer in a child process (oidc-provider is ESM: Jest cannot load it in-process on Node 20)
 * with `ISSUER_PORT=0` and keys in a temporary directory; resolves once it prints its URL.
 * @throws Error with the child's output when it exits or stays silent for 60 s.
 */
export function spawnDevIssuer(): Promise<SpawnedIssuer> {
  const root = resolve(__dirname, "../..");
  const home = mkdtempSync(join(tmpdir(), "illustrate-issuer-"));
  const child: ChildProcess = spawn(process.execPath, [require.resolve("tsx/cli"), "server/dev-issuer/main.ts"], {
    cwd: root,
    env: { ...process.env, ISSUER_PORT: "0", ILLUSTRATE_ISSUER_HOME: home },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
    rmSync(home, { recursive: true, force: true });
  };
  return new Promise((resolvePromise, reject) => {
    let output = "";
    const fail = (why: string) => {
      void stop();
      reject(new Error(`${why}\n${output}`));
    };
    const timer = setTimeout(() => fail("The issuer did not start within 60 s"), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /issuer on (https:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ url: match[1], stop });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(`The issuer exited with code ${code}`);
    });
  });
}
