// Development TLS for the local servers (pane, gateway, issuer): the Office add-in dev certificate.
// CommonJS so that webpack.config.js, the tsx servers, Jest and the start script can all require it.
"use strict";
const fs = require("node:fs");
const crypto = require("node:crypto");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

const paths = {
  ca: defaults.caCertificatePath,
  cert: defaults.localhostCertificatePath,
  key: defaults.localhostKeyPath,
};

/** Reads the certificate files; returns undefined when any is missing or the leaf expires within a day. */
function readDevCerts() {
  try {
    const files = { ca: fs.readFileSync(paths.ca), cert: fs.readFileSync(paths.cert), key: fs.readFileSync(paths.key) };
    const validTo = new Date(new crypto.X509Certificate(files.cert).validTo).getTime();
    return validTo - Date.now() > 24 * 3600 * 1000 ? files : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns `{ key, cert, ca }` (Buffers, PEM) for https://localhost, creating them when missing or expiring.
 * On Windows and macOS it also trusts the CA (office-addin-dev-certs asks the OS, as the Office tooling does).
 * On Linux the trust step needs sudo and fails offline-quietly (shared/docs/toolchain.md): we only generate the
 * files and clients pass the CA explicitly (Node `ca`, Playwright `ignoreHTTPSErrors`).
 */
async function ensureDevCerts() {
  const existing = readDevCerts();
  if (existing) return existing;
  if (process.platform === "win32" || process.platform === "darwin") {
    await devCerts.ensureCertificatesAreInstalled(30, ["localhost", "127.0.0.1"]);
  } else {
    fs.mkdirSync(require("node:path").dirname(paths.ca), { recursive: true });
    await devCerts.generateCertificates(paths.ca, paths.cert, paths.key, 30, ["localhost", "127.0.0.1"]);
  }
  const created = readDevCerts();
  if (!created) throw new Error(`Could not create the development certificate in ${defaults.certificateDirectory}`);
  return created;
}

module.exports = { ensureDevCerts, readDevCerts, paths };

if (require.main === module) {
  ensureDevCerts().then(
    () => console.log(`Development certificate ready in ${defaults.certificateDirectory}`),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
