/**
 * Cache-Control for the public site. A publish or unpublish shows on the very
 * next request, so nothing may be reused without asking the server again; the
 * server keeps rendered pages in memory only until something public changes
 * (lib/http/public-page-server.ts), and a page the reader has answers 304.
 *
 * - page: HTML follows the reader's interface-language cookie, so shared caches
 *   must not keep it (private); the browser may keep it for back/forward but
 *   must revalidate (no-cache).
 * - feed: XML is the same for everyone; caches may store it but must revalidate
 *   every time, and the ETag makes that revalidation a cheap 304.
 * - robots: does not change with publishing.
 */
export const PUBLIC_CACHE_CONTROL = {
  page: "private, no-cache",
  feed: "public, no-cache",
  robots: "public, max-age=3600",
  // A printed page's image is named by its checksum: the bytes at that name never change.
  printImage: "public, max-age=31536000, immutable",
  // The page's PDF follows the page's print import; revalidated like the feed, with an ETag.
  printPdf: "public, no-cache",
} as const;
