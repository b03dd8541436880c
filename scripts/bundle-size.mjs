// Measures what each page loads first (JS + CSS from its HTML, raw and gzip) and writes bench/results/bundle-size.json.
//
//   node scripts/bundle-size.mjs            production build into dist/, then measure
//   node scripts/bundle-size.mjs --no-build measure the dist/ that is there
//
// "Initial" = the scripts and stylesheets the page's HTML references from our origin (html-webpack-plugin output:
// runtime, shared vendor chunks, the entry). office.js is Microsoft's, loaded from its own files: reported apart.
// It also fails when the value of a secret-looking environment variable is found in the build (scripts/lib/secretScan.mjs).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { secretsInBuild } from "./lib/secretScan.mjs";

const require = createRequire(import.meta.url);
const { measurePage: measureBuiltPage } = require("./lib/firstPaint.cjs");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const out = path.join(root, "bench/results/bundle-size.json");
const PAGES = ["taskpane", "workbench", "commands", "auth-dialog"];

/** What `page`.html in dist/ loads first (scripts/lib/firstPaint.cjs). */
const measurePage = (page) => measureBuiltPage(dist, page);

if (!process.argv.includes("--no-build")) {
  console.log("Building for production (webpack --mode production)…");
  const build = spawnSync(process.platform === "win32" ? "npx.cmd" : "npx", ["webpack", "--mode", "production", "--stats", "errors-warnings"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (build.status !== 0) {
    console.error("The production build failed; nothing measured.");
    process.exit(1);
  }
}
if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
  console.error(`No ${path.relative(root, dist)}/taskpane.html: run without --no-build first.`);
  process.exit(1);
}

const leaks = secretsInBuild(dist, process.env);
if (leaks.length > 0) {
  for (const leak of leaks) console.error(`SECRET IN BUILD: the value of ${leak.name} is in dist/${leak.file}`);
  process.exit(1);
}

const pages = Object.fromEntries(PAGES.map((page) => [page, measurePage(page)]).filter(([, result]) => result));
const result = {
  measuredAt: new Date().toISOString(),
  what: "JS+CSS each page's HTML loads from our origin (production build), raw and gzip -9; office.js separately",
  pages,
};
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const [page, { initial, officeJs }] of Object.entries(pages)) {
  const office = officeJs ? `; office.js ${kib(officeJs.gzipBytes)} gzip more` : "";
  console.log(`${page}: initial JS+CSS ${kib(initial.bytes)} raw, ${kib(initial.gzipBytes)} gzip (${initial.files.length} files)${office}`);
}
console.log(`Written to ${path.relative(root, out)}`);
