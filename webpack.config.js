// Webpack for the task pane and the ribbon commands, as the Office Yeoman template does it.
// The add-in's public URL comes from ADDIN_URL (production) and is written into dist/manifest.xml.
//
// Two targets in one build (docs/office-addin.md, "Support matrix"): the ribbon commands, the result
// dialog and the pane's bootstrap run in every webview the manifest admits, Internet Explorer 11's
// Trident included, so they are compiled to ES5 with core-js polyfills (browserslist env `legacy`);
// the React pane is compiled for the browsers Fluent UI v9 supports (env `pane`). Each entry sits in
// a webpack layer, so a module both use (the engine, the Office adapter) is compiled once per target.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { publicUrl: addinPublicUrl, rewriteManifest } = require("./scripts/manifest-url");

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const publicUrl = addinPublicUrl(process.env.ADDIN_URL);
  const config = {
    devtool: dev ? "source-map" : false,
    // The webpack runtime itself must parse in Trident too.
    target: ["web", "es5"],
    entry: entries(),
    experiments: { layers: true },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [...babelRules("legacy"), ...babelRules("bootstrap", "legacy", false), ...babelRules("pane")],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/ui/taskpane.html",
        // A real icon, so browsers asking for /favicon.ico (a 404 and a console error) do not.
        favicon: "./assets/icon-32.png",
        // The template places the bootstrap in <head> and lists the pane's scripts for it to load
        // once the browser has passed its feature tests (src/bootstrap/bootstrap.ts).
        inject: false,
        templateParameters: (compilation, assets, assetTags, options) => ({
          htmlWebpackPlugin: { tags: assetTags, files: assets, options },
          bootstrapScripts: entryScripts(compilation, assets, "bootstrap"),
          paneScripts: entryScripts(compilation, assets, "taskpane"),
        }),
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "dialog.html",
        template: "./src/commands/dialog.html",
        chunks: ["dialog"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifest(content.toString(), publicUrl)),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, "dist/web") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: 3000,
      // Certificates only when serving (webpack serve sets WEBPACK_SERVE): fetching them may ask to
      // install a CA, which a plain build must never do.
      server: dev && process.env.WEBPACK_SERVE ? { type: "https", options: await httpsOptions() } : "http",
    },
  };
  return config;
};

/** The entries and the browserslist env (package.json "browserslist") each is compiled for. */
const ENTRIES = {
  bootstrap: { import: "./src/bootstrap/bootstrap.ts", layer: "bootstrap" },
  taskpane: { import: "./src/ui/index.tsx", layer: "pane" },
  commands: { import: "./src/commands/commands.ts", layer: "legacy" },
  dialog: { import: "./src/commands/dialog.ts", layer: "legacy" },
};

/** The entries to build: all, or those named in ZIPING_ENTRIES (the ES5 tests build only theirs). */
function entries() {
  const only = (process.env.ZIPING_ENTRIES ?? "").split(",").filter((e) => e !== "");
  return Object.fromEntries(
    Object.entries(ENTRIES).filter(([name]) => only.length === 0 || only.includes(name)),
  );
}

/** The script files of an entry, as the page refers to them. */
function entryScripts(compilation, assets, name) {
  const entry = compilation.entrypoints.get(name);
  if (!entry) return [];
  return entry
    .getFiles()
    .filter((f) => f.endsWith(".js"))
    .map((f) => `${assets.publicPath}${f}`);
}

/**
 * Babel's preset-env for a browserslist env, adding the core-js polyfills the code uses; the
 * bootstrap gets none, because it must test the browser's own features.
 */
function babelLoader(env, polyfill) {
  return {
    loader: "babel-loader",
    options: {
      babelrc: false,
      configFile: false,
      cacheDirectory: true,
      // Polyfills are imported by path into the bundle; keep their `require`s as they are.
      sourceType: "unambiguous",
      presets: [
        [
          "@babel/preset-env",
          polyfill
            ? { browserslistEnv: env, useBuiltIns: "usage", corejs: "3.51", bugfixes: true, modules: false }
            : { browserslistEnv: env, useBuiltIns: false, bugfixes: true, modules: false },
        ],
      ],
    },
  };
}

/**
 * Our TypeScript (through ts-loader, then Babel) and the packages from node_modules (Babel only:
 * tabster ships class `static {}` blocks, others `?.`) for one layer, compiled for a browserslist
 * env. core-js and webpack's own
 * modules are not compiled: they are the polyfills and the runtime.
 */
function babelRules(layer, env = layer, polyfill = true) {
  return [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      issuerLayer: layer,
      use: [
        babelLoader(env, polyfill),
        { loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: true } },
      ],
    },
    {
      test: /\.m?js$/,
      include: /node_modules/,
      exclude: /node_modules[\\/](core-js|webpack|@babel[\\/]runtime|@fluentui[\\/]react-icons)[\\/]/,
      issuerLayer: layer,
      use: [babelLoader(env, polyfill)],
    },
  ];
}

async function httpsOptions() {
  // Trusted localhost certificates from the Office tooling (office-addin-dev-certs).
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}
