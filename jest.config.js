// Jest projects: unit (jsdom + node), integration (real HTTPS servers), e2e (Chromium via playwright-core).
/** @type {import('ts-jest').TsJestTransformerOptions} */
const tsJest = {
  tsconfig: { module: "commonjs", moduleResolution: "node10", jsx: "react-jsx", isolatedModules: true },
  diagnostics: false, // type errors are caught by `npm run typecheck` (tsc) before jest runs
};
const transform = { "^.+\\.tsx?$": ["ts-jest", tsJest] };
/** Build output (dist/, dist-gateway/ with its package.json files) is never a module for the tests. */
const modulePathIgnorePatterns = ["<rootDir>/dist/", "<rootDir>/dist-gateway/"];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform,
      modulePathIgnorePatterns,
      testMatch: ["<rootDir>/test/unit/**/*.test.ts?(x)"],
      setupFilesAfterEnv: ["<rootDir>/test/unit/setup.ts"],
    },
    {
      displayName: "integration",
      testEnvironment: "node",
      transform,
      modulePathIgnorePatterns,
      testMatch: ["<rootDir>/test/integration/**/*.test.ts"],
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      transform,
      modulePathIgnorePatterns,
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      globalSetup: "<rootDir>/test/e2e/globalSetup.ts",
      globalTeardown: "<rootDir>/test/e2e/globalTeardown.ts",
    },
  ],
};
