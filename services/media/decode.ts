import "server-only";
import heicDecode from "heic-decode";
import sharp, { type Sharp } from "sharp";
import type { PhotoFormat } from "@/lib/media/formats";
import { MAX_PHOTO_PIXELS } from "@/lib/media/limits";

/*
 * Opening a photo's pixels with sharp. sharp's prebuilt libvips reads JPEG, PNG, WebP and AVIF
 * itself, but not HEVC-coded HEIC (patents keep that decoder out of it): heic-decode (libheif
 * compiled to WebAssembly) turns those into pixels first. libheif applies the file's own rotation,
 * so a HEIC comes out upright, as sharp's rotate() makes the others.
 */

/**
 * A sharp pipeline over the photo's pixels, refusing to decode more than MAX_PHOTO_PIXELS
 * (a decompression bomb) and failing on damaged data rather than showing half a picture.
 */
export async function openPhoto(bytes: Buffer, format: PhotoFormat): Promise<Sharp> {
  if (format === "heic") {
    const image = await heicDecode({ buffer: bytes });
    return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
      raw: { width: image.width, height: image.height, channels: 4 },
      limitInputPixels: MAX_PHOTO_PIXELS,
    });
  }
  return sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "error", sequentialRead: true });
}
