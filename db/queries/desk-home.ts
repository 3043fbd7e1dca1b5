import "server-only";
import { and, asc, desc, eq, gte, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, issues, pages, sections } from "@/db/schema";

export type ShortlistRow = {
  id: number;
  title: string;
  state: (typeof articles.$inferSelect)["state"];
  issueDate: string | null;
  pageNumber: number | null;
  sectionName: string | null;
  updatedAt: Date;
  scheduledAt: Date | null;
  publishedAt: Date | null;
};

/** How many articles match, and the first few in the order given: one card of the desk home. */
export type Shortlist = { count: number; rows: ShortlistRow[] };

async function shortlist(where: SQL | undefined, order: SQL[], limit: number): Promise<Shortlist> {
  const found = (await getDb()
    .select({
      id: articles.id,
      title: articles.title,
      state: articles.state,
      issueDate: issues.date,
      pageNumber: pages.number,
      sectionName: sections.name,
      updatedAt: articles.updatedAt,
      scheduledAt: articles.scheduledAt,
      publishedAt: articles.publishedAt,
      // Counted before the limit, in the same query.
      count: sql<number>`count(*) over ()`,
    })
    .from(articles)
    .leftJoin(issues, eq(issues.id, articles.issueId))
    .leftJoin(pages, eq(pages.id, articles.pageId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(where)
    .orderBy(...order, desc(articles.id))
    .limit(limit));
  return { count: found[0]?.count ?? 0, rows: found.map(({ count: _count, ...row }) => row) };
}

/**
 * The desk home's lists for one person: their drafts and what was sent back to them (newest
 * change first), what is scheduled (soonest first) and what went out in the last `days` days
 * (newest first). What waits for their review comes from the review queue, where lib/workflow
 * decides it.
 */
export async function deskHomeLists({ userId, now = new Date(), days = 7, limit = 5 }: { userId: number; now?: Date; days?: number; limit?: number }) {
  const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  return {
    myDrafts: await shortlist(and(eq(articles.state, "draft"), eq(articles.authorId, userId)), [desc(articles.updatedAt)], limit),
    sentBack: await shortlist(and(eq(articles.state, "changes_requested"), eq(articles.authorId, userId)), [desc(articles.updatedAt)], limit),
    scheduled: await shortlist(eq(articles.state, "scheduled"), [asc(articles.scheduledAt)], limit),
    recentlyPublished: await shortlist(and(eq(articles.state, "published"), gte(articles.publishedAt, since)), [desc(articles.publishedAt)], limit),
  };
}
