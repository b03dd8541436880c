// Helpers of the queue tests: a real redis-server on a free loopback port, gateway processes on it, a sliding-window check.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import { loadDevTls, type DevTls } from "../../server/shared/devTls";
import { startFakeUpstream, type FakeUpstream } from "../fakes/upstream/FakeUpstream";
import { API_KEY } from "./providers.helpers";

/** Environment of a Foundry MAI provider on the fake at `url` with IMAGE_RPM=6 over `windowMs`. */
export function maiAtSixPerWindow(url: string, apiKey: string, windowMs: number): NodeJS.ProcessEnv {
  return {
    IMAGE_PROVIDER: "foundry-mai",
    IMAGE_ENDPOINT: url,
    IMAGE_DEPLOYMENT: "MAI-Image-2",
    // The deployment's name does not say its family (the gateway refuses to guess): 1024×1024 is within 2.5's rule.
    IMAGE_MODEL_FAMILY: "mai-image-2.5",
    IMAGE_API_KEY: apiKey,
    IMAGE_RPM: "6",
    IMAGE_RPM_WINDOW_MS: String(windowMs),
    IMAGE_TRANSCODE: "off",
  };
}

/** A running redis-server started by a test; `stop()` it in `afterAll`. */
export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Waits for `child` to exit (or kills it hard after 5 s). */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Starts Debian's `redis-server` (REDIS_SERVER or /usr/bin/redis-server) on a free port (or `port`, to restart
 * one in place), without persistence.
 * @throws Error saying how to install it when the binary is missing (the test fails, never skips)
 */
export async function startRedis(options: { port?: number } = {}): Promise<RedisServer & { port: number }> {
  const binary = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";
  if (!existsSync(binary)) throw new Error(`redis-server not found at ${binary}: install it (apt-get install redis-server) or set REDIS_SERVER`);
  const port = options.port ?? (await freePort());
  const child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${output}`));
    });
  });
  return { url: `redis://127.0.0.1:${port}`, port, stop: () => stopProcess(child) };
}

/** The most timestamps (ms) inside any half-open window `[t, t + windowMs)`. */
export function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end] < sorted[start] + windowMs) end++;
    most = Math.max(most, end - start);
  }
  return most;
}

