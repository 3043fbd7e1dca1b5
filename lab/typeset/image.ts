import { deflateSync } from "node:zlib";
import { rng } from "../random";

/**
 * Placeholder photos: a small deterministic PNG (sky, hills, a sun or a building block),
 * so a page looks like a page without shipping any real picture.
 */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function placeholderPng(seed: number, width: number, height: number): Buffer {
  const r = rng(seed);
  const sky = [150 + r() * 80, 170 + r() * 60, 200 + r() * 50];
  const land = [60 + r() * 80, 90 + r() * 80, 50 + r() * 50];
  const hill1 = 0.45 + r() * 0.25;
  const freq = 2 + r() * 5;
  const phase = r() * 6.28;
  const sunX = r() * width;
  const sunY = r() * height * 0.35;
  const sunR = height * (0.06 + r() * 0.08);
  const blockX = r() * width * 0.7;
  const blockW = width * (0.1 + r() * 0.2);
  const blockH = height * (0.2 + r() * 0.35);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0;
    for (let x = 0; x < width; x++) {
      const ridge = height * (hill1 + 0.08 * Math.sin((x / width) * freq + phase));
      let c: number[];
      if (x >= blockX && x < blockX + blockW && y > height - blockH - (height - ridge) * 0.3) c = [90, 90, 100];
      else if (y > ridge) c = land.map((v) => v * (0.8 + (0.2 * (y - ridge)) / height));
      else if ((x - sunX) ** 2 + (y - sunY) ** 2 < sunR * sunR) c = [250, 235, 180];
      else c = sky.map((v) => v * (0.85 + (0.15 * y) / height));
      raw[o++] = c[0] as number;
      raw[o++] = c[1] as number;
      raw[o++] = c[2] as number;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", new Uint8Array())]);
}
