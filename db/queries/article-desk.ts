import "server-only";
import { and, asc, desc, eq, gt, like, lte, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import {
  articleComments,
  articleLocks,
  articleRevisions,
  articleViews,
  articles,
  auditLog,
  issues,
  pages,
  sections,
  users,
} from "@/db/schema";
import type { ArticleState } from "@/lib/workflow/states";

export type ArticleListFilters = {
  issueDate?: string;
  pageNumber?: number;
  sectionId?: number;
  state?: ArticleState;
  authorId?: number;
  q?: string;
};

export function listDeskArticles(filters: ArticleListFilters, { limit = 200 } = {}) {
  const where: SQL[] = [];
  if (filters.issueDate) where.push(eq(issues.date, filters.issueDate));
  if (filters.pageNumber) where.push(eq(pages.number, filters.pageNumber));
  if (filters.sectionId) where.push(eq(articles.sectionId, filters.sectionId));
  if (filters.state) where.push(eq(articles.state, filters.state));
  if (filters.authorId) where.push(eq(articles.authorId, filters.authorId));
  if (filters.q) where.push(like(articles.title, `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return getDb()
    .select({
      id: articles.id,
      state: articles.state,
      title: articles.title,
      kicker: articles.kicker,
      version: articles.version,
      updatedAt: articles.updatedAt,
      issueDate: issues.date,
      pageNumber: pages.number,
      sectionName: sections.name,
      authorName: users.name,
    })
    .from(articles)
    .leftJoin(issues, eq(issues.id, articles.issueId))
    .leftJoin(pages, eq(pages.id, articles.pageId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(users, eq(users.id, articles.authorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(articles.updatedAt))
    .limit(limit)
    .all();
}

export function getArticlePlacement({ issueId, pageId }: { issueId: number | null; pageId: number | null }) {
  const db = getDb();
  const issue = issueId ? db.select().from(issues).where(eq(issues.id, issueId)).get() : undefined;
  const page = pageId ? db.select().from(pages).where(eq(pages.id, pageId)).get() : undefined;
  return { issue, page };
}

export function listRevisions({ articleId }: { articleId: number }) {
  return getDb()
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      kind: articleRevisions.kind,
      note: articleRevisions.note,
      createdAt: articleRevisions.createdAt,
      authorName: users.name,
    })
    .from(articleRevisions)
    .innerJoin(users, eq(users.id, articleRevisions.authorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.version))
    .all();
}

/** The revision in force at `version` (state changes bump the version without a new revision). */
export function getRevision({ articleId, version }: { articleId: number; version: number }) {
  return getDb()
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), lte(articleRevisions.version, version)))
    .orderBy(desc(articleRevisions.version))
    .get();
}

export function listComments({ articleId }: { articleId: number }) {
  return getDb()
    .select({
      id: articleComments.id,
      kind: articleComments.kind,
      body: articleComments.body,
      anchor: articleComments.anchor,
      resolvedAt: articleComments.resolvedAt,
      createdAt: articleComments.createdAt,
      authorName: users.name,
    })
    .from(articleComments)
    .innerJoin(users, eq(users.id, articleComments.authorId))
    .where(eq(articleComments.articleId, articleId))
    .orderBy(asc(articleComments.createdAt))
    .all();
}

export function insertComment(values: { articleId: number; authorId: number; body: string; anchor: { from: number; to: number; quote: string } | null }) {
  return getDb().insert(articleComments).values(values).returning().get();
}

export function resolveComment({ id, articleId, userId }: { id: number; articleId: number; userId: number }): boolean {
  return (
    getDb()
      .update(articleComments)
      .set({ resolvedAt: new Date(), resolvedById: userId })
      .where(and(eq(articleComments.id, id), eq(articleComments.articleId, articleId)))
      .run().changes === 1
  );
}

/** The article's timeline: its audit entries, oldest first. */
export function listArticleTimeline({ articleId }: { articleId: number }) {
  return getDb()
    .select({ id: auditLog.id, action: auditLog.action, detail: auditLog.detail, createdAt: auditLog.createdAt, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.targetType, "article"), eq(auditLog.targetId, String(articleId))))
    .orderBy(asc(auditLog.id))
    .all();
}

export const LOCK_MINUTES = 5;

export type LockHolder = { userId: number; name: string; since: Date; expiresAt: Date };

export function getLiveLock({ articleId, now = new Date() }: { articleId: number; now?: Date }): LockHolder | undefined {
  return getDb()
    .select({ userId: articleLocks.userId, name: users.name, since: articleLocks.createdAt, expiresAt: articleLocks.expiresAt })
    .from(articleLocks)
    .innerJoin(users, eq(users.id, articleLocks.userId))
    .where(and(eq(articleLocks.articleId, articleId), gt(articleLocks.expiresAt, now)))
    .get();
}

/**
 * Takes or renews the soft lock. Someone else's live lock is kept unless `takeOver`;
 * returns the holder afterwards either way.
 */
export function acquireLock({ articleId, userId, takeOver, now = new Date() }: { articleId: number; userId: number; takeOver: boolean; now?: Date }): LockHolder {
  const db = getDb();
  const expiresAt = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  db.transaction((tx) => {
    const current = tx.select().from(articleLocks).where(eq(articleLocks.articleId, articleId)).get();
    const live = current && current.expiresAt > now;
    if (!current) tx.insert(articleLocks).values({ articleId, userId, expiresAt, createdAt: now, updatedAt: now }).run();
    else if (current.userId === userId && live) tx.update(articleLocks).set({ expiresAt, updatedAt: now }).where(eq(articleLocks.articleId, articleId)).run();
    else if (!live || takeOver)
      tx.update(articleLocks).set({ userId, expiresAt, createdAt: now, updatedAt: now }).where(eq(articleLocks.articleId, articleId)).run();
  });
  return getLiveLock({ articleId, now }) as LockHolder;
}

export function releaseLock({ articleId, userId }: { articleId: number; userId: number }): void {
  getDb()
    .delete(articleLocks)
    .where(and(eq(articleLocks.articleId, articleId), eq(articleLocks.userId, userId)))
    .run();
}

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
