// Build-time pane configuration from the environment: the only values webpack bakes into the bundle.
// CommonJS so webpack.config.js can require it; unit-tested in test/unit/workbench/buildConfig.test.ts.
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

/** Values of ILLUSTRATE_API_MODE. */
const API_MODES = ["gateway", "azure-openai-direct"];

/** Azure deployment names: letters, digits, `-`, `_`, `.` (they go into a URL path). */
const DEPLOYMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Dated Azure OpenAI API versions, e.g. `2025-04-01-preview`. */
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

/**
 * Reads ILLUSTRATE_API_MODE, ILLUSTRATE_DEPLOYMENT and ILLUSTRATE_API_VERSION into `api`
 * (`src/core/config.ts` `ImageApiMode`), or `undefined` when none is set (gateway, the default).
 * @throws Error naming the variable for an unknown mode, a missing or malformed deployment or version,
 *   direct mode without ILLUSTRATE_GATEWAY_URL (the Azure endpoint), or deployment/version in gateway mode.
 */
function apiModeFromEnv(value) {
  const mode = value("ILLUSTRATE_API_MODE");
  const deployment = value("ILLUSTRATE_DEPLOYMENT");
  const apiVersion = value("ILLUSTRATE_API_VERSION");
  if (mode !== undefined && !API_MODES.includes(mode)) {
    throw new Error(`ILLUSTRATE_API_MODE must be one of ${API_MODES.join(", ")}, got "${mode}"`);
  }
  if (mode !== "azure-openai-direct") {
    for (const [name, set] of [["ILLUSTRATE_DEPLOYMENT", deployment], ["ILLUSTRATE_API_VERSION", apiVersion]]) {
      if (set !== undefined) throw new Error(`${name} is used only with ILLUSTRATE_API_MODE=azure-openai-direct`);
    }
    return mode === undefined ? undefined : { mode };
  }
  if (value("ILLUSTRATE_GATEWAY_URL") === undefined) {
    throw new Error("ILLUSTRATE_API_MODE=azure-openai-direct needs ILLUSTRATE_GATEWAY_URL = the Azure OpenAI endpoint, e.g. https://<resource>.openai.azure.com");
  }
  if (deployment === undefined) throw new Error("ILLUSTRATE_API_MODE=azure-openai-direct needs ILLUSTRATE_DEPLOYMENT (the deployment name)");
  if (!DEPLOYMENT_NAME.test(deployment)) {
    throw new Error(`ILLUSTRATE_DEPLOYMENT must be a deployment name (letters, digits, - _ .), got "${deployment}"`);
  }
  if (apiVersion !== undefined && !API_VERSION.test(apiVersion)) {
    throw new Error(`ILLUSTRATE_API_VERSION must be a dated version such as 2025-04-01-preview, got "${apiVersion}"`);
  }
  return apiVersion === undefined ? { mode, deployment } : { mode, deployment, apiVersion };
}

/** Most image requests one whole-deck run may have out at once (ILLUSTRATE_DECK_CONCURRENCY). */
const MAX_DECK_CONCURRENCY = 16;

/**
 * Reads ILLUSTRATE_DECK_CONCURRENCY: a whole number 1–{@link MAX_DECK_CONCURRENCY}, or `undefined` when unset.
 * @throws Error naming the variable for anything else.
 */
function deckConcurrencyFromEnv(value) {
  const text = value("ILLUSTRATE_DECK_CONCURRENCY");
  if (text === undefined) return undefined;
  const number = Number(text);
  if (!/^\d+$/.test(text) || number < 1 || number > MAX_DECK_CONCURRENCY) {
    throw new Error(`ILLUSTRATE_DECK_CONCURRENCY must be a whole number from 1 to ${MAX_DECK_CONCURRENCY}, got "${text}"`);
  }
  return number;
}

/**
 * Reads the pane configuration from `env` (ILLUSTRATE_GATEWAY_URL, ILLUSTRATE_CLIENT_ID, ILLUSTRATE_AUTHORITY,
 * ILLUSTRATE_SCOPES space-separated, ILLUSTRATE_API_MODE, ILLUSTRATE_DEPLOYMENT, ILLUSTRATE_API_VERSION,
 * ILLUSTRATE_DECK_CONCURRENCY;
 * nothing else reaches the bundle, so no secret can leak through DefinePlugin).
 * Only keys whose variable is set (and not blank) are present, so the
 * pane's defaults (`DEFAULT_CONFIG`, `withDefaults` in src/core/config.ts) fill the rest; in direct mode
 * without ILLUSTRATE_SCOPES that default is `https://cognitiveservices.azure.com/user_impersonation`.
 * `localIssuer` follows `ILLUSTRATE_AUTHORITY` when it is set: true only for an authority on localhost.
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
  const api = apiModeFromEnv(value);
  if (api) config.api = api;
  const deckConcurrency = deckConcurrencyFromEnv(value);
  if (deckConcurrency !== undefined) config.deckConcurrency = deckConcurrency;
  return config;
}

module.exports = { illustrateConfigFromEnv };
