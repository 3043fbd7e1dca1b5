import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { articleViews, articles, sections, users } from "@/db/schema";

/** Records the version a reviewer has seen, so the queue can show what changed since. */
export function markArticleSeen({ articleId, userId, version }: { articleId: number; userId: number; version: number }): void {
  getDb()
    .insert(articleViews)
    .values({ articleId, userId, version })
    .onConflictDoUpdate({ target: [articleViews.userId, articleViews.articleId], set: { version, updatedAt: new Date() } })
    .run();
}

/** Articles waiting for review, oldest submission first, with the version this reviewer last saw. */
export function listReviewQueue({ userId }: { userId: number }) {
  return getDb()
    .select({
      id: articles.id,
      title: articles.title,
      state: articles.state,
      version: articles.version,
      submittedAt: articles.submittedAt,
      authorId: articles.authorId,
      authorName: users.name,
      sectionName: sections.name,
      approvalsRequired: sql<number>`coalesce(${sections.approvalsRequired}, 1)`,
      approvals: sql<number>`(select count(*) from article_approvals ap where ap.article_id = ${articles.id} and ap.round = ${articles.submittedAt})`,
      approvedByMe: sql<number>`(select count(*) from article_approvals ap where ap.article_id = ${articles.id} and ap.round = ${articles.submittedAt} and ap.reviewer_id = ${userId})`,
      seenVersion: articleViews.version,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(articleViews, and(eq(articleViews.articleId, articles.id), eq(articleViews.userId, userId)))
    .where(sql`${articles.state} in ('in_review', 'approved', 'scheduled')`)
    .orderBy(asc(articles.submittedAt), asc(articles.id))
    .all();
}
