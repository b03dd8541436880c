// The container files agree with the build: compose.yaml and the Dockerfile run and health-check the file
// `npm run build:gateway` writes, on the route the gateway serves; Redis is health-checked; nginx targets the replicas.
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- js-yaml 3 ships no types
const yaml = require("js-yaml") as { safeLoad(text: string): unknown };

interface Service {
  command?: string[];
  healthcheck?: { test: string[] };
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
}
const compose = yaml.safeLoad(read("compose.yaml")) as { services: Record<string, Service> };
const dockerfile = read("Dockerfile");
/** The entry file the build writes, read from scripts/build-gateway.mjs. */
const builtEntry = /outfile: path\.join\(outdir, "([^"]+)"\)/.exec(read("scripts/build-gateway.mjs"))?.[1];
/** Routes registered by the gateway's system routes. */
const healthRoute = /app\.get\("(\/healthz)"/.exec(read("server/gateway/routes/system.ts"))?.[1];

test("the build writes main.cjs and the gateway serves /healthz (the facts the files below rely on)", () => {
  expect(builtEntry).toBe("main.cjs");
  expect(healthRoute).toBe("/healthz");
  expect(JSON.parse(read("package.json")).scripts["build:gateway"]).toBe("node scripts/build-gateway.mjs");
});

test("compose.yaml: 3 gateway replicas run the built file with node, health-checked on /healthz, sharing Redis", () => {
  const { gateway, redis, lb } = compose.services;
  expect(gateway.deploy?.replicas).toBe(3);
  expect(gateway.command?.slice(0, 1)).toEqual(["node"]);
  expect(gateway.command?.at(-1)).toBe(builtEntry);
  expect(gateway.command?.join(" ")).not.toMatch(/tsx|\.ts\b/);
  expect(gateway.healthcheck?.test.join(" ")).toContain(`path:'${healthRoute}'`);
  expect(gateway.environment?.REDIS_URL).toBe("redis://redis:6379");
  expect(gateway.depends_on?.redis.condition).toBe("service_healthy");
  expect(redis.healthcheck?.test).toEqual(["CMD", "redis-cli", "ping"]);
  expect(lb.depends_on?.gateway.condition).toBe("service_healthy");
  // nginx balances over the gateway service on the port the replicas listen on.
  expect(read("deploy/nginx.conf")).toContain(`server gateway:${gateway.environment?.PORT}`);
});

test("Dockerfile: multi-stage, builds with npm run build:gateway, runs the bundle with node as a non-root user, HEALTHCHECK on /healthz", () => {
  expect(dockerfile.match(/^FROM node:20-slim AS \w+$/gm)).toHaveLength(2);
  expect(dockerfile).toMatch(/^RUN npm run build:gateway$/m);
  expect(dockerfile).toMatch(/^USER node$/m);
  expect(dockerfile).toMatch(new RegExp(`^CMD \\["node", "--enable-source-maps", "${builtEntry}"\\]$`, "m"));
  expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*path:'\/healthz'/m);
  expect(dockerfile).not.toMatch(/tsx/);
});
