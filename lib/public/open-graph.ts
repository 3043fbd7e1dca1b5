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
    images?: { url: string; width: number; height: number; alt: string; type: string }[];
  };
  /** A large picture card where the article has a lead photo. */
  twitter?: { card: "summary_large_image"; images: string[] };
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
  const image = a.image ? { url: absoluteUrl(siteUrl, a.image.url), width: a.image.width, height: a.image.height, alt: a.image.alt, type: a.image.type } : null;
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
      ...(image ? { images: [image] } : {}),
    },
    ...(image ? { twitter: { card: "summary_large_image" as const, images: [image.url] } } : {}),
  };
}
