// Webpack for the task pane and the ribbon commands, as the Office Yeoman template does it.
// The add-in's public URL comes from ADDIN_URL (production) and is written into dist/manifest.xml.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { publicUrl: addinPublicUrl, rewriteManifest } = require("./scripts/manifest-url");

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const publicUrl = addinPublicUrl(process.env.ADDIN_URL);
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/ui/index.tsx",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // File mode reads .xlsx in the browser: ExcelJS's own browser build needs no Node polyfills.
      alias: { exceljs$: require.resolve("exceljs/dist/exceljs.min.js") },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { configFile: "tsconfig.web.json", transpileOnly: true },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/ui/taskpane.html",
        // A real icon, so browsers asking for /favicon.ico (a 404 and a console error) do not.
        favicon: "./assets/icon-32.png",
        chunks: ["taskpane"],
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

async function httpsOptions() {
  // Trusted localhost certificates from the Office tooling (office-addin-dev-certs).
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}
