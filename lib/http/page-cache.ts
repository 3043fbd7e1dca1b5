import { isSitePagePath } from "../public/urls";

/*
 * The public page cache: the reader's pages as documents, rendered once by Next and then served
 * from memory until a write that could change any public page replaces the public generation
 * token (db/migrations/0006_public_generation.sql). Pure: scripts/serve.ts does the HTTP.
 */

/** A rendered public page, with its body compressed once for every encoding it is served in. */
export type CachedPage = {
  /** The public generation it was rendered under. */
  token: string;
  /** Headers of the page itself (type, caching, robots); the security headers are added per request. */
  headers: Record<string, string>;
  etag: string;
  bodies: { identity: Buffer; gzip: Buffer; br: Buffer };
};

/** The bodies only: a key is at most MAX_CACHED_URL_LENGTH, a small part of even a short page's three bodies. */
const pageBytes = (page: CachedPage) => page.bodies.identity.length + page.bodies.gzip.length + page.bodies.br.length;

/** Longer URLs (hostile search strings) are rendered but never kept. */
export const MAX_CACHED_URL_LENGTH = 2048;

/**
 * Least-recently-used entries up to a byte budget, each kept under the public generation it was
 * made under. An entry of another generation is never returned: every key goes stale at once
 * when anything public changes. The reader's pages are kept this way, and the photo files a
 * published story shows (lib/http/media-file-server.ts).
 */
export class GenerationCache<T extends { token: string }> {
  private readonly entries = new Map<string, T>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (entry: T) => number,
  ) {}

  get(key: string, token: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.token !== token) {
      this.bytes -= this.sizeOf(entry);
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: T): void {
    const size = this.sizeOf(entry);
    // One outsized entry must not push out everything else.
    if (size > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= this.sizeOf(old);
    }
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [oldest, evicted] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= this.sizeOf(evicted);
    }
  }

  get stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

/** The reader's rendered pages. */
export class PageCache extends GenerationCache<CachedPage> {
  constructor(maxBytes: number) {
    super(maxBytes, pageBytes);
  }
}

/** Request headers with which Next answers something other than the page's HTML (its client router's requests). */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];

type RequestHead = { url: string; header: (name: string) => string | undefined };

/** Whether Next's client router (or a server action) sent the request: it wants an RSC payload, not a document. */
export function isRouterRequest({ url, header }: RequestHead): boolean {
  return new URL(url, "http://folio.invalid").searchParams.has("_rsc") || ROUTER_HEADERS.some((name) => header(name) !== undefined);
}

/** Whether a request asks for a public page as a document, the only thing the cache holds. */
export function isCacheableRequest({ method, url, header }: RequestHead & { method: string | undefined }): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (url.length > MAX_CACHED_URL_LENGTH) return false;
  if (!isSitePagePath(new URL(url, "http://folio.invalid").pathname)) return false;
  return !isRouterRequest({ url, header });
}

/** The newsroom's side (a session or the way to one) and Next's build output: never rendered for the public. */
const NOT_PUBLIC = /^\/(?:desk|login|api|_next)(?:\/|$)/;

/**
 * Whether Next renders this request for anyone who asks, without a session: the reader's pages,
 * feeds, the sitemap, robots.txt and any unknown path (its 404 page). These are what a stranger
 * can make the server render as fast as they like, so they wait for the render gate (render-gate.ts).
 * The desk and sign-in are not held back by it: editors keep working while the public site is busy.
 */
export function isPublicRender(method: string | undefined, pathname: string): boolean {
  return (method === "GET" || method === "HEAD") && !NOT_PUBLIC.test(pathname);
}

/**
 * What a public page's HTML depends on besides its URL and the database: the reader's interface
 * language (a cookie) and, without SITE_URL, the host its absolute links are built from.
 */
export function pageCacheKey({ siteUrl, locale, url }: { siteUrl: string; locale: string; url: string }): string {
  return `${siteUrl}\n${locale}\n${url}`;
}

/** Only a complete HTML page that sets no cookie is the same for the next reader. */
export function isStorableResponse({ status, header }: { status: number; header: (name: string) => string | undefined }): boolean {
  return status === 200 && (header("content-type") ?? "").startsWith("text/html") && header("set-cookie") === undefined;
}

/**
 * Whether the HTML still waits for React's scripts: content streamed after the shell sits hidden
 * until an inline script moves it into place (a Suspense boundary that was not ready). Such a
 * page cannot be served without scripts, so it is sent as Next made it and not kept. Folio's
 * reader pages have no such boundary, and next.config.ts keeps metadata out of one.
 */
export function needsClientRuntime(html: string): boolean {
  return html.includes('<template id="B:') || html.includes('<div hidden id="S:');
}

const TAG = /<[a-zA-Z][^>]*>/g;
const NONCE = /\snonce="[^"]*"/;
const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/gi;
const DATA_BLOCK = /\btype="application\/ld\+json"/i;
const SCRIPT_PRELOAD = /<link\b[^>]*\b(?:rel="modulepreload"|as="script")[^>]*>/gi;

/**
 * A public page as a plain document: without Next's client runtime (its chunks, their preloads and
 * the inline copy of the page for client navigation) and without nonces. Public pages have no
 * client component of ours, and every link is a plain one, so that runtime would only download
 * about 130 KB of JavaScript that changes nothing a reader sees. JSON-LD stays: it is data.
 * React escapes `<` in text and Next escapes `</script` inside its scripts, so a script element
 * always ends at the first `</script>`.
 */
export function publicDocument(html: string): string {
  return html
    .replace(SCRIPT, (script, attributes: string) => (DATA_BLOCK.test(attributes) ? script : ""))
    .replace(SCRIPT_PRELOAD, "")
    .replace(TAG, (tag) => tag.replace(NONCE, ""));
}
