// Writes the add-in's icons (office-addin/assets/icon-{16,32,64,80}.png): a green ladder on a
// white rounded tile, drawn pixel by pixel and encoded as PNG with node:zlib. No network, no deps.
// Run once after changing the drawing: `node scripts/make-office-icons.mjs`.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function pixel(x, y, n) {
  const u = (v) => v / n; // 0..1
  const [fx, fy] = [u(x + 0.5), u(y + 0.5)];
  const r = 0.18;
  const cx = Math.min(Math.max(fx, r), 1 - r);
  const cy = Math.min(Math.max(fy, r), 1 - r);
  if ((fx - cx) ** 2 + (fy - cy) ** 2 > r * r) return [0, 0, 0, 0]; // outside the rounded tile
  const green = [0x2e, 0x7d, 0x32, 255];
  const rail = Math.max(1 / n, 0.09);
  if (fy > 0.12 && fy < 0.88 && (Math.abs(fx - 0.3) < rail / 2 || Math.abs(fx - 0.7) < rail / 2))
    return green;
  for (const ry of [0.28, 0.5, 0.72]) if (fx > 0.3 && fx < 0.7 && Math.abs(fy - ry) < rail / 2) return green;
  return [0xe8, 0xf5, 0xe9, 255];
}

function png(n) {
  const raw = Buffer.alloc((n * 4 + 1) * n);
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0;
    for (let x = 0; x < n; x++) Buffer.from(pixel(x, y, n)).copy(raw, y * (n * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const n of [16, 32, 64, 80]) {
  writeFileSync(new URL(`../office-addin/assets/icon-${n}.png`, import.meta.url), png(n));
  console.log(`office-addin/assets/icon-${n}.png`);
}
