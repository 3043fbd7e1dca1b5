import { parseMonthParam } from "./calendar";
import { requireIsoDate, parseIsoDate } from "./dates";
import { normaliseQuery } from "./search";

/**
 * Public URL shapes. Every link the reader site prints goes through these, so
 * a route rename is one edit here plus the folder move.
 *
 *   /articles/123                 Chinese (or otherwise non-ASCII) headline
 *   /articles/123-river-festival  ASCII headline: id, then a slug
 *   /issues/2024-03-08            an issue
 *   /issues/2024-03-08/2          one printed page
 *   /sections/yaowen              a section
 *   /print/2024-03-08/2/medium-1a2b3c4d.webp   a printed page's image (the name carries its checksum)
 *   /print/2024-03-08/2/page.pdf  the printed page as a PDF (下载本版 PDF)
 */

export const FEED_PATH = "/feed.xml";
export const SITEMAP_PATH = "/sitemap.xml";
export const SEARCH_PATH = "/search";
export const ARCHIVE_PATH = "/issues";

const SLUG_MAX = 60;
/** 15 digits stay below Number.MAX_SAFE_INTEGER (16 digits). */
const ARTICLE_PARAM = /^([1-9]\d{0,14})(?:-([a-z0-9]+(?:-[a-z0-9]+)*))?$/i;

/** Where a reader who asked for a missing or withdrawn story can go on: the link and its label's key among the site's messages. */
export const WAYS_ON = [
  { href: "/", label: "home" },
  { href: ARCHIVE_PATH, label: "archive" },
  { href: SEARCH_PATH, label: "searchTitle" },
] as const;

/**
 * The reader's pages: home, articles, the archive, issues and their pages, sections and search.
 * Not feeds, robots or the sitemap (route handlers with their own Cache-Control).
 */
const SITE_PAGE_PATH = /^\/(?:|articles\/[^/]+\/?|issues(?:\/.*)?|sections(?:\/.*)?|search\/?)$/;

export function isSitePagePath(pathname: string): boolean {
  return SITE_PAGE_PATH.test(pathname);
}

/** A value the page reads only when given once: Next hands a repeated parameter over as an array, which the pages ignore. */
type QueryReader = (name: string) => string | null;

/** A list's page number as withPage writes it: absent for the first page. */
const listPage = (value: string | null) => {
  const page = parseListPageParam(value ?? undefined);
  return page > 1 ? String(page) : null;
};

/** A typed form value as the archive reads it (lib/public/calendar.ts): NFKC, trimmed; empty is absent. */
const formText = (value: string | null) => value?.normalize("NFKC").trim() || null;

/**
 * The query parameters each reader's page reads, in the order its own links write them, each in
 * the form the page would read it: the page renders the same for every value with that form.
 * Pages not listed read none.
 */
const PAGE_QUERIES: { path: RegExp; query: (get: QueryReader) => [string, string | null][] }[] = [
  {
    path: /^\/search\/?$/,
    query: (get) => {
      const q = normaliseQuery(get("q") ?? "");
      return q === "" ? [] : [["q", q], ["page", listPage(get("page"))]];
    },
  },
  { path: /^\/sections\/[^/]+\/?$/, query: (get) => [["page", listPage(get("page"))]] },
  {
    // The date form wins over the 期号 form when both are filled in (parseIssueLookup).
    path: /^\/issues\/?$/,
    query: (get) => {
      const date = formText(get("date"));
      const no = date === null ? formText(get("no")) : null;
      const month = get("month");
      return [
        ["date", date],
        ["no", no],
        ["year", no === null ? null : formText(get("year"))],
        ["month", parseMonthParam(month ?? undefined) ? month : null],
      ];
    },
  },
];

/**
 * The one address of what a reader's page request shows: the path as asked, with only the query
 * parameters that page reads, in a fixed order and encoding, without empty or ignored values.
 * `/articles/2?from=timeline` is `/articles/2`; `/search?page=1&q=%20荣昌` is `/search?q=荣昌`
 * (encoded). The public page cache keys pages by it and redirects every other spelling there,
 * so junk parameters can neither make Next render a page again nor fill the cache.
 */
