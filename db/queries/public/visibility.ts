import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { beijingDay } from "@/db/dialect";
import { articles, issues, pages, sections } from "@/db/schema";
import type { ArticleLanguage } from "@/lib/vocabulary";

/*
 * What "public" means, for every read of the reader site (db/queries/public/). Only articles in
 * state 'published' leave these modules; an issue, a page or a section is public while it has at
 * least one. A jumped story (下转/上接) is stored as a head article and parts whose continuesId
 * points back along the chain; readers get one article: the head, with its published parts
 * merged in page order (chains.ts).
 */

export const PUBLISHED = "published" as const;
export const isPublished = eq(articles.state, PUBLISHED);
export const isHead = isNull(articles.continuesId);

/** An issue is public while one of its articles is published. */
export const issueIsPublic = sql`exists (select 1 from ${articles} where ${articles.issueId} = ${issues.id} and ${articles.state} = ${PUBLISHED})`;

/** A photo is public while a published article places it (the rule is shared with the server in front of Next). */
export { photoIsPublic } from "@/db/public-media";

/** A section is public while it is visible and has a published story (as an issue is): the navigation, sitemap and page agree. */
export const sectionIsPublic = and(
  eq(sections.hidden, false),
  sql`exists (select 1 from ${articles} where ${articles.sectionId} = ${sections.id} and ${articles.state} = ${PUBLISHED} and ${articles.continuesId} is null)`,
);

/** The article's calendar day: its issue's date, or (web-only) the day it was first published in Beijing. */
export const articleDay = sql<string>`coalesce(${issues.date}, ${beijingDay(sql`coalesce(${articles.firstPublishedAt}, ${articles.publishedAt}, ${articles.updatedAt})`)})`;

/** Newest issue first; within an issue, page and print order (the lead story of page 1 first). */
export const newestFirst = [desc(articleDay), asc(sql`coalesce(${pages.number}, 9999)`), asc(articles.position), desc(articles.id)];

/** A story's headline stack, byline and language: what every public list of stories shows. */
export type PublicHeadline = { id: number; kicker: string | null; title: string; subtitle: string | null; byline: string | null; language: ArticleLanguage };

export const headlineColumns = {
  id: articles.id,
  kicker: articles.kicker,
  title: articles.title,
  subtitle: articles.subtitle,
  byline: articles.byline,
  language: articles.language,
};

/** The section columns publicSection decides on. */
export const sectionColumns = { sectionName: sections.name, sectionNameEn: sections.nameEn, sectionSlug: sections.slug, sectionHidden: sections.hidden };

type SectionOfRow = { sectionName: string | null; sectionNameEn?: string | null; sectionSlug: string | null };

/** A section the newsroom hid is named nowhere public: not on a story, a list or in the feed. */
export function publicSection(r: SectionOfRow & { sectionHidden: boolean | null }): Required<SectionOfRow> {
  return r.sectionHidden
    ? { sectionName: null, sectionNameEn: null, sectionSlug: null }
    : { sectionName: r.sectionName, sectionNameEn: r.sectionNameEn ?? null, sectionSlug: r.sectionSlug };
}
