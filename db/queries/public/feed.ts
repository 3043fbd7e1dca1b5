import "server-only";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, issues, pages, sections } from "@/db/schema";
import { shareImage } from "@/lib/media/picture";
import type { PublicArticle } from "@/lib/public";
import { listLeadPhotos } from "./photos";
import { articleDay, headlineColumns, isHead, isPublished, newestFirst, publicSection, sectionColumns, type PublicHeadline } from "./visibility";

/* The RSS feed and the sitemap. */

type FeedRow = PublicHeadline & {
  source: string | null;
  reporters: string[];
  photographers: string[];
  bodyText: string;
  correction: string | null;
  firstPublishedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  date: string;
  pageNumber: number | null;
  pageName: string | null;
  sectionName: string | null;
  sectionSlug: string | null;
  sectionHidden: boolean | null;
};

function feedQuery(bodyText: SQL<string>) {
  return getDb()
    .select({
      ...headlineColumns,
      source: articles.source,
      reporters: articles.reporters,
      photographers: articles.photographers,
      bodyText,
      correction: articles.correction,
      firstPublishedAt: articles.firstPublishedAt,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      date: articleDay,
      pageNumber: pages.number,
      pageName: pages.name,
      ...sectionColumns,
    })
    .from(articles)
    .leftJoin(issues, eq(issues.id, articles.issueId))
    .leftJoin(pages, eq(pages.id, articles.pageId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(isPublished, isHead))
    .orderBy(...newestFirst);
}

function feedRowToPublic(r: FeedRow): PublicArticle {
  return {
    id: r.id,
    kicker: r.kicker,
    title: r.title === "" ? null : r.title,
    subtitle: r.subtitle,
    byline: r.byline,
    source: r.source,
    reporters: r.reporters,
    photographers: r.photographers,
    ...publicSection(r),
    issueDate: r.date,
    pages: r.pageNumber === null ? [] : [{ number: r.pageNumber, name: r.pageName }],
    publishedAt: r.firstPublishedAt ?? r.publishedAt ?? r.updatedAt,
    updatedAt: r.updatedAt,
    language: r.language,
    bodyText: r.bodyText,
    correction: r.correction,
  };
}

/** The newest published stories for the RSS feed (head pages only; the body is cut to what the feed shows), with their lead photos. */
export async function listFeedArticles({ limit }: { limit: number }): Promise<PublicArticle[]> {
  const items = (await feedQuery(sql<string>`substr(${articles.bodyText}, 1, 400)`).limit(limit)).map(feedRowToPublic);
  const photos = await listLeadPhotos({ articleIds: items.map((a) => a.id) });
  return items.map((a) => {
    const photo = photos.get(a.id);
    return photo ? { ...a, image: shareImage(photo) } : a;
  });
}

export type SitemapData = {
  issues: { date: string; pages: number[]; lastModified: Date }[];
  articles: PublicArticle[];
  sections: { slug: string; lastModified: Date }[];
};

/** Everything public, for sitemap.xml. Body text is only the start (a headless story's title falls back to it). */
export async function listSitemapData(): Promise<SitemapData> {
  const db = getDb();
  const pageRows = (await db
    .select({
      date: issues.date,
      issueUpdated: issues.updatedAt,
      number: pages.number,
      // Decoded as the column is, so it is a Date on both engines.
      lastModified: sql<Date>`max(${articles.updatedAt})`.mapWith(articles.updatedAt),
    })
    .from(pages)
    .innerJoin(issues, eq(issues.id, pages.issueId))
    .innerJoin(articles, and(eq(articles.pageId, pages.id), isPublished))
    .groupBy(pages.id, issues.id)
    .orderBy(desc(issues.date), asc(pages.number)));
  const byIssue = new Map<string, SitemapData["issues"][number]>();
  for (const r of pageRows) {
    const modified = new Date(Math.max(r.lastModified.getTime(), r.issueUpdated.getTime()));
    const entry = byIssue.get(r.date);
    if (!entry) byIssue.set(r.date, { date: r.date, pages: [r.number], lastModified: modified });
    else {
      entry.pages.push(r.number);
      if (modified > entry.lastModified) entry.lastModified = modified;
    }
  }
  const sectionRows = (await db
    .select({ slug: sections.slug, lastModified: sql<Date>`max(${articles.updatedAt})`.mapWith(articles.updatedAt) })
    .from(sections)
    .innerJoin(articles, and(eq(articles.sectionId, sections.id), isPublished, isHead))
    .where(eq(sections.hidden, false))
    .groupBy(sections.id)
    .orderBy(asc(sections.position), asc(sections.id)));
  return {
    issues: [...byIssue.values()],
    articles: (await feedQuery(sql<string>`substr(${articles.bodyText}, 1, 60)`)).map(feedRowToPublic),
    sections: sectionRows.map((s) => ({ slug: s.slug, lastModified: s.lastModified })),
  };
}