export function canonicalSitePath(url: string): string {
  const { pathname, searchParams } = new URL(url, "http://folio.invalid");
  const get: QueryReader = (name) => {
    const all = searchParams.getAll(name);
    return all.length === 1 ? (all[0] as string) : null;
  };
  const rule = PAGE_QUERIES.find((r) => r.path.test(pathname));
  const kept = new URLSearchParams();
  for (const [name, value] of rule?.query(get) ?? []) if (value !== null) kept.append(name, value);
  const query = kept.toString();
  // The path as the request spelled it: Next decides what a path means (and redirects trailing slashes).
  const path = url.split(/[?#]/, 1)[0] as string;
  return query === "" ? path : `${path}?${query}`;
}

/**
 * A slug only when the whole headline survives in ASCII. Pinyin would need a
 * dictionary (and guesses wrong on 多音字), and a partial slug ("荣昌AI产业" ->
 * "ai") misleads, so any non-ASCII letter or digit means no slug: the id alone
 * is the address. Accents are dropped (Café -> cafe).
 */
export function articleSlug(title: string | null | undefined): string | null {
  if (title == null) return null;
  const folded = title.normalize("NFKD").replace(/\p{M}/gu, "");
  const alphanumerics = folded.replace(/[^\p{L}\p{N}]/gu, "");
  if (/[^\x00-\x7F]/.test(alphanumerics)) return null;
  const slug = folded
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug === "") return null;
  if (slug.length <= SLUG_MAX) return slug;
  const cut = slug.slice(0, SLUG_MAX + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut.slice(0, SLUG_MAX)).replace(/-+$/, "");
}

/** The `[param]` segment of an article URL: "123" or "123-some-slug". An explicit slug wins over the title. */
export function articleParam(a: { id: number; title: string | null; slug?: string | null }): string {
  if (!Number.isSafeInteger(a.id) || a.id < 1) throw new RangeError(`not an article id: ${a.id}`);
  const slug = a.slug != null && a.slug !== "" ? articleSlug(a.slug) : articleSlug(a.title);
  return slug === null ? String(a.id) : `${a.id}-${slug}`;
}

export function articlePath(a: { id: number; title: string | null; slug?: string | null }): string {
  return `/articles/${articleParam(a)}`;
}

/**
 * "123" and "123-any-slug" -> 123; anything else (leading zeros, signs, empty
 * slug, non-ASCII, "123abc") -> null so the page can 404. The slug is not
 * checked against the title: the page compares `param` with `articleParam(a)`
 * and redirects to the canonical form, so renamed headlines keep old links alive.
 */
export function parseArticleParam(param: string): number | null {
  const m = ARTICLE_PARAM.exec(param);
  return m ? Number(m[1]) : null;
}

export function issuePath(date: string): string {
  requireIsoDate(date);
  return `/issues/${date}`;
}

export function pagePath(date: string, page: number): string {
  requireIsoDate(date);
  if (!Number.isSafeInteger(page) || page < 1) throw new RangeError(`not a page number: ${page}`);
  return `/issues/${date}/${page}`;
}

const PRINT_IMAGE_FILE = /^(large|medium|thumb)-([0-9a-f]{8})\.webp$/;
export const PRINT_PDF_FILE = "page.pdf";

/** A printed page's image: its checksum is in the name, so the file at a name never changes. */
export function printImagePath(date: string, page: number, variant: "large" | "medium" | "thumb", sha256: string): string {
  return `${pagePath(date, page).replace(/^\/issues\//, "/print/")}/${variant}-${sha256.slice(0, 8)}.webp`;
}

export function printPdfPath(date: string, page: number): string {
  return `${pagePath(date, page).replace(/^\/issues\//, "/print/")}/${PRINT_PDF_FILE}`;
}

/** A `[file]` of /print/[date]/[page]/: an image (variant and checksum prefix) or the PDF; null otherwise. */
export function parsePrintFileParam(file: string): { kind: "image"; variant: "large" | "medium" | "thumb"; sha8: string } | { kind: "pdf" } | null {
  if (file === PRINT_PDF_FILE) return { kind: "pdf" };
  const m = PRINT_IMAGE_FILE.exec(file);
  return m ? { kind: "image", variant: m[1] as "large" | "medium" | "thumb", sha8: m[2] as string } : null;
}

export function sectionPath(slug: string): string {
  if (slug === "") throw new RangeError("empty section slug");
  return `/sections/${encodeURIComponent(slug)}`;
}

export function searchPath(q: string, page = 1): string {
  return withPage(q === "" ? SEARCH_PATH : `${SEARCH_PATH}?${new URLSearchParams({ q }).toString()}`, page);
}

/** The archive, optionally opened at a month ("2024-03"). */
export function archivePath(month?: string): string {
  if (month === undefined) return ARCHIVE_PATH;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`not a month: ${month}`);
  return `${ARCHIVE_PATH}?${new URLSearchParams({ month }).toString()}`;
}

