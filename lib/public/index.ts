export type { PublicArticle, PublicIssue, PublicLanguage, PublicPageRef } from "./types";
export { isIsoDate, isoDateInZone, parseIsoDate, toRfc822, toW3cDateTime } from "./dates";
export { collapseWhitespace, displayTitle, excerpt, truncateText } from "./text";
export {
  ARCHIVE_PATH,
  FEED_PATH,
  WAYS_ON,
  SEARCH_PATH,
  SITEMAP_PATH,
  absoluteUrl,
  archivePath,
  articleParam,
  articlePath,
  articleSlug,
  canonicalSitePath,
  isSitePagePath,
  issuePath,
  pagePath,
  parseArticleParam,
  parseIssueDateParam,
  parseListPageParam,
  parsePageParam,
  parsePrintFileParam,
  printImagePath,
  printPdfPath,
  searchPath,
  sectionPath,
  siteUrlFromHeaders,
  siteUrlFromRequest,
  withPage,
} from "./urls";
export { chineseLunarDate, editionLabel, formatIssueDate, mastheadLine, weekdayOf } from "./masthead";
export type { MastheadPiece, MastheadPieceKey } from "./masthead";
export { MAX_QUERY_CHARS, highlightSnippet, markTerms, normaliseQuery, planSearch } from "./search";
export type { SearchPlan, Snippet, SnippetPart } from "./search";
export { renderRobots, renderRss, renderSitemap } from "./feed";
export type { RssOptions, SitemapOptions } from "./feed";
export { jsonLdScript, newsArticleJsonLd, pageRanges } from "./jsonld";
export type { NewsArticleJsonLd } from "./jsonld";
export { articleMeta } from "./open-graph";
export type { ArticleMeta } from "./open-graph";
export { escapeXml, stripInvalidXmlChars } from "./xml";
export {
  WEEKDAY_HEADINGS,
  addMonths,
  daysInMonth,
  formatMonth,
  monthCalendar,
  monthKey,
  monthOfDate,
  monthRange,
  parseIssueLookup,
  parseMonthParam,
} from "./calendar";
export type { IssueLookup, YearMonth } from "./calendar";
export { pageLinks, pageOffset, totalPages } from "./pagination";
export type { PageLink } from "./pagination";
export { renderGonePage } from "./gone";
export type { GonePageOptions } from "./gone";
export { etagMatches } from "./http";
