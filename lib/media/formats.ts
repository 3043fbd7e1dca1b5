/*
 * What an uploaded file is, read from its first bytes rather than from its name or the type the
 * browser claimed: a renamed SVG or HTML page must not pass as a photo.
 */

/** The photo formats Folio takes, as uploaded (the archive keeps them as they are). */
export const PHOTO_FORMATS = ["jpeg", "png", "webp", "heic", "avif"] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

/** What a file may turn out to be: a photo format, or something refused with its own message. */
export type SniffedFormat = PhotoFormat | "svg" | "gif" | "tiff" | "bmp" | "pdf";

export const PHOTO_MIME_TYPES: Readonly<Record<PhotoFormat, string>> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  heic: "image/heic",
  avif: "image/avif",
};

export const PHOTO_EXTENSIONS: Readonly<Record<PhotoFormat, string>> = { jpeg: "jpg", png: "png", webp: "webp", heic: "heic", avif: "avif" };

/** The `accept` attribute of the file chooser: types and extensions, since browsers often know HEIC by name only. */
export const PHOTO_ACCEPT = [...Object.values(PHOTO_MIME_TYPES), ".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".avif"].join(",");

export function isPhotoFormat(format: string | null): format is PhotoFormat {
  return (PHOTO_FORMATS as readonly (string | null)[]).includes(format);
}

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** HEIF brands: AV1-coded (AVIF) and HEVC-coded (HEIC, as phones write them); mif1/msf1 are the generic containers. */
const AVIF_BRANDS = new Set(["avif", "avis"]);
const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs"]);

/** The ISO base media file's brands (major, then compatible) from its ftyp box, or null. */
function heifBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return null;
  const size = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(bytes.length, Math.max(16, size));
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

/**
 * Whether an ISO base media file (HEIC, AVIF) is whole: its top-level boxes (ftyp, meta, mdat …)
 * follow one another to exactly the end of the file, the last possibly "to the end" (size 0).
 * A HEIC cannot be decoded cheaply at upload (HEVC, in WebAssembly, takes a second or more), so
 * this is how a file cut short in transfer is refused then rather than failed by the processing
 * job. Damage inside the coded picture is still only found by decoding it.
 */
export function isoBoxesComplete(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) return false;
    let size = view.getUint32(at);
    if (size === 0) return true; // the last box runs to the end of the file
    if (size === 1) {
      if (at + 16 > bytes.length) return false;
      size = Number(view.getBigUint64(at + 8));
      if (size < 16) return false;
    } else if (size < 8) return false;
    at += size;
  }
  return at === bytes.length;
}

/**
 * The format of a file by its signature, or null for anything else (text, an archive, garbage).
 * SVG is recognised in order to refuse it by name: it is XML that can carry scripts.
 */
export function sniffFormat(bytes: Uint8Array): SniffedFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  const brands = heifBrands(bytes);
  if (brands) {
    if (brands.some((b) => AVIF_BRANDS.has(b))) return "avif";
    if (brands.some((b) => HEIC_BRANDS.has(b)) || brands[0] === "mif1" || brands[0] === "msf1") return "heic";
    return null; // an MP4 video or another ISO file
  }
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a")) return "gif";
  if (bytes.length >= 4 && (ascii(bytes, 0, 4) === "II*\0" || ascii(bytes, 0, 4) === "MM\0*")) return "tiff";
  if (bytes.length >= 2 && ascii(bytes, 0, 2) === "BM") return "bmp";
  if (bytes.length >= 5 && ascii(bytes, 0, 5) === "%PDF-") return "pdf";
  if (looksLikeSvg(bytes)) return "svg";
  return null;
}

/** An SVG: XML text (any encoding declaration, comments or doctype first) whose first element is <svg>. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, "")
    .replace(/<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, "")
    .trimStart();
  return /^<svg[\s>:]/i.test(head);
}
