import { RENDITION_EXTENSIONS, type RenditionFormat } from "./limits";

/*
 * The addresses of photo files. A file readers get is named by its own content (the first 32
 * hex digits of its SHA-256), so its address never changes meaning and may be cached for a year;
 * whether a reader may have it is still decided on every request (services/media/serve.ts).
 */

const EXTENSIONS = Object.values(RENDITION_EXTENSIONS).join("|");

/** A media file's name: 32 lower-case hex digits and the extension of its format. */
export const MEDIA_FILE_NAME = new RegExp(`^[0-9a-f]{32}\\.(?:${EXTENSIONS})$`);

/** A site-relative media file address, as the reader's pages print it. */
export const MEDIA_FILE_URL = new RegExp(`^/media/[0-9a-f]{32}\\.(?:${EXTENSIONS})$`);

export function mediaFileName(hash: string, format: RenditionFormat): string {
  return `${hash.slice(0, 32)}.${RENDITION_EXTENSIONS[format]}`;
}

export function mediaFileUrl(name: string): string {
  return `/media/${name}`;
}

export function isMediaFileName(name: string): boolean {
  return MEDIA_FILE_NAME.test(name);
}

/** How photo files may be kept by browsers (services/media/serve.ts, lib/http/media-file-server.ts). */
export const MEDIA_CACHE_CONTROL = {
  /** Content-addressed: never changes, kept a year by the browser that fetched it. */
  file: "private, max-age=31536000, immutable",
  /** The desk's views of a photo by id: its files never change, but its status may. */
  desk: "private, max-age=3600",
  refused: "no-store",
} as const;
