import { deflateSync } from "node:zlib";
import sharp from "sharp";

/*
 * Photos drawn by code, the same bytes every time: the demo issue's pictures, and the files the
 * tests and benchmarks upload (a JPEG carrying GPS tags, a sideways phone photo, a decompression
 * bomb, a damaged file). No photo is committed to the repository and none is fetched.
 */

/**
 * A small deterministic random sequence (a linear congruential generator) from a seed, mixed
 * first (MurmurHash3's finaliser) so that neighbouring seeds draw different pictures.
 */
function randomFrom(seed: number): () => number {
  let s = seed >>> 0;
  s = Math.imul(s ^ (s >>> 16), 0x85ebca6b);
  s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35);
  s = (s ^ (s >>> 16)) >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const hsl = (h: number, s: number, l: number) => `hsl(${Math.round(h)} ${Math.round(s)}% ${Math.round(l)}%)`;

/**
 * A landscape as an SVG: sky, sun, hills in layers, fields and a row of houses, its colours and
 * shapes chosen by `seed`. Rendered by sharp (librsvg), so no font or file is needed.
 */
export function sceneSvg({ seed, width, height }: { seed: number; width: number; height: number }): string {
  const rand = randomFrom(seed);
  const hue = rand() * 360;
  const skyTop = hsl(hue + 200, 60, 45 + rand() * 20);
  const skyBottom = hsl(hue + 30, 70, 80);
  const sun = { x: width * (0.15 + rand() * 0.7), y: height * (0.12 + rand() * 0.2), r: Math.min(width, height) * (0.05 + rand() * 0.05) };
  const layers: string[] = [];
  for (let layer = 0; layer < 5; layer++) {
    const base = height * (0.45 + layer * 0.1);
    const amplitude = height * (0.08 - layer * 0.01);
    const waves = 2 + Math.floor(rand() * 4);
    const phase = rand() * Math.PI * 2;
    const points: string[] = [`0,${height}`];
    for (let i = 0; i <= 64; i++) {
      const x = (width * i) / 64;
      const y = base - amplitude * Math.sin((i / 64) * Math.PI * waves + phase) - amplitude * 0.4 * Math.sin((i / 64) * Math.PI * waves * 3.1 + phase * 2);
      points.push(`${x.toFixed(1)},${y.toFixed(1)}`);
    }
    points.push(`${width},${height}`);
    layers.push(`<polygon points="${points.join(" ")}" fill="${hsl(hue + 90 + layer * 12, 35 + layer * 6, 45 - layer * 6)}"/>`);
  }
  const houses: string[] = [];
  const ground = height * 0.82;
  for (let i = 0; i < 7; i++) {
    const w = width * (0.05 + rand() * 0.05);
    const h = height * (0.06 + rand() * 0.06);
    const x = width * (0.05 + i * 0.13 + rand() * 0.03);
    houses.push(
      `<rect x="${x.toFixed(1)}" y="${(ground - h).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${hsl(hue + rand() * 60, 20, 85)}"/>`,
      `<polygon points="${(x - w * 0.1).toFixed(1)},${(ground - h).toFixed(1)} ${(x + w / 2).toFixed(1)},${(ground - h * 1.6).toFixed(1)} ${(x + w * 1.1).toFixed(1)},${(ground - h).toFixed(1)}" fill="${hsl(10 + rand() * 20, 45, 35)}"/>`,
      `<rect x="${(x + w * 0.35).toFixed(1)}" y="${(ground - h * 0.45).toFixed(1)}" width="${(w * 0.3).toFixed(1)}" height="${(h * 0.45).toFixed(1)}" fill="${hsl(30, 30, 25)}"/>`,
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${skyTop}"/><stop offset="1" stop-color="${skyBottom}"/></linearGradient>`,
    `<radialGradient id="sun"><stop offset="0" stop-color="#fff8d0"/><stop offset="0.6" stop-color="#ffd36b"/><stop offset="1" stop-color="#ffd36b" stop-opacity="0"/></radialGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>`,
    `<circle cx="${sun.x.toFixed(1)}" cy="${sun.y.toFixed(1)}" r="${(sun.r * 2).toFixed(1)}" fill="url(#sun)"/>`,
    ...layers,
    `<rect x="0" y="${ground.toFixed(1)}" width="${width}" height="${(height - ground).toFixed(1)}" fill="${hsl(hue + 80, 40, 32)}"/>`,
    ...houses,
    `</svg>`,
  ].join("");
}

/**
 * Film grain over a picture, as a camera's sensor adds it: real photos are never flat colour, and
 * encoders (AVIF above all) take much longer on detail, so benchmarks need it.
 */
async function withGrain(picture: Buffer, width: number, height: number, seed: number, strength: number): Promise<Buffer> {
  const rand = randomFrom(seed ^ 0x9e3779b9);
  // Grain at a quarter of the resolution, scaled up smoothly: fine detail without pure noise.
  const gw = Math.max(1, Math.ceil(width / 4));
  const gh = Math.max(1, Math.ceil(height / 4));
  const grain = Buffer.alloc(gw * gh);
  for (let i = 0; i < grain.length; i++) grain[i] = 128 + Math.round((rand() - 0.5) * 2 * strength);
  const layer = await sharp(grain, { raw: { width: gw, height: gh, channels: 1 } }).resize(width, height, { kernel: "cubic" }).toColourspace("srgb").png().toBuffer();
  return sharp(picture).composite([{ input: layer, blend: "overlay" }]).toBuffer();
}

export type GeneratedPhotoOptions = {
  seed?: number;
  width?: number;
  height?: number;
  /** Sensor-like grain, 0 (flat) to about 60. */
  grain?: number;
  format?: "jpeg" | "png" | "webp" | "avif";
  quality?: number;
  /** EXIF to carry, as a camera writes it: position, orientation, time taken, make. */
  exif?: { gps?: { latitude: number; longitude: number }; orientation?: number; takenAt?: string; make?: string };
};

/** "29.41" → "29/1 24/1 3600/100", the rational degrees, minutes and seconds EXIF stores. */
function rationalDegrees(value: number): string {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutes = Math.floor((abs - degrees) * 60);
  const seconds = Math.round(((abs - degrees) * 60 - minutes) * 60 * 100);
  return `${degrees}/1 ${minutes}/1 ${seconds}/100`;
}

/** A photo drawn from `seed`, in the given format, optionally carrying camera metadata. */
export async function generatedPhoto({ seed = 1, width = 1200, height = 800, grain = 24, format = "jpeg", quality = 88, exif }: GeneratedPhotoOptions = {}): Promise<Buffer> {
  let picture: Buffer = await sharp(Buffer.from(sceneSvg({ seed, width, height }))).png().toBuffer();
  if (grain > 0) picture = await withGrain(picture, width, height, seed, grain);
  let pipeline = sharp(picture);
  if (exif) {
    pipeline = pipeline.withExif({
      IFD0: { Make: exif.make ?? "Folio Test Camera", Model: "FT-1" },
      ...(exif.takenAt ? { IFD2: { DateTimeOriginal: exif.takenAt } } : {}),
      ...(exif.gps
        ? {
            IFD3: {
              GPSLatitudeRef: exif.gps.latitude >= 0 ? "N" : "S",
              GPSLatitude: rationalDegrees(exif.gps.latitude),
              GPSLongitudeRef: exif.gps.longitude >= 0 ? "E" : "W",
              GPSLongitude: rationalDegrees(exif.gps.longitude),
            },
          }
        : {}),
    });
    if (exif.orientation) pipeline = pipeline.withMetadata({ orientation: exif.orientation });
  }
  if (format === "png") return pipeline.png().toBuffer();
  if (format === "webp") return pipeline.webp({ quality }).toBuffer();
  if (format === "avif") return pipeline.avif({ quality: 60, effort: 0 }).toBuffer();
  return pipeline.jpeg({ quality }).toBuffer();
}

/* ---------- hostile files ---------- */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a PNG whose header announces `side` × `side` pixels (20,000² would take
 * 1.2 GB decoded) in a file of a few KB. Only the first rows are written: a decoder that trusts
 * the header has committed its memory long before it finds out, and Folio refuses it from the
 * header alone, so no test needs the other 400 million pixels.
 */
export function decompressionBombPng(side = 20_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  // Each row: filter byte 0, then three zero bytes a pixel; deflate squeezes them a thousandfold.
  const firstRows = Buffer.alloc((1 + side * 3) * 16);
  return Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), pngChunk("IHDR", header), pngChunk("IDAT", deflateSync(firstRows, { level: 9 })), pngChunk("IEND", Buffer.alloc(0))]);
}

/** A JPEG cut off halfway, as a failed transfer leaves it: the header reads, the picture does not. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await generatedPhoto({ seed: 404, width: 800, height: 600 });
  return whole.subarray(0, Math.floor(whole.length / 2));
}
