import "server-only";
import exifReader from "exif-reader";
import sharp, { type Metadata } from "sharp";
import { isoBoxesComplete, isPhotoFormat, sniffFormat, type PhotoFormat } from "@/lib/media/formats";
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MIN_PHOTO_SIDE } from "@/lib/media/limits";
import { PhotoRefused } from "@/lib/media/refusals";

/*
 * The check of an upload before anything is stored: the file is a photo of a format Folio takes,
 * not too big in bytes or in pixels, and it decodes. Refusals are PhotoRefused with a code the desk
 * words. The header is read first, so a decompression bomb is refused before a pixel is decoded.
 */

export type InspectedPhoto = {
  format: PhotoFormat;
  /** Upright: after the camera's orientation tag. */
  width: number;
  height: number;
  /** When the camera says it was taken (DateTimeOriginal, in its offset, else Beijing time). */
  takenAt: Date | null;
};

/** EXIF orientations 5–8 turn the picture a quarter: width and height swap. */
const QUARTER_TURNS = new Set([5, 6, 7, 8]);

/** "+08:00" → minutes east of UTC, or null. */
function offsetMinutes(offset: unknown): number | null {
  const m = typeof offset === "string" ? /^([+-])(\d{2}):(\d{2})$/.exec(offset.trim()) : null;
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : null;
}

/**
 * The moment a photo was taken. Cameras write local time without a zone (exif-reader reads it
 * as if it were UTC); the zone is OffsetTimeOriginal when the camera wrote one, else Beijing's.
 */
export function takenAtOf(exif: Buffer | undefined): Date | null {
  if (!exif) return null;
  try {
    const tags = exifReader(exif);
    const naive = tags.Photo?.DateTimeOriginal;
    if (!(naive instanceof Date) || Number.isNaN(naive.getTime())) return null;
    const offset = offsetMinutes(tags.Photo?.OffsetTimeOriginal) ?? 8 * 60;
    const at = new Date(naive.getTime() - offset * 60_000);
    // A camera whose clock was never set says 1970 or 2000; a date in the future is as wrong.
    return at.getUTCFullYear() >= 1990 && at.getTime() <= Date.now() + 24 * 60 * 60_000 ? at : null;
  } catch {
    return null; // damaged EXIF says nothing about the picture itself
  }
}

export async function inspectPhoto(bytes: Buffer): Promise<InspectedPhoto> {
  if (bytes.length === 0) throw new PhotoRefused("empty");
  if (bytes.length > MAX_PHOTO_BYTES) throw new PhotoRefused("too_large");
  const sniffed = sniffFormat(bytes);
  if (sniffed === "svg") throw new PhotoRefused("svg");
  if (sniffed === null) throw new PhotoRefused("not_image");
  if (!isPhotoFormat(sniffed)) throw new PhotoRefused("unsupported", { format: sniffed.toUpperCase() });

  let meta: Metadata;
  try {
    // The header only; limitInputPixels: false so a bomb gets our own message, not sharp's.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new PhotoRefused("corrupt");
  }
  const { width, height } = meta;
  if (!width || !height) throw new PhotoRefused("corrupt");
  if (width * height > MAX_PHOTO_PIXELS) throw new PhotoRefused("too_many_pixels", { width, height });
  if (width < MIN_PHOTO_SIDE || height < MIN_PHOTO_SIDE) throw new PhotoRefused("too_small", { width, height });

  // A HEIC's picture is only decoded by the processing job (services/media/decode.ts); a file
  // cut short is refused now.
  if (sniffed === "heic" && !isoBoxesComplete(bytes)) throw new PhotoRefused("corrupt");
  if (sniffed !== "heic") {
    // Every pixel decoded once, small: a truncated or damaged file is refused now, not found out
    // later by the processing job. JPEG decodes at 1/8 scale here, so this is cheap.
    try {
      await sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "error" }).resize(64, 64, { fit: "inside" }).raw().toBuffer();
    } catch {
      throw new PhotoRefused("corrupt");
    }
  }
  const turned = QUARTER_TURNS.has(meta.orientation ?? 1);
  return { format: sniffed, width: turned ? height : width, height: turned ? width : height, takenAt: takenAtOf(meta.exif) };
}
