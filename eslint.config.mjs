// ESLint flat config: typescript-eslint, React hooks, Office add-in rules for the pane, directive-comment hygiene, Prettier last.
//
// Not type-aware (typescript-eslint's `recommended`, not `recommendedTypeChecked`): type checking is `npm run
// typecheck`, and a type-aware lint would build the whole program a fourth time on a 2-core machine.
// Room boundaries (which folder may import which) are dependency-cruiser's job: .dependency-cruiser.cjs.
import js from "@eslint/js";
import comments from "@eslint-community/eslint-plugin-eslint-comments/configs";
import prettier from "eslint-config-prettier";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** The Office.js rules of Microsoft's `office-addins` recommended config, without its Prettier and parser settings. */
const officeRules = Object.fromEntries(
  officeAddins.configs.recommended.flatMap((config) => Object.entries(config.rules ?? {})).filter(([rule]) => rule.startsWith("office-addins/")),
);

export default tseslint.config(
  { ignores: ["dist/", "dist-gateway/", "coverage/", "node_modules/", "test/e2e/artifacts/", "bench/results/"] },
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  comments.recommended,
  {
    rules: {
      // Every eslint-disable says why on the same line: `// eslint-disable-next-line rule -- reason`.
      "@eslint-community/eslint-comments/require-description": ["error", { ignore: [] }],
      "@eslint-community/eslint-comments/disable-enable-pair": ["error", { allowWholeFile: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Cleaning Word and PowerPoint text (fields, soft returns, objects) means matching control characters on purpose.
    files: ["src/core/**/*.ts"],
    rules: { "no-control-regex": "off" },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      // Refs are written in effects (hooks/useLatest), state resets happen while rendering or in cleanups;
      // `npm run lint` also fails on any warning (--max-warnings 0).
      "react-hooks/refs": "error",
      "react-hooks/set-state-in-effect": "error",
    },
  },
  {
    // The Office.js code (adapters, pane, sign-in, commands): Microsoft's rules for load/sync and null objects.
    // Not src/workbench: its stand-in hosts work on DOM objects, which the rules mistake for Office proxies.
    files: ["src/{hosts,taskpane,auth,commands,core,imaging}/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
  {
    files: ["server/**/*.ts", "scripts/**/*.{ts,mjs,cjs,js}", "bench/**/*.{ts,mjs}", "test/**/*.{ts,tsx}", "*.{js,cjs,mjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["test/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.jest, ...globals.browser } },
    // Tests read parsed JSON bodies and fakes' loose shapes as `any`, then assert on them.
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // CommonJS files (package.json has no "type": "module", so .js is CommonJS too).
    files: ["**/*.cjs", "*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
      // `const crypto = require("node:crypto")` is how CommonJS reads the module that Node also offers as a global.
      "no-redeclare": ["error", { builtinGlobals: false }],
    },
  },
  prettier,
);
