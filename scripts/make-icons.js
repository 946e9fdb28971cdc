#!/usr/bin/env node
// Draws the add-in's ribbon and store icons (a rounded square in the brand colour with a white
// check mark) and writes them as PNG files with node:zlib only: `node scripts/make-icons.js`.
// The PNGs are committed; rerun this script only when the design changes.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

/** The brand colour (a deep blue that reads on light and dark ribbons). */
const BRAND = [0x1f, 0x5f, 0xad];
/** Pixel sizes: 16/32/80 for the ribbon, 32/64 for the manifest's icon URLs. */
const SIZES = [16, 32, 64, 80];
/** Samples per pixel side; 4×4 supersampling gives smooth edges. */
const SUPERSAMPLE = 4;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels (a Uint8Array of size*size*4) as a PNG file. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** True when (x, y), in units of the icon side (0..1), lies inside the rounded square. */
function inRoundedSquare(x, y) {
  const margin = 0.04;
  const radius = 0.2;
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (
    (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 &&
    x >= margin &&
    x <= 1 - margin &&
    y >= margin &&
    y <= 1 - margin
  );
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** True when (x, y) lies on the check mark (two thick strokes with round ends). */
function inCheck(x, y, size) {
  const a = [0.26, 0.53];
  const b = [0.43, 0.7];
  const c = [0.75, 0.33];
  // Thicker strokes at 16 px so the mark survives the small size.
  const half = size <= 16 ? 0.085 : 0.065;
  return distanceToSegment(x, y, a, b) <= half || distanceToSegment(x, y, b, c) <= half;
}

/** Renders one icon of `size` pixels. */
function drawIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!inRoundedSquare(x, y)) continue;
          cover++;
          if (inCheck(x, y, size)) white++;
        }
      }
      const i = (py * size + px) * 4;
      if (cover === 0) continue;
      const w = white / cover;
      rgba[i] = Math.round(BRAND[0] * (1 - w) + 255 * w);
      rgba[i + 1] = Math.round(BRAND[1] * (1 - w) + 255 * w);
      rgba[i + 2] = Math.round(BRAND[2] * (1 - w) + 255 * w);
      rgba[i + 3] = Math.round((255 * cover) / (n * n));
    }
  }
  return encodePng(size, rgba);
}

function main() {
  const dir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { drawIcon, encodePng, SIZES };
