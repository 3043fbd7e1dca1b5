import { toRfc822, toW3cDateTime } from "./dates";
import { displayTitle, excerpt } from "./text";
import type { PublicArticle, PublicLanguage } from "./types";
import { FEED_PATH, SITEMAP_PATH, absoluteUrl, articlePath, issuePath, pagePath, sectionPath } from "./urls";
import { escapeXml, xmlElement } from "./xml";

const FEED_EXCERPT_CHARS = 200;
/** Google News reads at most 1,000 news:news entries per sitemap. */
const NEWS_ENTRIES_MAX = 1000;
const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** RSS <language> values are lower-case (zh-cn); Google News wants the same for Simplified Chinese. */
function feedLanguage(language: PublicLanguage): string {
  return language.toLowerCase();
}

function newest(dates: Date[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (best === null || d.getTime() > best.getTime()) best = d;
  return best;
}

export type RssOptions = {
  siteUrl: string;
  title: string;
  description: string;
  language: PublicLanguage;
  /** Rendered as given: the caller picks order (newest first) and count. */
  articles: readonly PublicArticle[];
  /** Where this feed is served, for atom:link rel="self". */
  selfPath?: string;
};

/**
 * RSS 2.0. The guid is the id-only article URL (/articles/123), which the
 * article page redirects to its canonical form: it stays the same when an
 * English headline (and with it the slug) is edited, so readers do not show
 * the item twice. lastBuildDate is the newest article change, not the clock,
 * so the same articles give the same bytes (cache- and test-friendly).
 */
export function renderRss(opts: RssOptions): string {
  const url = (path: string) => absoluteUrl(opts.siteUrl, path);
  const lastBuild = newest(opts.articles.flatMap((a) => [a.publishedAt, a.updatedAt]));
  const items = opts.articles.map((a) => {
    const lines = [
      xmlElement("title", displayTitle(a)),
      xmlElement("link", url(articlePath(a))),
      xmlElement("guid", url(`/articles/${a.id}`), { isPermaLink: "true" }),
      xmlElement("pubDate", toRfc822(a.publishedAt)),
      xmlElement("description", excerpt(a.bodyText, FEED_EXCERPT_CHARS)),
    ];
    // RSS <author> must be an e-mail address; dc:creator takes names.
    if (a.reporters.length > 0) lines.push(xmlElement("dc:creator", a.reporters.join("、")));
    if (a.sectionName) lines.push(xmlElement("category", a.sectionName));
    // The lead photo, as feed readers show a story's picture.
    if (a.image) lines.push(`<enclosure url="${escapeXml(url(a.image.url))}" length="${a.image.bytes}" type="${escapeXml(a.image.type)}"/>`);
    return `<item>\n${lines.map((l) => `  ${l}`).join("\n")}\n</item>`;
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    `<channel>`,
    xmlElement("title", opts.title),
    xmlElement("link", url("/")),
    xmlElement("description", opts.description),
    xmlElement("language", feedLanguage(opts.language)),
    ...(lastBuild ? [xmlElement("lastBuildDate", toRfc822(lastBuild))] : []),
    `<atom:link href="${escapeXml(url(opts.selfPath ?? FEED_PATH))}" rel="self" type="application/rss+xml"/>`,
    ...items,
    `</channel>`,
    `</rss>`,
    ``,
  ].join("\n");
}

export type SitemapOptions = {
  siteUrl: string;
  issues: readonly { date: string; pages: readonly number[]; lastModified: Date }[];
  articles: readonly PublicArticle[];
  sections: readonly { slug: string; lastModified: Date }[];
  /** As registered with Google News (荣昌报). */
  publicationName: string;
  /** The publication's language: Google identifies a news publication by name + language, so one paper has one. */
  language: PublicLanguage;
  /** When given, news fields are also limited to articles published in the 2 days before it. */
  now?: Date;
};

/**
 * One <url> for the home page, each issue and each of its pages, each section
 * and each article, in the order given. Articles of the latest issue (the
 * newest issueDate among `articles`) get Google News fields: for a print
 * paper the latest issue is what is news, and no clock is needed, so output
 * is deterministic. Google ignores news entries older than 2 days anyway; pass
 * `now` to leave those out. At most 1,000 news entries. A sitemap holds at most
 * 50,000 URLs; a county paper needs decades to get there, so no index file yet.
 */
export function renderSitemap(opts: SitemapOptions): string {
  const url = (path: string) => absoluteUrl(opts.siteUrl, path);
  const entry = (loc: string, lastModified: Date | null, extra: string[] = []) =>
    [
      `<url>`,
      `  ${xmlElement("loc", loc)}`,
      ...(lastModified ? [`  ${xmlElement("lastmod", toW3cDateTime(lastModified))}`] : []),
      ...extra.map((l) => `  ${l}`),
      `</url>`,
    ].join("\n");

  const latestIssue = opts.articles.reduce<string | null>((max, a) => (max === null || a.issueDate > max ? a.issueDate : max), null);
  const cutoff = opts.now ? opts.now.getTime() - NEWS_WINDOW_MS : null;
  let newsCount = 0;
  const isNews = (a: PublicArticle) => {
    if (a.issueDate !== latestIssue) return false;
    if (cutoff !== null && a.publishedAt.getTime() < cutoff) return false;
    if (newsCount >= NEWS_ENTRIES_MAX) return false;
    newsCount++;
    return true;
  };

  const lastChange = newest([
    ...opts.issues.map((i) => i.lastModified),
    ...opts.articles.map((a) => a.updatedAt),
    ...opts.sections.map((s) => s.lastModified),
  ]);
  const urls: string[] = [entry(url("/"), lastChange)];
  for (const issue of opts.issues) {
    urls.push(entry(url(issuePath(issue.date)), issue.lastModified));
    for (const page of issue.pages) urls.push(entry(url(pagePath(issue.date, page)), issue.lastModified));
  }
  for (const section of opts.sections) urls.push(entry(url(sectionPath(section.slug)), section.lastModified));
  for (const a of opts.articles) {
    const news = isNews(a)
      ? [
          `<news:news>`,
          `  <news:publication>`,
          `    ${xmlElement("news:name", opts.publicationName)}`,
          `    ${xmlElement("news:language", feedLanguage(opts.language))}`,
          `  </news:publication>`,
          `  ${xmlElement("news:publication_date", toW3cDateTime(a.publishedAt))}`,
          `  ${xmlElement("news:title", displayTitle(a))}`,
          `</news:news>`,
        ]
      : [];
    urls.push(entry(url(articlePath(a)), a.updatedAt, news));
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`,
    ...urls,
    `</urlset>`,
    ``,
  ].join("\n");
}

/** Everything is public except the newsroom and the API; the feed is served outside /api for that reason. */
export function renderRobots(siteUrl: string, opts: { sitemapPath?: string } = {}): string {
  const base = new URL(absoluteUrl(siteUrl, "/")).pathname.replace(/\/$/, "");
  return [
    "User-agent: *",
    `Allow: ${base}/`,
    `Disallow: ${base}/desk`,
    `Disallow: ${base}/api`,
    "",
    `Sitemap: ${absoluteUrl(siteUrl, opts.sitemapPath ?? SITEMAP_PATH)}`,
    "",
  ].join("\n");
}
