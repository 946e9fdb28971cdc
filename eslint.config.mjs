// Lint: typescript-eslint's recommended rules, plus the boundary that keeps src/engine pure.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const nodeBuiltins = [
  "fs",
  "path",
  "os",
  "http",
  "https",
  "net",
  "tls",
  "dgram",
  "dns",
  "child_process",
  "worker_threads",
  "stream",
  "zlib",
  "crypto",
  "url",
  "util",
  "events",
  "buffer",
  "process",
  "readline",
  "vm",
  "cluster",
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "out/",
      "coverage/",
      "test-results/",
      "bench/.work/",
      "**/*.js",
      "!eslint.config.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-eval": "error",
      "no-new-func": "error",
      "no-implied-eval": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: "Cell text is shown only as text.",
        },
      ],
    },
  },
  {
    // The engine is pure: tables in, findings out. No Office.js, ExcelJS, React, Node built-ins or network.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...nodeBuiltins.flatMap((m) => [
              { name: m, message: "src/engine must not import Node built-ins." },
              { name: `node:${m}`, message: "src/engine must not import Node built-ins." },
            ]),
          ],
          patterns: [
            {
              group: ["exceljs", "exceljs/*"],
              message: "src/engine must not import ExcelJS (adapters/xlsx does).",
            },
            {
              group: ["react", "react-dom", "react/*", "@fluentui/*"],
              message: "src/engine must not import UI code.",
            },
            {
              group: ["office-js", "@microsoft/office-js*"],
              message: "src/engine must not import Office.js.",
            },
            { group: ["node:*"], message: "src/engine must not import Node built-ins." },
            {
              group: ["**/adapters/**", "**/ui/**", "**/cli/**", "**/commands/**"],
              message: "src/engine must not depend on its adapters.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "No network calls from the engine." },
        { name: "XMLHttpRequest", message: "No network calls from the engine." },
        { name: "WebSocket", message: "No network calls from the engine." },
        { name: "Office", message: "src/engine must not use Office.js." },
        { name: "Excel", message: "src/engine must not use Office.js." },
      ],
    },
  },
  {
    // Outside the engine, import it through its index: src/engine/index.ts is its public surface, so
    // its inner files can move without breaking the adapters, the pane, the CLI or the tests.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["src/engine/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // Test helpers (engine/**/testing) are for tests only and stay out of the index.
              regex: "(^|/)engine/(?!(.+/)?testing$)",
              message: "Import the engine from its index (src/engine), not from its inner files.",
            },
          ],
        },
      ],
    },
  },
);
