/*
 * The limits and sizes of photos, in one place: the upload route, the processing job, the
 * reader's <picture> markup and the tests all read them from here.
 */

const MiB = 1024 * 1024;

/** The largest photo file taken (a 50-megapixel JPEG straight from a camera is about 20 MB). */
export const MAX_PHOTO_BYTES = 25 * MiB;

/**
 * The most pixels a photo may declare. A decompression bomb is a small file whose header
 * announces a huge image (a 20,000 × 20,000 PNG of one colour is a few hundred KB); sharp
 * refuses to decode past this (limitInputPixels), and the upload is refused from the header
 * before any pixel is decoded. 100 MP takes medium-format cameras and stitched panoramas.
 */
export const MAX_PHOTO_PIXELS = 100_000_000;

/** A photo smaller than this on both sides is an icon or a mistake, not a news photo. */
export const MIN_PHOTO_SIDE = 16;

/** Widths made of every photo (never wider than the photo itself): phones, tablets and laptops, and 2x screens. */
export const RENDITION_WIDTHS = [480, 960, 1600] as const;

/** Formats made of every width, best first: AVIF and WebP for today's browsers, JPEG for the rest (and feeds). */
export const RENDITION_FORMATS = ["avif", "webp", "jpeg"] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];

export const RENDITION_MIME_TYPES: Readonly<Record<RenditionFormat, string>> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" };
export const RENDITION_EXTENSIONS: Readonly<Record<RenditionFormat, string>> = { avif: "avif", webp: "webp", jpeg: "jpg" };

/** Uploads sent at once from one page: more only queue behind the processing job anyway. */
export const PARALLEL_UPLOADS = 2;

/** Caption, credit and alt text lengths (characters). */
export const PHOTO_TEXT_LIMITS = { caption: 1000, credit: 200, alt: 500, fileName: 255 } as const;

/**
 * The widths to make of a photo `width` pixels wide: each standard width it covers, and the
 * photo's own width when it is narrower than the next one (a 700-pixel photo gets 480 and 700),
 * so nothing is ever enlarged and the largest size is as sharp as the photo allows.
 */
export function renditionWidths(width: number): number[] {
  const widths: number[] = RENDITION_WIDTHS.filter((w) => w <= width);
  const largest = RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1]!;
  if (width < largest && !widths.includes(width)) widths.push(width);
  return widths;
}
