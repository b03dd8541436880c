// What a built page loads first (its HTML's own JS + CSS, gzip -9), and the builds of the pane and of the perf floor.
"use strict";
const { execFile } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");

const ROOT = path.resolve(__dirname, "../..");
const WEBPACK_CLI = path.join(ROOT, "node_modules/webpack-cli/bin/cli.js");
/** The floor's sources (read-only: ../shared is mounted read-only in CI); see its README.md. */
const FLOOR_SOURCES = path.resolve(ROOT, "../shared/perf-floor");

/** gzip level 9, as a static server with precompressed files would serve it. @returns bytes */
const gzipBytes = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;

/** The value of attribute `name` in a tag's text (quoted or, as minified HTML writes it, unquoted). */
function attribute(tag, name) {
  const match = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * Local `src`/`href` of a page's `<script>` and `<link rel=stylesheet>` tags, in order, relative to the build folder
 * (`publicPath` stripped). Other origins (office.js from Microsoft's CDN) are left out.
 */
function initialFiles(html, publicPath = "/") {
  const files = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) files.push(attribute(tag, "src"));
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) if (attribute(tag, "rel") === "stylesheet") files.push(attribute(tag, "href"));
  return files
    .filter((file) => file && !/^(https?:)?\/\//.test(file))
    .map((file) => (file.startsWith(publicPath) ? file.slice(publicPath.length) : file.replace(/^\//, "")));
}

/** `{ file, bytes, gzipBytes }` of one built file. */
function measureFile(dist, file) {
  const buffer = fs.readFileSync(path.join(dist, file));
  return { file, bytes: buffer.length, gzipBytes: gzipBytes(buffer) };
}

/**
 * The JS+CSS `page`.html of `dist` loads from our origin (raw and gzip bytes, with the files), and the local
 * office.js copy apart (Microsoft's code). @returns undefined when the page is not in the build.
 */
function measurePage(dist, page, publicPath = "/") {
  const htmlFile = path.join(dist, `${page}.html`);
  if (!fs.existsSync(htmlFile)) return undefined;
  const files = initialFiles(fs.readFileSync(htmlFile, "utf8"), publicPath);
  const ours = files.filter((file) => !file.startsWith("office-js/") && /\.(js|css)$/.test(file)).map((file) => measureFile(dist, file));
  const office = files.filter((file) => file.startsWith("office-js/")).map((file) => measureFile(dist, file));
  const sum = (list, key) => list.reduce((total, item) => total + item[key], 0);
  return {
    initial: { bytes: sum(ours, "bytes"), gzipBytes: sum(ours, "gzipBytes"), files: ours },
    officeJs: office.length > 0 ? { bytes: sum(office, "bytes"), gzipBytes: sum(office, "gzipBytes"), files: office } : undefined,
  };
}

/** Runs the project's webpack-cli in `cwd` with `args`. @throws with webpack's output when the build fails. */
function webpack(cwd, args, env) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [WEBPACK_CLI, ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`webpack ${args.join(" ")} failed in ${cwd}:\n${stdout}\n${stderr}`));
      else resolve();
    });
  });
}

/** process.env without ILLUSTRATE_* (a build sees only the settings it is given). */
const cleanEnv = (env) => ({ ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("ILLUSTRATE_"))), ...env });

/** Builds the pane (`mode`) into `out` with the given ILLUSTRATE_* settings. */
function buildPane(out, mode = "production", env = {}) {
  return webpack(ROOT, ["--mode", mode, "--output-path", out, "--stats", "errors-warnings"], cleanEnv(env));
}

/**
 * Builds ../shared/perf-floor with the project's webpack and node_modules (the same versions): copies its sources
 * into a temporary folder with a `node_modules` link to ours, and runs its own webpack.config.js there.
 * @returns the folder holding `dist/taskpane.html`; the caller removes it.
 * @throws when the floor's sources are missing or its build fails.
 */
async function buildFloor() {
  if (!fs.existsSync(path.join(FLOOR_SOURCES, "webpack.config.js"))) throw new Error(`No perf floor at ${FLOOR_SOURCES}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "illustrate-perf-floor-"));
  for (const entry of ["src", "tsconfig.json", "webpack.config.js", "package.json"]) {
    fs.cpSync(path.join(FLOOR_SOURCES, entry), path.join(dir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  await webpack(dir, ["--mode", "production"], cleanEnv({}));
  return dir;
}

module.exports = { ROOT, FLOOR_SOURCES, gzipBytes, initialFiles, measurePage, buildPane, buildFloor };
