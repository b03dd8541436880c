// Build-time pane configuration from the environment: the only values webpack bakes into the bundle.
// CommonJS so webpack.config.js can require it; unit-tested in test/unit/scripts/build-config.test.ts.
"use strict";

/** Hosts that count as "this machine": an authority there is the local development issuer. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Parses an https URL (http only for this machine) and returns it without a trailing slash.
 * @throws Error naming `name` when the value is not such a URL.
 */
function parseBaseUrl(name, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be a URL such as https://localhost:3001, got "${value}"`);
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) {
    throw new Error(`${name} must use https (http is allowed only for localhost), got "${value}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`${name} must not carry a query, fragment or credentials, got "${value}"`);
  }
  return url.href.replace(/\/+$/, "");
}

/**
 * Reads the pane configuration from `env` (ILLUSTRATE_GATEWAY_URL, ILLUSTRATE_CLIENT_ID, ILLUSTRATE_AUTHORITY,
 * ILLUSTRATE_SCOPES space-separated; nothing else reaches the bundle, so no secret can leak through DefinePlugin).
 * Only keys whose variable is set (and not blank) are present, so the
 * pane's defaults (`DEFAULT_CONFIG`) fill the rest. `localIssuer` follows `ILLUSTRATE_AUTHORITY` when it is set:
 * true only for an authority on localhost.
 * @param {Record<string, string | undefined>} env usually `process.env`
 * @returns {Partial<import("../src/core/config").IllustrateConfig>}
 * @throws Error naming the variable when a value is malformed.
 */
function illustrateConfigFromEnv(env) {
  const config = {};
  const value = (name) => {
    const raw = env[name];
    return raw === undefined || raw.trim() === "" ? undefined : raw.trim();
  };
  const gatewayUrl = value("ILLUSTRATE_GATEWAY_URL");
  if (gatewayUrl) config.gatewayUrl = parseBaseUrl("ILLUSTRATE_GATEWAY_URL", gatewayUrl);
  const clientId = value("ILLUSTRATE_CLIENT_ID");
  if (clientId) config.clientId = clientId;
  const authority = value("ILLUSTRATE_AUTHORITY");
  if (authority) {
    config.authority = parseBaseUrl("ILLUSTRATE_AUTHORITY", authority);
    config.localIssuer = LOCAL_HOSTS.has(new URL(config.authority).hostname);
  }
  const scopes = value("ILLUSTRATE_SCOPES");
  if (scopes) config.scopes = scopes.split(/\s+/);
  return config;
}

module.exports = { illustrateConfigFromEnv };
