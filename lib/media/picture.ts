import { RENDITION_FORMATS, RENDITION_MIME_TYPES, type RenditionFormat } from "./limits";

/*
 * How a photo is shown: which of its sizes a browser may pick (srcset/sizes per format), the
 * fallback, the box it reserves (width/height, so nothing moves when it arrives), how early it
 * loads, and where a crop keeps its subject (the focal point). Pure data; the HTML is written by
 * lib/article-body's renderer, the one place that writes public markup.
 */

export type PhotoRendition = { format: RenditionFormat; width: number; height: number; bytes: number; url: string };

/** A ready photo as the reader's pages show it. */
export type PublicPhoto = {
  id: number;
  alt: string;
  credit: string | null;
  /** The photo's own size, upright. */
  width: number;
  height: number;
  /** Where the subject is, 0..1 from the left and from the top: crops keep it in view. */
  focalX: number;
  focalY: number;
  renditions: readonly PhotoRendition[];
};

/** Where the photo is shown, as a `sizes` value: the widths of its box at each breakpoint. */
export const PHOTO_SIZES = {
  /** An article's photos: the text column (48rem) or the whole phone screen. */
  article: "(min-width: 48rem) 48rem, 100vw",
  /** The lead story of a printed page: the page's main column. */
  pageLead: "(min-width: 64rem) 40rem, (min-width: 48rem) 60vw, 100vw",
  /** A thumbnail beside a headline in a list. */
  thumbnail: "(min-width: 40rem) 10rem, 7rem",
} as const;

export type PictureOptions = {
  sizes: string;
  /** Above the fold (an article's lead photo): fetched at once and first. Otherwise lazy. */
  eager?: boolean;
  /** Shown cropped to a box (lists): the crop is centred on the focal point. */
  crop?: boolean;
};

export type PicturePlan = {
  /** Best format first; the browser takes the first it can decode. */
  sources: { type: string; srcset: string }[];
  img: {
    src: string;
    srcset: string;
    sizes: string;
    width: number;
    height: number;
    alt: string;
    loading: "eager" | "lazy";
    decoding: "async";
    fetchPriority?: "high";
    /** object-position for a crop. */
    objectPosition?: string;
  };
};

/** The width the fallback `src` aims at: what a browser without srcset support gets. */
const FALLBACK_WIDTH = 960;

function byWidth(renditions: readonly PhotoRendition[], format: RenditionFormat): PhotoRendition[] {
  return renditions.filter((r) => r.format === format).sort((a, b) => a.width - b.width);
}

const srcsetOf = (list: readonly PhotoRendition[]) => list.map((r) => `${r.url} ${r.width}w`).join(", ");

/** "37% 20%": a focal point as CSS object-position. */
export function objectPosition(focalX: number, focalY: number): string {
  const percent = (v: number) => `${Math.round(Math.min(1, Math.max(0, v)) * 100)}%`;
  return `${percent(focalX)} ${percent(focalY)}`;
}

/** The markup plan of a photo, or null when it has no JPEG to fall back on (not processed yet). */
export function planPicture(photo: PublicPhoto, { sizes, eager = false, crop = false }: PictureOptions): PicturePlan | null {
  const jpeg = byWidth(photo.renditions, "jpeg");
  if (jpeg.length === 0) return null;
  const fallback = jpeg.reduce((best, r) => (Math.abs(r.width - FALLBACK_WIDTH) < Math.abs(best.width - FALLBACK_WIDTH) ? r : best));
  const sources = RENDITION_FORMATS.filter((f) => f !== "jpeg")
    .map((format) => ({ type: RENDITION_MIME_TYPES[format], list: byWidth(photo.renditions, format) }))
    .filter((s) => s.list.length > 0)
    .map((s) => ({ type: s.type, srcset: srcsetOf(s.list) }));
  return {
    sources,
    img: {
      src: fallback.url,
      srcset: srcsetOf(jpeg),
      sizes,
      // The fallback's own size: every rendition has the photo's proportions, so the box is right whichever is picked.
      width: fallback.width,
      height: fallback.height,
      alt: photo.alt,
      loading: eager ? "eager" : "lazy",
      decoding: "async",
      ...(eager ? { fetchPriority: "high" as const } : {}),
      ...(crop ? { objectPosition: objectPosition(photo.focalX, photo.focalY) } : {}),
    },
  };
}

/** One image file of a photo, site-relative, as link previews, feeds and structured data name it. */
export type ShareImage = { url: string; width: number; height: number; bytes: number; type: string; alt: string };

/** The image for link previews, feeds and structured data: the largest JPEG (every reader and crawler takes JPEG). */
export function shareImage(photo: PublicPhoto): ShareImage | null {
  const jpeg = byWidth(photo.renditions, "jpeg");
  const largest = jpeg[jpeg.length - 1];
  return largest ? { url: largest.url, width: largest.width, height: largest.height, bytes: largest.bytes, type: RENDITION_MIME_TYPES.jpeg, alt: photo.alt } : null;
}
