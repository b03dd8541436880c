// `npm run manifests`: writes manifest.xml and appPackage/ (the unified manifest) for the dev server from manifest/addin.cjs.
// Development URLs only: `npm run build` writes both into dist/ for ILLUSTRATE_PUBLIC_URL (webpack.config.js).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { manifestSettingsFromEnv, writeManifests } = require("./manifests.cjs");
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// The committed copies always describe the dev server and the local issuer, whatever the shell has set.
const written = writeManifests(ROOT, manifestSettingsFromEnv({}));
for (const file of written) console.log(path.relative(ROOT, file));
