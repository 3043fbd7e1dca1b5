import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db";
import { articleViews, articles, pendingRevisions, sections, users } from "@/db/schema";

/** Records the version a reviewer has seen, so the queue can show what changed since. */
export async function markArticleSeen({ articleId, userId, version }: { articleId: number; userId: number; version: number }): Promise<void> {
  await getDb()
    .insert(articleViews)
    .values({ articleId, userId, version })
    .onConflictDoUpdate({ target: [articleViews.userId, articleViews.articleId], set: { version, updatedAt: new Date() } });
}

/**
 * A queue row's columns: the story, and the round (submission, approvals, version, who began it)
 * of what is under review, the article itself or a published story's pending revision.
 */
function queueColumns<C extends { state: SQLiteColumn; version: SQLiteColumn; submittedAt: SQLiteColumn; authorId: SQLiteColumn }>(userId: number, of: C) {
  const round = sql`ap.article_id = ${articles.id} and ap.round = ${of.submittedAt}`;
  return {
    id: articles.id,
    title: articles.title,
    state: of.state as C["state"],
    version: of.version as C["version"],
    submittedAt: of.submittedAt as C["submittedAt"],
    authorId: of.authorId as C["authorId"],
    authorName: users.name,
    sectionName: sections.name,
    approvalsRequired: sql<number>`coalesce(${sections.approvalsRequired}, 1)`,
    approvals: sql<number>`(select count(*) from article_approvals ap where ${round})`,
    approvedByMe: sql<number>`(select count(*) from article_approvals ap where ${round} and ap.reviewer_id = ${userId})`,
    seenVersion: articleViews.version,
  };
}

/** Articles waiting for review, oldest submission first, with the version this reviewer last saw. */
export async function listReviewQueue({ userId }: { userId: number }) {
  return (await getDb()
    .select(queueColumns(userId, { state: articles.state, version: articles.version, submittedAt: articles.submittedAt, authorId: articles.authorId }))
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(articleViews, and(eq(articleViews.articleId, articles.id), eq(articleViews.userId, userId)))
    .where(sql`${articles.state} in ('in_review', 'approved', 'scheduled')`)
    .orderBy(asc(articles.submittedAt), asc(articles.id)));
}

/**
 * Published stories whose pending revision waits for review (in review or approved, to publish),
 * in the queue's shape: the revision's round, approvals and version. The published text stays up.
 */
export async function listRevisionReviewQueue({ userId }: { userId: number }) {
  return (await getDb()
    .select(
      queueColumns(userId, {
        state: pendingRevisions.state,
        version: pendingRevisions.version,
        submittedAt: pendingRevisions.submittedAt,
        authorId: pendingRevisions.startedById,
      }),
    )
    .from(pendingRevisions)
    .innerJoin(articles, eq(articles.id, pendingRevisions.articleId))
    .innerJoin(users, eq(users.id, pendingRevisions.startedById))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(articleViews, and(eq(articleViews.articleId, articles.id), eq(articleViews.userId, userId)))
    .where(and(eq(articles.state, "published"), sql`${pendingRevisions.state} in ('in_review', 'approved')`))
    .orderBy(asc(pendingRevisions.submittedAt), asc(articles.id)));
}
