// Webpack 5 build of the pane, the ribbon function file and the workbench; dev server on https://localhost:3000.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { ensureDevCerts } = require("./scripts/dev-certs.cjs");
const { illustrateConfigFromEnv } = require("./scripts/build-config.cjs");
const { manifestFiles, manifestSettingsFromEnv } = require("./scripts/manifests.cjs");

/** Port of the pane's dev server (the manifest's SourceLocation points here). */
const DEV_SERVER_PORT = 3000;

/** Pages: entry module → HTML template → output page (`<name>.html`). */
const PAGES = [
  { name: "taskpane", entry: "./src/taskpane/main.tsx", template: "./src/taskpane/taskpane.html" },
  { name: "commands", entry: "./src/commands/commands.ts", template: "./src/commands/commands.html" },
  { name: "workbench", entry: "./src/workbench/main.tsx", template: "./src/workbench/workbench.html" },
  // Sign-in: the Office dialog fallback and MSAL's redirect bridge (src/auth).
  { name: "auth-dialog", entry: "./src/auth/authDialog.ts", template: "./src/auth/auth-dialog.html" },
  { name: "redirect", entry: "./src/auth/redirect.ts", template: "./src/auth/redirect.html" },
];

/**
 * Pages whose entry and template exist. A production build needs all of them; the dev server serves what exists
 * (the pane, commands and workbench are written in parallel) and says which pages it left out.
 */
function availablePages(production) {
  const missing = PAGES.filter((page) => ![page.entry, page.template].every((file) => fs.existsSync(path.resolve(__dirname, file))));
  if (missing.length > 0) {
    const list = missing.map((page) => `${page.name} (${page.entry}, ${page.template})`).join("; ");
    if (production) throw new Error(`Cannot build: missing page sources: ${list}`);
    console.warn(`[webpack] serving without: ${list}`);
  }
  return PAGES.filter((page) => !missing.includes(page));
}

/** Microsoft's CDN copy of office.js: production pages must load it (AppSource; @microsoft/office-js README). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The one copy of the office.js tags and their history workaround (office-js #1344), included by every page. */
const OFFICE_JS_PARTIAL = path.resolve(__dirname, "src/office-js.partial.html");

/**
 * The office.js tags for a page (`<%= htmlWebpackPlugin.options.officeJs %>` in its template): the CDN in a production
 * build, the local copy (copied to `office-js/`) in development and always in the workbench, which runs offline.
 */
function officeJsTags(production, page, publicPath) {
  const src = production && page.name !== "workbench" ? OFFICE_JS_CDN : `${publicPath}office-js/office.js`;
  return fs.readFileSync(OFFICE_JS_PARTIAL, "utf8").replace("__OFFICE_JS_SRC__", src);
}

/**
 * Emits manifest.xml and appPackage/ (the unified manifest) for ILLUSTRATE_PUBLIC_URL (default the dev server),
 * rendered by scripts/manifests.cjs from manifest/addin.cjs.
 */
class ManifestsPlugin {
  apply(compiler) {
    const settings = manifestSettingsFromEnv(process.env);
    compiler.hooks.thisCompilation.tap("ManifestsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "ManifestsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [name, content] of manifestFiles(settings)) {
          compilation.emitAsset(name, new webpack.sources.RawSource(content), { minimized: true });
        }
      });
    });
  }
}

/** Path the pages are served under: that of ILLUSTRATE_PUBLIC_URL in production (e.g. `/illustrate/`), else `/`. */
function publicPathFor(production) {
  return production ? `${new URL(manifestSettingsFromEnv(process.env).publicUrl).pathname.replace(/\/+$/, "")}/` : "/";
}

/**
 * @param {Record<string, unknown>} env webpack-cli env (`WEBPACK_SERVE` is true under `webpack serve`)
 * @param {{ mode?: string }} argv
 * @returns {Promise<import("webpack").Configuration>}
 */
module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = env.WEBPACK_SERVE === true;
  const pages = availablePages(production);
  const publicPath = publicPathFor(production);

  /** @type {import("webpack").Configuration} */
  const config = {
    mode: production ? "production" : "development",
    context: __dirname,
    entry: Object.fromEntries(pages.map((page) => [page.name, page.entry])),
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      assetModuleFilename: "static/[name].[contenthash:8][ext]",
      publicPath,
      clean: true,
    },
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    resolve: { extensions: [".tsx", ".ts", ".js", ".json"] },
    module: {
      rules: [
        // Pure modules (constants and functions, nothing run on import): a first-paint import of one constant
        // (AUTO_MODEL, DEFAULT_SHAPE) does not pull in the model rules, which load in their own chunk.
        { test: /src[\\/](core[\\/]protocol[\\/]models[\\/]|taskpane[\\/]modelRequest\.ts$)/, sideEffects: false },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`; tsconfig's noEmit is for tsc only.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } },
          },
        },
        // Griffel's build-time transform (the Fluent team's): makeStyles → precomputed __styles, so the pane ships no
        // CSS-in-JS compiler (stylis, rtl-css-js); Fluent's own components come precomputed. The pane's files only
        // (the transform evaluates their styles at build time); it runs on ts-loader's output.
        ...(production
          ? [
              {
                test: /\.tsx?$/,
                include: path.resolve(__dirname, "src/taskpane"),
                enforce: "post",
                use: {
                  loader: "@griffel/webpack-loader",
                  // To read the TypeScript modules a style imports (e.g. the swatch size) while evaluating it.
                  options: { babelOptions: { presets: ["@babel/preset-typescript"] } },
                },
              },
            ]
          : []),
      ],
    },
    plugins: [
      new webpack.DefinePlugin({
        // Only the ILLUSTRATE_* values (scripts/build-config.cjs); never spread process.env here.
        __ILLUSTRATE_CONFIG__: JSON.stringify(illustrateConfigFromEnv(process.env)),
      }),
      ...pages.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page.name}.html`,
            template: page.template,
            chunks: [page.name],
            scriptLoading: "defer",
            officeJs: officeJsTags(production, page, publicPath),
          }),
      ),
      new ManifestsPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          // Served from our origin: outside Office `Office.onReady` then resolves with host null (workbench).
          // Already minified: `minimized` keeps Terser off these 40 MB of JavaScript (minutes of build time).
          {
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            globOptions: { ignore: ["**/*.debug.js"] },
            info: { minimized: true },
          },
          { from: "assets", to: "assets", info: { minimized: true } },
        ],
      }),
    ],
    optimization: production
      ? {
          splitChunks: { chunks: "all", maxInitialRequests: 6 },
          runtimeChunk: "single",
          moduleIds: "deterministic",
        }
      : {},
    performance: production
      ? {
          hints: "warning",
          // Our own code only (minified, before gzip); office.js is Microsoft's and loads separately.
          maxEntrypointSize: 700 * 1024,
          maxAssetSize: 500 * 1024,
          assetFilter: (file) => /\.(js|css)$/.test(file) && !file.startsWith("office-js/"),
        }
      : false,
    stats: production ? "normal" : "minimal",
  };

  if (serving) {
    const { key, cert, ca } = await ensureDevCerts();
    config.devServer = {
      port: DEV_SERVER_PORT,
      host: "localhost",
      server: { type: "https", options: { key, cert, ca } },
      hot: false,
      // Not for a production build served by `npm start -- --production` (the benches): an edit must not reload their page.
      liveReload: !production,
      static: false,
      client: { overlay: { errors: true, warnings: false }, logging: "warn" },
      devMiddleware: { writeToDisk: false },
    };
  }
  return config;
};