/** Adds `page=N` to a list URL; page 1 is the bare URL, so each list has one address for its first page. */
export function withPage(path: string, page: number): string {
  if (!Number.isSafeInteger(page) || page < 1) throw new RangeError(`not a page number: ${page}`);
  if (page === 1) return path;
  return `${path}${path.includes("?") ? "&" : "?"}page=${page}`;
}

/** A `?page=` value -> 1, 2, …; anything else (absent, "0", "abc", an array) -> 1. */
export function parseListPageParam(param: string | string[] | undefined): number {
  return typeof param === "string" && /^[1-9]\d{0,5}$/.test(param) ? Number(param) : 1;
}

/** A `[date]` route param -> the date, or null for anything that is not a real calendar day. */
export function parseIssueDateParam(param: string): string | null {
  return parseIsoDate(param) ? param : null;
}

/** A `[page]` route param -> 1, 2, …; null for "0", "01", "1.5", "-1", "". */
export function parsePageParam(param: string): number | null {
  return /^[1-9]\d{0,3}$/.test(param) ? Number(param) : null;
}

/**
 * Joins the configured site URL and a path. Plain string joining rather than
 * `new URL(path, base)`, which would drop a sub-path deployment
 * (https://example.org/paper + /articles/1).
 */
export function absoluteUrl(base: string, path: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new RangeError(`not an absolute URL: ${JSON.stringify(base)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new RangeError(`not an http(s) URL: ${base}`);
  if (url.search !== "" || url.hash !== "") throw new RangeError(`site URL must not carry a query or fragment: ${base}`);
  const root = `${url.origin}${url.pathname}`.replace(/\/+$/, "");
  return `${root}${path.startsWith("/") ? path : `/${path}`}`;
}

/** A host header value we are willing to print into links: name or IPv4/IPv6 address, optional port. */
const SAFE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The site's base URL: the configured SITE_URL when set, otherwise the request's
 * own host (the first X-Forwarded-Host / X-Forwarded-Proto value when a proxy
 * sent one). A host that is not a plain name, address and port is not
 * trusted: the result falls back to http://localhost rather than printing an
 * attacker's string into canonical links. Production sites should set SITE_URL.
 */
export function siteUrlFromRequest(opts: {
  configured?: string | null;
  host: string | null;
  forwardedHost?: string | null;
  forwardedProto?: string | null;
}): string {
  if (opts.configured) return opts.configured.replace(/\/+$/, "");
  const first = (v: string | null | undefined) => v?.split(",")[0]?.trim() ?? "";
  const host = first(opts.forwardedHost) || first(opts.host);
  const proto = first(opts.forwardedProto).toLowerCase();
  if (!SAFE_HOST.test(host)) return "http://localhost";
  return `${proto === "https" ? "https" : "http"}://${host.toLowerCase()}`;
}

/**
 * siteUrlFromRequest over a request's headers: what the reader's pages, feeds and sitemap build
 * their links from, and so what the public page cache keys a page by.
 */
export function siteUrlFromHeaders(configured: string | null | undefined, header: (name: string) => string | null | undefined): string {
  return siteUrlFromRequest({ configured, host: header("host") ?? null, forwardedHost: header("x-forwarded-host"), forwardedProto: header("x-forwarded-proto") });
}
