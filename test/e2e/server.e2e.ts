/**
 * The preview server (scripts/preview.js) on its own: the redirect, MIME types, the CSP header on
 * every response, and no way out of the served folder.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SERVER_CSP } from "./harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain-Node script shared with `npm run preview`
const { startServer, mimeType } = require("../../scripts/preview.js") as {
  startServer(opts: { root: string; port?: number }): Promise<{ url: string; close(): Promise<void> }>;
  mimeType(file: string): string;
};

let root: string;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-server-"));
  fs.mkdirSync(path.join(root, "assets"));
  fs.writeFileSync(path.join(root, "taskpane.html"), "<!doctype html><title>t</title>");
  fs.writeFileSync(path.join(root, "taskpane.1234abcd.js"), "console.log(1)");
  fs.writeFileSync(path.join(root, "assets", "icon-32.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(os.tmpdir(), "ziping-secret.txt"), "secret");
  server = await startServer({ root, port: 0 });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(path.join(os.tmpdir(), "ziping-secret.txt"), { force: true });
});

test("serves on 127.0.0.1 and redirects / to the task pane", async () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  const res = await fetch(server.url, { redirect: "manual" });
  expect(res.status).toBe(302);
  expect(res.headers.get("location")).toBe("/taskpane.html");
});

test("sends each file with its MIME type and the CSP header", async () => {
  for (const [file, type] of [
    ["taskpane.html", "text/html; charset=utf-8"],
    ["taskpane.1234abcd.js", "text/javascript; charset=utf-8"],
    ["assets/icon-32.png", "image/png"],
  ] as const) {
    const res = await fetch(server.url + file);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(type);
    expect(res.headers.get("content-security-policy")).toBe(SERVER_CSP);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  }
  expect(mimeType("a.woff2")).toBe("font/woff2");
  expect(mimeType("a.unknown")).toBe("application/octet-stream");
});

test("answers HEAD, refuses other methods, and never serves outside its folder", async () => {
  const head = await fetch(server.url + "taskpane.html", { method: "HEAD" });
  expect(head.status).toBe(200);
  expect(await head.text()).toBe("");
  expect((await fetch(server.url + "taskpane.html", { method: "POST", body: "x" })).status).toBe(405);
  for (const evil of [
    "..%2fziping-secret.txt",
    "%2e%2e/%2e%2e/ziping-secret.txt",
    "assets/..%2f..%2fziping-secret.txt",
  ]) {
    const res = await fetch(server.url + evil);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain("secret");
    expect(res.headers.get("content-security-policy")).toBe(SERVER_CSP);
  }
  expect((await fetch(server.url + "missing.js")).status).toBe(404);
});
