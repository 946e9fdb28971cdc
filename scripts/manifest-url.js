// The add-in's public URL and how it gets into the built manifest: webpack.config.js uses this for
// dist/web/manifest.xml and test/manifest.test.ts checks the same function.
"use strict";

/** The development URL every address in manifest.xml starts with (webpack-dev-server). */
const DEV_URL = "https://localhost:3000/";

/**
 * The public URL to build for: ADDIN_URL when set (must be https, a trailing slash is added),
 * otherwise the development URL.
 * @param {string | undefined} addinUrl
 * @returns {string}
 */
function publicUrl(addinUrl) {
  const raw = (addinUrl || "").trim();
  if (raw === "") return DEV_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:")
    throw new Error(`ADDIN_URL must be an https URL (Office requires it): ${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL must not have a query or fragment: ${raw}`);
  return url.href.replace(/\/?$/, "/");
}

/**
 * Rewrites every development URL in a manifest's text to `url` (which ends with a slash).
 * @param {string} manifest
 * @param {string} url
 * @returns {string}
 */
function rewriteManifest(manifest, url) {
  return manifest.split(DEV_URL).join(url);
}

module.exports = { DEV_URL, publicUrl, rewriteManifest };
