import "server-only";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, pages, sections } from "@/db/schema";
import type { PageStatus } from "@/lib/vocabulary";
import { headIdOf, listPublishedPartsOfHeads } from "./chains";
import { headlineColumns, isPublished, publicSection, sectionColumns, type PublicHeadline } from "./visibility";
import { firstRow } from "@/db/raw";

export type PublicPageInfo = { id: number; number: number; name: string | null; articleCount: number };

/** The issue's pages that carry at least one published article, in page order (版面导航). */
export async function listPublicPagesOfIssue({ issueId }: { issueId: number }): Promise<PublicPageInfo[]> {
  return (await getDb()
    .select({ id: pages.id, number: pages.number, name: pages.name, articleCount: count(articles.id) })
    .from(pages)
    .innerJoin(articles, and(eq(articles.pageId, pages.id), isPublished))
    .where(eq(pages.issueId, issueId))
    .groupBy(pages.id)
    .orderBy(asc(pages.number)));
}

export type MarkedPage = { number: number; name: string | null; status: Exclude<PageStatus, "articles"> };

/**
 * The issue's pages the desk marked as having no articles online (not digitised, ads only,
 * skipped): readers see them named in the page tabs instead of a page that is not there.
 * Public facts of a public issue (the page count is printed on it); nothing unpublished.
 */
export async function listMarkedPagesOfIssue({ issueId }: { issueId: number }): Promise<MarkedPage[]> {
  return (await getDb()
    .select({ number: pages.number, name: pages.name, status: pages.status })
    .from(pages)
    .where(and(eq(pages.issueId, issueId), ne(pages.status, "articles")))
    .orderBy(asc(pages.number))) as MarkedPage[];
}

export type PageHeadline = PublicHeadline & {
  /** The start of the body, for the lead story's summary. */
  opening: string;
  sectionName: string | null;
  sectionSlug: string | null;
  /** Pages the story continues on (下转), from its published parts. */
  continuedOn: number[];
  /** Set on a later part (上接): the head it belongs to; the link goes there. */
  continues: { id: number; title: string; pageNumber: number | null } | null;
};

/**
 * Published articles of a page in print order. Heads carry the pages they
 * continue on; a part is listed as a pointer to its head, and only when that
 * head is published.
 */
export async function listPublicHeadlinesOfPage({ pageId }: { pageId: number }): Promise<PageHeadline[]> {
  const db = getDb();
  const rows = (await db
    .select({
      ...headlineColumns,
      continuesId: articles.continuesId,
      opening: sql<string>`substr(${articles.bodyText}, 1, 240)`,
      ...sectionColumns,
    })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.pageId, pageId), isPublished))
    .orderBy(asc(articles.position), asc(articles.id)));

  const parts = await listPublishedPartsOfHeads(rows.filter((r) => r.continuesId === null).map((r) => r.id));
  const headOfPart = new Map<number, { id: number; title: string; pageNumber: number | null }>();
  for (const r of rows) {
    if (r.continuesId === null) continue;
    const headId = await headIdOf(r.id);
    if (headId === null) continue;
    const head = firstRow(await db
      .select({ id: articles.id, title: articles.title, pageNumber: pages.number })
      .from(articles)
      .leftJoin(pages, eq(pages.id, articles.pageId))
      .where(and(eq(articles.id, headId), isPublished)));
    if (head) headOfPart.set(r.id, head);
  }

  return rows.flatMap((r): PageHeadline[] => {
    const continues = r.continuesId === null ? null : (headOfPart.get(r.id) ?? null);
    if (r.continuesId !== null && continues === null) return [];
    const section = publicSection(r);
    return [
      {
        id: r.id,
        kicker: r.kicker,
        title: r.title,
        subtitle: r.subtitle,
        byline: r.byline,
        language: r.language,
        opening: r.opening,
        ...section,
        continuedOn: [...new Set((parts.get(r.id) ?? []).flatMap((p) => (p.pageNumber === null ? [] : [p.pageNumber])))],
        continues,
      },
    ];
  });
}
