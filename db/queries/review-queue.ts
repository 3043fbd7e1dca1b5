import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb, type DbOrTx } from "@/db";
import { workflowArticleOf } from "@/db/queries/articles";
import { articleViews, articles, issues, pages, pendingRevisions, sections, users } from "@/db/schema";
import { firstRow } from "@/db/raw";
import type { PrintFilters } from "@/lib/desk/print-filters";

/** Records the version a reviewer has seen, so the queue can show what changed since. */
export async function markArticleSeen({ articleId, userId, version }: { articleId: number; userId: number; version: number }): Promise<void> {
  await getDb()
    .insert(articleViews)
    .values({ articleId, userId, version })
    .onConflictDoUpdate({ target: [articleViews.userId, articleViews.articleId], set: { version, updatedAt: new Date() } });
}

export type ReviewQueueFilters = PrintFilters;

/**
 * A queue row's columns: the story, where it is printed, and the round (submission, approvals,
 * version, who began it) of what is under review, the article itself or a published story's
 * pending revision.
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
    sectionId: articles.sectionId,
    sectionName: sections.name,
    issueDate: issues.date,
    pageNumber: pages.number,
    pageName: pages.name,
    approvalsRequired: sql<number>`coalesce(${sections.approvalsRequired}, 1)`,
    approvals: sql<number>`(select count(*) from article_approvals ap where ${round})`,
    approvedByMe: sql<number>`(select count(*) from article_approvals ap where ${round} and ap.reviewer_id = ${userId})`,
    seenVersion: articleViews.version,
  };
}

function printFilters(filters: ReviewQueueFilters): SQL[] {
  const where: SQL[] = [];
  if (filters.issueDate) where.push(eq(issues.date, filters.issueDate));
  if (filters.pageNumber) where.push(eq(pages.number, filters.pageNumber));
  if (filters.sectionId) where.push(eq(articles.sectionId, filters.sectionId));
  return where;
}

/**
 * Articles waiting for review (or approved and scheduled, not yet out) and published stories whose
 * pending revision waits for review (the published text stays up meanwhile): one queue, oldest
 * submission first, with where each is printed, the version this reviewer last saw, and the
 * workflow slice of what is under review, so lib/workflow can say what this reviewer may do.
 */
export async function listReviewQueue({ userId, filters = {} }: { userId: number; filters?: ReviewQueueFilters }) {
  const db = getDb();
  const where = printFilters(filters);
  const stories = (await db
    .select(queueColumns(userId, { state: articles.state, version: articles.version, submittedAt: articles.submittedAt, authorId: articles.authorId }))
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(issues, eq(issues.id, articles.issueId))
    .leftJoin(pages, eq(pages.id, articles.pageId))
    .leftJoin(articleViews, and(eq(articleViews.articleId, articles.id), eq(articleViews.userId, userId)))
    .where(and(sql`${articles.state} in ('in_review', 'approved', 'scheduled')`, ...where)))
    .map((r) => ({ ...r, revision: false }));
  const revisions = (await db
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
    .leftJoin(issues, eq(issues.id, articles.issueId))
    .leftJoin(pages, eq(pages.id, articles.pageId))
    .leftJoin(articleViews, and(eq(articleViews.articleId, articles.id), eq(articleViews.userId, userId)))
    .where(and(eq(articles.state, "published"), sql`${pendingRevisions.state} in ('in_review', 'approved')`, ...where)))
    .map((r) => ({ ...r, revision: true }));
  const rows = [...stories, ...revisions].sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0) || a.id - b.id);
  const queue = [];
  for (const r of rows) queue.push({ ...r, approvedByMe: Number(r.approvedByMe) > 0, workflow: await workflowOfRow(db, r.id, r.revision) });
  return queue;
}

/** The rules' view of a queue row: a queue is tens of stories, so one read each is cheap and keeps one definition. */
async function workflowOfRow(db: DbOrTx, articleId: number, revision: boolean) {
  const article = firstRow(await db.select().from(articles).where(eq(articles.id, articleId)));
  if (!article) throw new Error(`article ${articleId} vanished while listing the review queue`);
  const pending = revision ? firstRow(await db.select().from(pendingRevisions).where(eq(pendingRevisions.articleId, articleId))) : undefined;
  return await workflowArticleOf(db, article, pending);
}

export type ReviewQueueRow = Awaited<ReturnType<typeof listReviewQueue>>[number];