/** A throw-away OpenID-style issuer for gateway processes: its JWKS over HTTPS (dev certificate) and signed tokens. */
export interface TestIssuer {
  /** `https://localhost:<port>`; the JWKS is at `/jwks`. */
  issuer: string;
  /** An access token for `sub` with the gateway's audience and `Images.Create` scope, valid 10 minutes. */
  token(sub: string): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a {@link TestIssuer} with the dev TLS `key`/`cert` on a free localhost port. */
export async function startTestIssuer(tls: { key: Buffer; cert: Buffer }): Promise<TestIssuer> {
  const { SignJWT, exportJWK, generateKeyPair } = await import("jose");
  const { createServer: createHttpsServer } = await import("node:https");
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "queue-test", alg: "RS256", use: "sig" };
  const server = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    res.writeHead(req.url === "/jwks" ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  const issuer = `https://localhost:${(server.address() as { port: number }).port}`;
  return {
    issuer,
    token: (sub) =>
      new SignJWT({ scp: "Images.Create", sub })
        .setProtectedHeader({ alg: "RS256", kid: "queue-test" })
        .setIssuer(issuer)
        .setAudience("api://illustrate-gateway")
        .setIssuedAt()
        .setExpirationTime("10m")
        .sign(privateKey),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A gateway process started by a test, with its log lines (pino JSON) as they arrive. */
export interface GatewayProcess {
  child: import("node:child_process").ChildProcess;
  /** `https://127.0.0.1:<port>` */
  base: string;
  /** Every JSON log line so far. */
  logs: Record<string, unknown>[];
}

/**
 * Starts a gateway process (`node <args>`, e.g. the built dist-gateway/main.cjs or tsx + main.ts) and
 * resolves once it listens (PORT=0: the port it logged). `SIGKILL` or {@link stopProcess} it.
 */
export function startGatewayProcess(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<GatewayProcess> {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const logs: Record<string, unknown>[] = [];
  let output = "";
  let pending = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      if (output.length < 20_000) output += text;
      pending += text;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        try {
          logs.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // not a log line
        }
      }
      const match = /listening at (https:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1], logs });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited (${code}):\n${output}`));
    });
  });
}

/** Grant times (ms) the gateways' queues logged at `LOG_LEVEL=debug` ("upstream slot granted"). */
export function grantTimes(gateways: { logs: Record<string, unknown>[] }[]): number[] {
  return gateways.flatMap((g) => g.logs.filter((line) => line.msg === "upstream slot granted").map((line) => Number(line.grantedAt)));
}

/**
 * `POST /v1/images/generations` (1024×1024) to a gateway process over HTTPS with `token`, trusting only `ca`; an
 * error answer's `error.code` comes back as `code` (so a failed assertion says which error it was).
 */
export function postGeneration(
  base: string,
  token: string,
  ca: Buffer,
  prompt: string,
): Promise<{ status: number; retryAfter?: string; code?: string }> {
  const body = JSON.stringify({ prompt, size: "1024x1024" });
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`${base}/v1/images/generations`, { method: "POST", ca, headers }, (res) => {
      const status = res.statusCode ?? 0;
      let text = "";
      if (status === 200) res.resume();
      else res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => {
        let code: string | undefined;
        try {
          code = status === 200 ? undefined : (JSON.parse(text) as { error?: { code?: string } }).error?.code;
        } catch {
          code = undefined;
        }
        resolve({ status, retryAfter: res.headers["retry-after"] as string | undefined, ...(code ? { code } : {}) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * What {@link useQueueWorld} set up for a test file of gateway processes on one Redis: read its fields inside hooks
 * and tests (they are set by `beforeAll`).
 */
export interface QueueWorld {
  /** The dev TLS certificate the gateways serve and the CA the requests trust. */
  readonly tls: DevTls;
  /** The real redis-server; assign a restarted one (`startRedis({ port })`) and `afterAll` stops that one. */
  redis: RedisServer & { port: number };
  readonly issuer: TestIssuer;
  /** A strict Foundry MAI fake upstream (deployment `MAI-Image-2`, key {@link API_KEY}). */
  readonly fake: FakeUpstream;
  /** Every gateway started through {@link QueueWorld.startGateway}; `afterAll` stops them. */
  readonly gateways: GatewayProcess[];
  /**
   * The environment every gateway of the world shares: Redis, PORT=0 on 127.0.0.1, `LOG_LEVEL=debug` (one line per
   * granted slot, with its time: see {@link grantTimes}) and the test issuer; `env` adds the provider's settings.
   */
  gatewayEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** {@link startGatewayProcess}, remembered for `afterAll`. */
  startGateway(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<GatewayProcess>;
  /** {@link postGeneration} to `base` as `user` (a token from the test issuer), trusting the dev CA. */
  generate(base: string, user: string, prompt: string): Promise<{ status: number; retryAfter?: string }>;
}

/**
 * The set-up the queue tests with gateway processes share, as Jest hooks: the dev TLS, a real redis-server, a test
 * issuer and a Foundry MAI fake upstream (`beforeAll`); the gateways started, the fake, Redis and the issuer stopped
 * again (`afterAll`). Call at the top level of the test file, after any `beforeAll` that must run first (a build).
 */
export function useQueueWorld(): QueueWorld {
  let tls: DevTls | undefined;
  let redis: (RedisServer & { port: number }) | undefined;
  let issuer: TestIssuer | undefined;
  let fake: FakeUpstream | undefined;
  const gateways: GatewayProcess[] = [];
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useQueueWorld: ${name} is set up in beforeAll; read it in a hook or test`);
    return value;
  };
  beforeAll(async () => {
    tls = await loadDevTls();
    redis = await startRedis();
    issuer = await startTestIssuer(tls);
    fake = await startFakeUpstream({ kind: "foundry-mai", deployment: "MAI-Image-2", apiKey: API_KEY });
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => stopProcess(g.child)));
    await fake?.close();
    await redis?.stop();
    await issuer?.stop();
  });
  return {
    get tls() {
      return ready(tls, "tls");
    },
    get redis() {
      return ready(redis, "redis");
    },
    set redis(restarted) {
      redis = restarted;
    },
    get issuer() {
      return ready(issuer, "issuer");
    },
    get fake() {
      return ready(fake, "fake");
    },
    gateways,
    gatewayEnv: (env) => ({
      ...env,
      REDIS_URL: ready(redis, "redis").url,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "debug",
      AUTH_ISSUER: ready(issuer, "issuer").issuer,
    }),
    async startGateway(args, env, cwd) {
      const gateway = await startGatewayProcess(args, env, cwd);
      gateways.push(gateway);
      return gateway;
    },
    generate: async (base, user, prompt) => postGeneration(base, await ready(issuer, "issuer").token(user), ready(tls, "tls").ca, prompt),
  };
}
