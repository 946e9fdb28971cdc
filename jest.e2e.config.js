/** Jest for the browser end-to-end tests (test/e2e): real Chromium through playwright-core, one at a time. */
/** @type {import('jest').Config} */
module.exports = {
  displayName: "e2e",
  rootDir: __dirname,
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: ["<rootDir>/test/e2e/**/*.e2e.ts"],
  globalSetup: "<rootDir>/test/e2e/globalSetup.ts",
  // Generous for a busy machine: a test waits for states, and robustness waits up to 180 s for 50k rows.
  testTimeout: 300_000,
  maxWorkers: 1,
  slowTestThreshold: 30,
};
