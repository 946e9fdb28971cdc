/** Jest: unit tests beside the code (src/**), integration/golden/browser tests under test/. */
/** @type {import('jest').Config} */
const tsJest = ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }];
// A busy machine (other builds, a CPU hog) stretches a CLI run or a workbook round trip many times
// over: tests wait for results, never against the clock, so Jest's 5 s default is too short.
const testTimeout = 120_000;
module.exports = {
  testTimeout,
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
    },
    {
      displayName: "dom",
      testEnvironment: "jsdom",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/src/**/*.test.tsx", "<rootDir>/test/**/*.test.tsx"],
    },
  ],
};
