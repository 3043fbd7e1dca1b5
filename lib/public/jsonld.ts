import { toW3cDateTime } from "./dates";
import { editionLabel } from "./masthead";
import { collapseWhitespace, displayTitle, excerpt, truncateText } from "./text";
import type { PublicArticle, PublicIssue } from "./types";
import { absoluteUrl, articlePath } from "./urls";

/** Google's limit for NewsArticle headline. */
const HEADLINE_MAX = 110;
const DESCRIPTION_MAX = 160;
/** Our own paper's source labels: the paper is then the author, not a wire service. */
const OWN_SOURCES = new Set(["本报", "本报讯"]);

type Thing = { "@type": string; name: string };
type ImageObject = { "@type": "ImageObject"; url: string; width?: number; height?: number };

export type NewsArticleJsonLd = {
  "@context": "https://schema.org";
  "@type": "NewsArticle";
  headline: string;
  alternativeHeadline?: string;
  description?: string;
  url: string;
  mainEntityOfPage: { "@type": "WebPage"; "@id": string };
  datePublished: string;
  dateModified: string;
  author: Thing[];
  contributor?: Thing[];
  publisher: { "@type": "Organization"; name: string; url: string; logo?: ImageObject };
  inLanguage: string;
  articleSection?: string;
  printEdition: string;
  printPage?: string;
  printSection?: string;
  pagination?: string;
  correction?: string;
  image?: ImageObject[];
  isAccessibleForFree: true;
};

/** [1, 2, 3, 5] -> "1-3, 5"; schema.org pagination takes exactly this form. */
export function pageRanges(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    ranges.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return ranges.join(", ");
}

/**
 * The NewsArticle object for an article page. printPage lists the pages in
 * print order ("1, 3" for a story jumped from 1 to 3); pagination is given
 * only for a continued story. With `issue`, printEdition carries the 期号
 * (2024年3月8日 总第273期 第27期), otherwise the date alone.
 */
export function newsArticleJsonLd(
  a: PublicArticle,
  opts: { siteUrl: string; paper: string; logoUrl?: string; issue?: Pick<PublicIssue, "date" | "issueNo" | "totalIssueNo"> },
): NewsArticleJsonLd {
  const canonical = absoluteUrl(opts.siteUrl, articlePath(a));
  const person = (name: string): Thing => ({ "@type": "Person", name });
  const source = a.source ? collapseWhitespace(a.source) : "";
  const author: Thing[] =
    a.reporters.length > 0
      ? a.reporters.map(person)
      : [{ "@type": "Organization", name: source !== "" && !OWN_SOURCES.has(source) ? source : opts.paper }];
  const alternative = [a.kicker, a.subtitle]
    .map((s) => (s === null ? "" : collapseWhitespace(s)))
    .filter((s) => s !== "")
    .join(" ");
  const issue = opts.issue && opts.issue.date === a.issueDate ? opts.issue : { date: a.issueDate, issueNo: null, totalIssueNo: null };
  const description = excerpt(a.bodyText, DESCRIPTION_MAX);
  const pageNumbers = a.pages.map((p) => p.number);
  const printSection = a.pages[0]?.name?.trim();
  const correction = a.correction?.trim();

  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: truncateText(displayTitle(a), HEADLINE_MAX),
    ...(alternative !== "" ? { alternativeHeadline: alternative } : {}),
    ...(description !== "" ? { description } : {}),
    url: canonical,
    mainEntityOfPage: { "@type": "WebPage", "@id": canonical },
    datePublished: toW3cDateTime(a.publishedAt),
    dateModified: toW3cDateTime(a.updatedAt),
    author,
    ...(a.photographers.length > 0 ? { contributor: a.photographers.map(person) } : {}),
    publisher: {
      "@type": "Organization",
      name: opts.paper,
      url: absoluteUrl(opts.siteUrl, "/"),
      ...(opts.logoUrl ? { logo: { "@type": "ImageObject", url: opts.logoUrl } } : {}),
    },
    inLanguage: a.language,
    ...(a.sectionName ? { articleSection: a.sectionName } : {}),
    printEdition: editionLabel(issue),
    ...(pageNumbers.length > 0 ? { printPage: pageNumbers.join(", ") } : {}),
    ...(printSection ? { printSection } : {}),
    ...(pageNumbers.length > 1 ? { pagination: pageRanges(pageNumbers) } : {}),
    ...(correction ? { correction } : {}),
    ...(a.image ? { image: [{ "@type": "ImageObject", url: absoluteUrl(opts.siteUrl, a.image.url), width: a.image.width, height: a.image.height }] } : {}),
    isAccessibleForFree: true,
  };
}

const SCRIPT_UNSAFE: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * JSON for the inside of <script type="application/ld+json">. < > & are
 * written as \u escapes (still the same JSON value), so no string can close
 * the tag (</script>) or open a comment (<!--); U+2028/2029 likewise, for
 * older JavaScript parsers. Lone surrogates are already \u-escaped by
 * JSON.stringify. Use as dangerouslySetInnerHTML={{ __html: jsonLdScript(obj) }}.
 */
export function jsonLdScript(obj: unknown): string {
  const json = JSON.stringify(obj);
  if (json === undefined) throw new TypeError("not JSON-serialisable");
  return json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c] ?? c);
}
