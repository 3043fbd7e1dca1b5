import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, issues, pages, sections } from "@/db/schema";
import { articleDay, headlineColumns, publicSection, sectionColumns, type PublicHeadline } from "./visibility";

/* The list item shared by a section's page and the search results. */

export type ArticleListItem = PublicHeadline & {
  date: string;
  pageNumber: number | null;
  pageName: string | null;
  sectionName: string | null;
  sectionSlug: string | null;
  /** The start of the body text. */
  opening: string;
};

const listItemColumns = {
  ...headlineColumns,
  date: articleDay,
  pageNumber: pages.number,
  pageName: pages.name,
  ...sectionColumns,
  opening: sql<string>`substr(${articles.bodyText}, 1, 300)`,
};

type ListRow = ArticleListItem & { sectionHidden: boolean | null };

export function toListItem({ sectionHidden, ...r }: ListRow): ArticleListItem {
  return { ...r, ...publicSection({ sectionHidden, sectionName: r.sectionName, sectionSlug: r.sectionSlug }) };
}

export function listItemsQuery() {
  return getDb()
    .select(listItemColumns)
    .from(articles)
    .leftJoin(issues, eq(issues.id, articles.issueId))
    .leftJoin(pages, eq(pages.id, articles.pageId))
    .leftJoin(sections, eq(sections.id, articles.sectionId));
}

export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

