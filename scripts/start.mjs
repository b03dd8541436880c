// `npm start`: runs the local issuer, the gateway and the pane's dev server, then sideloads into Office or opens the workbench.
//
//   npm start                       Word desktop where it exists, else the workbench in a browser
//   npm start -- --app powerpoint   PowerPoint desktop
//   npm start -- --no-open          servers only (the E2E tests use this)
//   npm start -- --production       the pane as a production build (minified, split as a user gets it; the benches)
//
// Ctrl-C (SIGINT) or SIGTERM stops everything it started. `npm stop` removes a sideload.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { portInUse, prefixer, Service } from "./lib/services.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const require = createRequire(import.meta.url);
const { ensureDevCerts } = require("./dev-certs.cjs");

const PANE_URL = "https://localhost:3000";
const WORKBENCH_URL = `${PANE_URL}/workbench.html`;
const log = prefixer("start", 4);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

/** Reads the command line; exits 2 on bad usage. (Exit codes: 0 stopped by a signal, 1 a service failed.) */
function parseCli() {
  try {
    const { values } = parseArgs({
      options: {
        app: { type: "string", default: "word" },
        "no-open": { type: "boolean", default: false },
        production: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: false,
    });
    if (values.help) {
      console.log("Usage: npm start [-- --app word|powerpoint] [--no-open] [--production]");
      process.exit(0);
    }
    if (!["word", "powerpoint"].includes(values.app)) throw new Error(`--app must be word or powerpoint, got "${values.app}"`);
    return { app: values.app, open: !values["no-open"], production: values.production };
  } catch (error) {
    console.error(`npm start: ${error.message}`);
    process.exit(2);
  }
}

/** The services to run: the issuer and the gateway only when nothing else is configured for them. */
function serviceSpecs({ production }) {
  const specs = [];
  const env = process.env;
  if (!env.ILLUSTRATE_AUTHORITY && fs.existsSync(path.join(root, "server/dev-issuer/main.ts"))) {
    specs.push({
      name: "issuer",
      command: npm,
      args: ["run", "--silent", "issuer"],
      port: 3002,
      readyUrl: "https://localhost:3002/.well-known/openid-configuration",
      readyTimeoutMs: 60_000,
    });
  }
  if (!env.ILLUSTRATE_GATEWAY_URL || /^https:\/\/(localhost|127\.0\.0\.1):3001\/?$/.test(env.ILLUSTRATE_GATEWAY_URL)) {
    specs.push({
      name: "gateway",
      command: npm,
      args: ["run", "--silent", "gateway"],
      port: 3001,
      readyUrl: "https://localhost:3001/healthz",
      readyTimeoutMs: 60_000,
    });
  }
  // The first webpack compile takes a minute or two on a 2-core machine.
  specs.push({
    name: "pane",
    command: npx,
    args: ["webpack", "serve", "--mode", production ? "production" : "development"],
    port: 3000,
    readyUrl: WORKBENCH_URL,
    readyTimeoutMs: 240_000,
  });
  return specs;
}

/** Path of Word or PowerPoint desktop when installed (Windows, macOS), else undefined. */
function officeDesktopApp(app) {
  const candidates =
    process.platform === "darwin"
      ? [`/Applications/Microsoft ${app === "word" ? "Word" : "PowerPoint"}.app`]
      : process.platform === "win32"
        ? [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]]
            .filter(Boolean)
            .map((dir) => path.join(dir, "Microsoft Office", "root", "Office16", app === "word" ? "WINWORD.EXE" : "POWERPNT.EXE"))
        : [];
  return candidates.find((file) => fs.existsSync(file));
}

/**
 * Sideloads the add-in into the desktop app. office-addin-debugging exits 0 even where it cannot sideload (on
 * Linux it prints "platform is not supported": shared/docs/toolchain.md), so it is only run where the app exists.
 */
function sideload(app) {
  log(`sideloading manifest.xml into ${app} desktop (office-addin-debugging)`);
  const result = spawnSync(
    npx,
    ["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", app, "--dev-server-port", "3000", "--no-debug"],
    {
      stdio: "inherit",
      shell: process.platform === "win32",
    },
  );
  return result.status === 0;
}

/** Opens `url` in the default browser where there is a display; never fails. */
function openBrowser(url) {
  const hasDisplay = process.platform !== "linux" || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) return false;
  const [command, args] =
    process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true });
    child.once("error", () => log(`could not open a browser (${command}); open ${url} yourself`));
    child.unref();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const { app, open, production } = parseCli();
  const specs = serviceSpecs({ production });
  const busy = [];
  for (const spec of specs) if (await portInUse(spec.port)) busy.push(`${spec.port} (${spec.name})`);
  if (busy.length > 0) {
    console.error(`npm start: port ${busy.join(", ")} is already in use. Is another \`npm start\` running? Stop it first.`);
    process.exit(1);
  }
  const { ca } = await ensureDevCerts();
  const services = specs.map((spec, i) => new Service(spec, i));
  let sideloaded = false;
  let stopping;
  const stopAll = (exitCode) => {
    stopping ??= (async () => {
      log("stopping…");
      if (sideloaded) spawnSync(npx, ["office-addin-debugging", "stop", "manifest.xml"], { stdio: "inherit", shell: process.platform === "win32" });
      await Promise.all(services.map((service) => service.stop()));
      log("stopped");
      process.exit(exitCode);
    })();
    return stopping;
  };
  const onSignal = () => {
    if (!stopping) return void stopAll(0);
    // A second Ctrl-C while stopping: kill every group now rather than leave anything behind.
    for (const service of services) service.signal("SIGKILL");
    process.exit(130);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, onSignal);

  try {
    for (const service of services) service.start();
    await Promise.all(services.map((service) => service.ready(ca)));
  } catch (error) {
    log(`failed: ${error.message}`);
    await stopAll(1);
    return;
  }
  for (const service of services) {
    service.exited.then(() => {
      if (!stopping) {
        log(`${service.exitReason}; stopping the others`);
        stopAll(1);
      }
    });
  }

  if (open && officeDesktopApp(app)) {
    sideloaded = sideload(app);
  }
  log(`ready: workbench ${WORKBENCH_URL}`);
  if (!sideloaded) {
    log(`No ${app === "word" ? "Word" : "PowerPoint"} desktop here: use the workbench (the real pane beside Word/PowerPoint stand-ins).`);
    log(`  ${WORKBENCH_URL}${app === "powerpoint" ? "?doc=slide" : ""}`);
    log("  The certificate is a local development one: trust ~/.office-addin-dev-certs/ca.crt or accept the warning.");
    if (open && !openBrowser(`${WORKBENCH_URL}${app === "powerpoint" ? "?doc=slide" : ""}`)) log("no display: open the URL in a browser");
  }
  log("Ctrl-C stops everything.");
}

main().catch((error) => {
  console.error(`npm start: ${error.stack ?? error.message}`);
  process.exit(1);
});
