// dependency-cruiser: the room rules of the README's layout section (which folder may import which), checked by `npm run lint`.
//
// Rooms, inside out: src/core (pure; src/core/protocol is what the pane and the gateway share) ← src/hosts,
// src/imaging, src/auth ← src/taskpane, src/workbench, src/commands. server/ meets src/ only in src/core/protocol.
// Tests may import anything; bench may import anything but test/e2e.

/** Node's built-in modules, as dependency-cruiser names them ("core" dependency type). */
const NODE = { dependencyTypes: ["core"] };
/** npm packages for the network or the server; none of them belongs in src/core. */
const NETWORK_PACKAGES = "^(fastify|@fastify/|undici|node-fetch|axios|ioredis|rate-limiter-flexible|@azure/identity|ws|sharp|jose|oidc-provider)";
/** Office, React and UI packages. */
const UI_PACKAGES = "^(@microsoft/office-js|office-addin-[^/]+|react|react-dom|@fluentui/[^/]+|@azure/msal-browser|i18next)(/|$)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycles (they hide which room a module belongs to).",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-imports-only-core",
      severity: "error",
      comment: "src/core is the innermost room: of the project's own code it imports only src/core.",
      from: { path: "^src/core/" },
      to: { dependencyTypes: ["local"], pathNot: "^src/core/" },
    },
    {
      name: "core-no-ui-packages",
      severity: "error",
      comment: "src/core imports no Office, React or UI package (Node built-ins and network packages: the two pane-no-* rules).",
      from: { path: "^src/core/" },
      to: { path: `^node_modules/${UI_PACKAGES.slice(1)}` },
    },
    {
      name: "middle-rooms-build-on-core",
      severity: "error",
      comment:
        "src/hosts, src/imaging and src/auth import only src/core (and npm packages), never each other or the rooms above. " +
        "The two sign-in page entries (auth-dialog, redirect) are pages, a top layer like the task pane: they may read the pane's strings.",
      from: { path: "^src/(hosts|imaging|auth)/", pathNot: "^src/auth/(authDialog|redirect)\\.ts$" },
      to: { path: "^src/", pathNot: ["^src/core/", "^src/$1/"] },
    },
    {
      name: "middle-rooms-no-ui",
      severity: "error",
      comment: "src/hosts, src/imaging and src/auth hold no React or Fluent UI: the pane's components are in src/taskpane.",
      from: { path: "^src/(hosts|imaging|auth)/" },
      to: { path: "^node_modules/(react|react-dom|@fluentui/[^/]+|i18next)/" },
    },
    {
      name: "pane-no-node",
      severity: "error",
      comment: "Code under src/ (src/core included) runs in the browser: no Node built-ins.",
      from: { path: "^src/" },
      to: NODE,
    },
    {
      name: "pane-no-server-packages",
      severity: "error",
      comment: "Code under src/ (src/core included) runs in the browser: no server or network packages.",
      from: { path: "^src/" },
      to: { path: `^node_modules/${NETWORK_PACKAGES.slice(1)}` },
    },
    {
      name: "src-does-not-import-server",
      severity: "error",
      comment: "src/ and server/ meet only in src/core/protocol: the pane never imports server code.",
      from: { path: "^src/" },
      to: { path: "^server/" },
    },
    {
      name: "server-meets-src-only-in-protocol",
      severity: "error",
      comment: "server/ may import src/core/protocol and nothing else from src/.",
      from: { path: "^server/" },
      to: { path: "^src/", pathNot: "^src/core/protocol/" },
    },
    {
      name: "product-does-not-import-tests",
      severity: "error",
      comment: "src/, server/ and scripts/ never import tests, fakes or bench code.",
      from: { path: "^(src|server|scripts)/" },
      to: { path: "^(test|bench)/" },
    },
    {
      name: "bench-not-from-e2e",
      severity: "error",
      comment: "bench/ does not import test/e2e: browser helpers both use live in a place both may import (test/support).",
      from: { path: "^bench/" },
      to: { path: "^test/e2e/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "Every import resolves (a typo or a missing package).",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "no-undeclared-packages",
      severity: "error",
      comment: "Every npm package imported is in package.json (not only present as someone's transitive dependency).",
      from: {},
      to: { dependencyTypes: ["npm-no-pkg", "npm-unknown"] },
    },
    {
      name: "product-not-from-dev-dependencies",
      severity: "error",
      comment:
        "The gateway's runtime code uses only `dependencies` (a production install omits devDependencies). " +
        "The dev issuer (server/dev-issuer) is development-only. Type-only imports are erased.",
      from: { path: "^server/", pathNot: "^server/dev-issuer/" },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(dist|coverage|test/e2e/artifacts)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
