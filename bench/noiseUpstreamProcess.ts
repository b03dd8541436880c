// Starts bench/noiseUpstream.ts (the fake Azure OpenAI image API) in its own process and drives its settings.
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");

/** One generation request as the fake upstream saw it (epoch ms). */
export interface UpstreamRequest {
  prompt: string;
  arrived: number;
  /** When the final picture was written; absent while the request is still being answered. */
  answered?: number;
}

/** The running fake and its controls. */
export interface NoiseUpstream {
  /** `http://127.0.0.1:<port>`: the `IMAGE_ENDPOINT` of an azure-openai gateway. */
  url: string;
  /** Every answer comes `ms` after its request arrived (a fixed-latency provider). */
  setLatency(ms: number): Promise<void>;
  /** Which picture a 1536×1024 request gets: uniform noise (≈ 4.7 MB, the default) or the offline renderer's scene. */
  setPicture(kind: "noise" | "scene"): Promise<void>;
  /** Every generation request so far, in arrival order. */
  log(): Promise<UpstreamRequest[]>;
  stop(): void;
}

function call(url: string, method: "GET" | "POST"): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          (response.statusCode ?? 500) < 300 ? resolve(body) : reject(new Error(`${method} ${url}: HTTP ${response.statusCode}`)),
        );
      })
      .on("error", reject)
      .end();
  });
}

/**
 * Points the gateway that `startServers()` will start at `upstream`: its azure-openai provider, a budget that never
 * waits (60,000 per minute, no slot margin), and no model list of the local backend.
 * @param extra more variables, e.g. `{ IMAGE_TRANSCODE: "off" }`
 */
export function useUpstreamForGateway(upstream: NoiseUpstream, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    IMAGE_PROVIDER: "azure-openai",
    IMAGE_ENDPOINT: upstream.url,
    IMAGE_DEPLOYMENT: "gpt-image-1.5",
    IMAGE_API_KEY: "bench-key",
    IMAGE_RPM: "60000",
    IMAGE_RPM_MARGIN_MS: "0",
    ...extra,
  });
  delete process.env.IMAGE_MODELS;
}

/** Starts the fake on a free port of 127.0.0.1; resolves once it listens. @throws when the process exits first. */
export function startNoiseUpstream(): Promise<NoiseUpstream> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/noiseUpstream.ts"], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /listening (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!match) return;
      const url = match[1];
      resolve({
        url,
        setLatency: async (ms) => void (await call(`${url}/latency?ms=${ms}`, "POST")),
        setPicture: async (kind) => void (await call(`${url}/picture?kind=${kind}`, "POST")),
        log: async () => JSON.parse(await call(`${url}/log`, "GET")) as UpstreamRequest[],
        stop: () => child.kill("SIGTERM"),
      });
    });
    child.once("exit", (code) => reject(new Error(`the fake upstream exited with ${code}: ${output}`)));
  });
}
