import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { articleApprovals, articleViews, articles, issues, pages, sections, users } from "@/db/schema";
import type { WorkflowArticle } from "@/lib/workflow";

/** Records the version a reviewer has seen, so the queue can show what changed since. */
export function markArticleSeen({ articleId, userId, version }: { articleId: number; userId: number; version: number }): void {
  getDb()
    .insert(articleViews)
    .values({ articleId, userId, version })
    .onConflictDoUpdate({ target: [articleViews.userId, articleViews.articleId], set: { version, updatedAt: new Date() } })
    .run();
}

export type ReviewQueueFilters = { issueDate?: string; pageNumber?: number; sectionId?: number };

/**
 * Articles waiting for review (or approved and scheduled, not yet out), oldest submission first,
 * with where they are printed, the version this reviewer last saw, and the workflow slice
 * (approvals of this round) so lib/workflow can say what this reviewer may do with each.
 */
export function listReviewQueue({ userId, filters = {} }: { userId: number; filters?: ReviewQueueFilters }) {
  const where: SQL[] = [sql`${articles.state} in ('in_review', 'approved', 'scheduled')`];
  if (filters.issueDate) where.push(eq(issues.date, filters.issueDate));
  if (filters.pageNumber) where.push(eq(pages.number, filters.pageNumber));
  if (filters.sectionId) where.push(eq(articles.sectionId, filters.sectionId));
  const db = getDb();
  const rows = db
    .select({
      id: articles.id,
      title: articles.title,
      state: articles.state,
      version: articles.version,
      submittedAt: articles.submittedAt,
      scheduledAt: articles.scheduledAt,
      editorsSinceSubmit: articles.editorsSinceSubmit,
      authorId: articles.authorId,
      authorName: users.name,
      sectionId: articles.sectionId,
      sectionName: sections.name,
      issueDate: issues.date,
      pageNumber: pages.number,
      pageName: pages.name,
      approvalsRequired: sql<number>`coalesce(${sections.approvalsRequired}, 1)`,
      seenVersion: articleViews.version,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(issues, eq(issues.id, articles.issueId))
    .leftJoin(pages, eq(pages.id, articles.pageId))
    .leftJoin(articleViews, and(eq(articleViews.articleId, articles.id), eq(articleViews.userId, userId)))
    .where(and(...where))
    .orderBy(asc(articles.submittedAt), asc(articles.id))
    .all();
  const approvals =
    rows.length === 0
      ? []
      : db
          .select({ articleId: articleApprovals.articleId, reviewerId: articleApprovals.reviewerId, round: articleApprovals.round, at: articleApprovals.createdAt })
          .from(articleApprovals)
          .where(
            inArray(
              articleApprovals.articleId,
              rows.map((r) => r.id),
            ),
          )
          .all();
  return rows.map((r) => {
    const round = approvals.filter((a) => a.articleId === r.id && a.round.getTime() === r.submittedAt?.getTime());
    const workflow: WorkflowArticle = {
      state: r.state,
      authorId: r.authorId,
      approvalsRequired: r.approvalsRequired,
      approvals: round.map((a) => ({ reviewerId: a.reviewerId, at: a.at })),
      submittedAt: r.submittedAt,
      editorsSinceSubmit: r.editorsSinceSubmit,
      scheduledAt: r.scheduledAt,
    };
    return { ...r, approvals: round.length, approvedByMe: round.some((a) => a.reviewerId === userId), workflow };
  });
}

export type ReviewQueueRow = ReturnType<typeof listReviewQueue>[number];
