import "server-only";
import { createHash } from "node:crypto";
import sharp, { type Sharp } from "sharp";
import type { PhotoFormat } from "@/lib/media/formats";
import { RENDITION_FORMATS, RENDITION_WIDTHS, renditionWidths, type RenditionFormat } from "@/lib/media/limits";
import { mediaFileName } from "@/lib/media/urls";
import { openPhoto } from "./decode";

/*
 * The sizes readers get of a photo: each width of lib/media/limits.ts in AVIF, WebP and JPEG,
 * upright (the camera's orientation tag applied), in sRGB, and with no metadata at all: sharp
 * writes none unless told to (no keepMetadata/withMetadata here), so GPS position, camera serial
 * numbers and the photographer's software never reach a reader. The original is not touched.
 */

/**
 * Encoder settings, chosen on a 12-megapixel photo on this machine (bench/media.ts): AVIF at
 * effort 0 is 6× faster than the default effort 4 for files about as small; mozjpeg makes the
 * fallback JPEG smaller at little cost; WebP effort 2 costs half of the default 4.
 */
const ENCODE: { [F in RenditionFormat]: (pipeline: Sharp) => Sharp } = {
  avif: (p) => p.avif({ quality: 50, effort: 0, chromaSubsampling: "4:2:0" }),
  webp: (p) => p.webp({ quality: 72, effort: 2 }),
  // JPEG has no transparency: a PNG's transparent parts become white, as on paper.
  jpeg: (p) => p.flatten({ background: "#ffffff" }).jpeg({ quality: 78, mozjpeg: true, progressive: true }),
};

export type Rendition = { name: string; format: RenditionFormat; width: number; height: number; bytes: number; data: Buffer };

/**
 * Every size of a photo. The photo is decoded and turned upright once, at the largest width
 * needed; each size is made from that smaller copy.
 */
export async function makeRenditions(original: Buffer, format: PhotoFormat): Promise<Rendition[]> {
  const largest = RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1]!;
  const decoded = await (await openPhoto(original, format))
    .rotate()
    .resize({ width: largest, height: largest * 4, fit: "inside", withoutEnlargement: true })
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = decoded.info;
  const out: Rendition[] = [];
  for (const w of renditionWidths(width)) {
    for (const f of RENDITION_FORMATS) {
      const pipeline = sharp(decoded.data, { raw: { width, height, channels } }).resize({ width: w, withoutEnlargement: true });
      const { data, info } = await ENCODE[f](pipeline).toBuffer({ resolveWithObject: true });
      const hash = createHash("sha256").update(data).digest("hex");
      out.push({ name: mediaFileName(hash, f), format: f, width: info.width, height: info.height, bytes: data.length, data });
    }
  }
  return out;
}
