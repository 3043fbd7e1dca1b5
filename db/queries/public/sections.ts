import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, sections } from "@/db/schema";
import { pageOffset } from "@/lib/public";
import { listItemsQuery, toListItem, type ArticleListItem, type Paged } from "./lists";
import { isHead, isPublished, newestFirst, sectionIsPublic } from "./visibility";
import { firstRow } from "@/db/raw";

export type PublicSection = { id: number; slug: string; name: string; nameEn: string | null };

/** A section readers may browse: not hidden by the newsroom, and with something published in it. */
export async function getPublicSectionBySlug({ slug }: { slug: string }): Promise<PublicSection | undefined> {
  return firstRow(
    await getDb()
      .select({ id: sections.id, slug: sections.slug, name: sections.name, nameEn: sections.nameEn })
      .from(sections)
      .where(and(eq(sections.slug, slug), sectionIsPublic)),
  );
}

/** Public sections in the newsroom's order (the site navigation). */
export async function listPublicSections(): Promise<PublicSection[]> {
  return getDb()
    .select({ id: sections.id, slug: sections.slug, name: sections.name, nameEn: sections.nameEn })
    .from(sections)
    .where(sectionIsPublic)
    .orderBy(asc(sections.position), asc(sections.id));
}

/** A section's published stories, newest issue first. */
export async function listPublishedArticlesBySection({ sectionId, page, pageSize }: { sectionId: number; page: number; pageSize: number }): Promise<Paged<ArticleListItem>> {
  const where = and(eq(articles.sectionId, sectionId), isPublished, isHead);
  const total = firstRow(await getDb().select({ n: count() }).from(articles).where(where))?.n ?? 0;
  const items = (await listItemsQuery()
    .where(where)
    .orderBy(...newestFirst)
    .limit(pageSize)
    .offset(pageOffset(page, pageSize)))
    .map(toListItem);
  return { items, total, page, pageSize };
}
