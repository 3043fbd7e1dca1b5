import "server-only";
import { and, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rawRows } from "@/db/raw";
import { articles } from "@/db/schema";
import { beijingDay } from "@/db/dialect";
import { pageOffset, planSearch, type SearchPlan } from "@/lib/public";
import { matchingArticleIds } from "@/db/queries/full-text";
import { listPublishedPartsOfHeads } from "./chains";
import { listItemsQuery, toListItem, type ArticleListItem, type Paged } from "./lists";
import { isPublished, PUBLISHED } from "./visibility";

export type SearchHit = ArticleListItem & {
  /** Body text of the whole story (head and published parts), for the snippet. */
  text: string;
};

export type SearchResult = Paged<SearchHit> & { plan: SearchPlan };

/**
 * Published stories matching the query, newest first. A hit in a later part
 * counts for its head; a story whose head is not published is not found.
 * search_index holds published articles only (its triggers see to that), and
 * the head is checked again here.
 */
export async function searchPublishedArticles({ q, page, pageSize }: { q: string; page: number; pageSize: number }): Promise<SearchResult> {
  const plan = planSearch(q);
  if (plan.kind === "empty") return { plan, items: [], total: 0, page, pageSize };
  const db = getDb();
  const ordered = await rawRows<{ id: number }>(db, sql`
    with recursive hits(id) as (${matchingArticleIds("public", plan)}),
    up(id, continues_id, depth) as (
      select a.id, a.continues_id, 0 from articles a where a.id in (select id from hits)
      union
      select a.id, a.continues_id, up.depth + 1 from articles a join up on a.id = up.continues_id where up.depth < 50
    )
    select a.id as "id"
    from articles a
    left join issues on issues.id = a.issue_id
    left join pages on pages.id = a.page_id
    where a.id in (select id from up where continues_id is null) and a.state = ${PUBLISHED}
    order by coalesce(issues.date, ${beijingDay(sql`coalesce(a.first_published_at, a.published_at, a.updated_at)`)}) desc,
      coalesce(pages.number, 9999), a.position, a.id desc`);
  const total = ordered.length;
  const ids = ordered.slice(pageOffset(page, pageSize), pageOffset(page, pageSize) + pageSize).map((r) => r.id);
  if (ids.length === 0) return { plan, items: [], total, page, pageSize };

  const rows = (await listItemsQuery()
    .where(and(inArray(articles.id, ids), isPublished)));
  const texts = (await db
    .select({ id: articles.id, bodyText: articles.bodyText })
    .from(articles)
    .where(inArray(articles.id, ids)));
  const parts = await listPublishedPartsOfHeads(ids);
  const partIds = [...parts.values()].flat().map((p) => p.id);
  const partTexts = partIds.length === 0 ? [] : (await db.select({ id: articles.id, bodyText: articles.bodyText }).from(articles).where(inArray(articles.id, partIds)));
  const textOf = (id: number) => [...texts, ...partTexts].find((t) => t.id === id)?.bodyText ?? "";

  const items = ids.flatMap((id): SearchHit[] => {
    const row = rows.find((r) => r.id === id);
    if (!row) return [];
    const text = [textOf(id), ...(parts.get(id) ?? []).map((p) => textOf(p.id))].join("\n");
    return [{ ...toListItem(row), text }];
  });
  return { plan, items, total, page, pageSize };
}
