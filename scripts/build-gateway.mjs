// `npm run build:gateway`: bundles the gateway (server/gateway/main.ts) into plain JavaScript for `node`
// (dist-gateway/main.cjs) with esbuild, and writes dist-gateway/package.json naming the packages left external.
// `--outdir <dir>` (inside the repository, so the external packages resolve from node_modules) for tests.
import { build } from "esbuild";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const flag = process.argv.indexOf("--outdir");
const outdir = flag > 0 ? path.resolve(process.argv[flag + 1]) : path.join(root, "dist-gateway");

/**
 * Packages not bundled: sharp has a native binary per platform (installed in the image for its own libc/CPU),
 * @azure/identity is loaded only with a managed identity and pulls in MSAL for Node.
 */
export const EXTERNAL = ["sharp", "@azure/identity"];

function installedVersion(name) {
  return JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).version;
}

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: [path.join(root, "server/gateway/main.ts")],
  outfile: path.join(outdir, "main.cjs"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  external: EXTERNAL,
  metafile: true,
  logLevel: "warning",
  legalComments: "linked",
});
const dependencies = Object.fromEntries(EXTERNAL.map((name) => [name, installedVersion(name)]));
writeFileSync(
  path.join(outdir, "package.json"),
  `${JSON.stringify({ name: "illustrate-gateway", private: true, type: "commonjs", main: "main.cjs", engines: { node: ">=20.19" }, dependencies }, null, 2)}\n`,
);
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`${path.relative(root, outdir)}/main.cjs written (${(bytes / 1e6).toFixed(1)} MB with its source map); external: ${EXTERNAL.join(", ")}`);
