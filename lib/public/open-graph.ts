import { toW3cDateTime } from "./dates";
import { displayTitle, excerpt } from "./text";
import type { PublicArticle } from "./types";
import { absoluteUrl, articlePath } from "./urls";

const DESCRIPTION_MAX = 120;

export type ArticleMeta = {
  title: string;
  description: string;
  canonical: string;
  /** Shaped like Next's `Metadata["openGraph"]` for type "article", so it can be passed straight through. */
  openGraph: {
    type: "article";
    title: string;
    description: string;
    url: string;
    siteName?: string;
    locale: string;
    publishedTime: string;
    modifiedTime: string;
    section?: string;
    authors: string[];
  };
};

/** Open Graph locale is language_TERRITORY with an underscore. */
const OG_LOCALE: Record<PublicArticle["language"], string> = { "zh-CN": "zh_CN", en: "en_US" };

/**
 * Metadata for an article page. The page turns it into Next's Metadata as
 * `{ title, description, alternates: { canonical }, openGraph }`.
 */
export function articleMeta(a: PublicArticle, siteUrl: string, opts: { siteName?: string } = {}): ArticleMeta {
  const title = displayTitle(a);
  const description = excerpt(a.bodyText, DESCRIPTION_MAX);
  const canonical = absoluteUrl(siteUrl, articlePath(a));
  return {
    title,
    description,
    canonical,
    openGraph: {
      type: "article",
      title,
      description,
      url: canonical,
      ...(opts.siteName ? { siteName: opts.siteName } : {}),
      locale: OG_LOCALE[a.language],
      publishedTime: toW3cDateTime(a.publishedAt),
      modifiedTime: toW3cDateTime(a.updatedAt),
      ...(a.sectionName ? { section: a.sectionName } : {}),
      authors: [...a.reporters],
    },
  };
}
