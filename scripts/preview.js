#!/usr/bin/env node
// `npm run preview`: build the web app (production) and serve dist/web on http://127.0.0.1 so
// ziping can be tried in a plain browser (file mode), without Excel. The e2e tests use the same
// server through startServer(). Plain Node: no dependency beyond Node's own modules.
"use strict";
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");

/**
 * Where office.js comes from, and where it loads MicrosoftAjax.js from: the only other origins the
 * page may load scripts from, and only inside Office (src/ui/taskpane.html cites the sources).
 */
const OFFICE_ORIGINS = "https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com";

/**
 * The Content-Security-Policy of the pane, the same as the `<meta>` in src/ui/taskpane.html (the
 * e2e tests check they agree): only the app's own files (plus office.js's origins for scripts), no
 * inline script, no eval, no connection to another origin; inline styles are allowed because
 * Fluent UI (Griffel) injects its styles at run time. A header can also say what a meta cannot.
 */
const CSP = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_ORIGINS}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
].join("; ");

/** MIME types of the files the build emits. */
const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The MIME type for a file name (application/octet-stream when unknown). */
function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
}

/** Headers sent with every response: the CSP and a few hardening headers. */
function securityHeaders() {
  return {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
  };
}

/**
 * Serve the files under `root` on 127.0.0.1 (`port` 0 picks a free port); `/` redirects to
 * taskpane.html. Resolves to the base URL and a close function.
 */
function startServer({ root = path.join(ROOT, "dist", "web"), port = 0, host = "127.0.0.1" } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const send = (status, headers, body) => {
      res.writeHead(status, { ...securityHeaders(), ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" }, "Method not allowed\n");
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url || "/", "http://localhost").pathname);
    } catch {
      send(400, { "Content-Type": "text/plain; charset=utf-8" }, "Bad request\n");
      return;
    }
    if (pathname === "/") {
      send(302, { Location: "/taskpane.html", "Content-Type": "text/plain; charset=utf-8" }, "");
      return;
    }
    const file = path.resolve(base, "." + pathname);
    if (pathname.includes("\0") || (file !== base && !file.startsWith(base + path.sep))) {
      send(403, { "Content-Type": "text/plain; charset=utf-8" }, "Forbidden\n");
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        send(404, { "Content-Type": "text/plain; charset=utf-8" }, "Not found\n");
        return;
      }
      res.writeHead(200, {
        ...securityHeaders(),
        "Content-Type": mimeType(file),
        "Content-Length": stat.size,
      });
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host}:${address.port}/`;
      resolve({
        url,
        port: address.port,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Build the web app in production mode into dist/web (throws when webpack fails). */
function buildWeb() {
  const webpackBin = require.resolve("webpack/bin/webpack.js", { paths: [ROOT] });
  const result = spawnSync(process.execPath, [webpackBin, "--mode", "production"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`webpack failed (exit code ${result.status})`);
}

async function main(argv) {
  if (!argv.includes("--no-build")) buildWeb();
  const port = Number(process.env.PORT || 3001);
  const { url } = await startServer({ port });
  process.stdout.write(`ziping preview: ${url}taskpane.html  (Ctrl+C to stop)\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`preview: ${err && err.message ? err.message : err}\n`);
    process.exitCode = 1;
  });
}

module.exports = { startServer, buildWeb, mimeType, CSP, OFFICE_ORIGINS };
