import "server-only";
import { and, desc, eq, like, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import {
  articleApprovals,
  articleComments,
  articleRevisions,
  articles,
  issues,
  pages,
  sections,
  users,
  type Article,
  type ArticleSnapshot,
} from "@/db/schema";
import { articlePhotoProblems, writeArticlePhotos } from "@/db/queries/media";
import { bodyCharCount, bodyPlainText } from "@/lib/article-body";
import type { ArticleBody } from "@/lib/article-body/types";
import { headlineFieldsOf } from "@/lib/ingest/types";
import type { ArticleState, RevisionKind } from "@/lib/vocabulary";
import type { Effect, WorkflowArticle } from "@/lib/workflow";

export type RevisionInfo = { kind: RevisionKind; note?: string | null; authorId: number };

export function articleSnapshot(a: Pick<Article, keyof ArticleSnapshot>): ArticleSnapshot {
  return {
    ...headlineFieldsOf(a),
    sectionId: a.sectionId,
    body: a.body,
  };
}

/** Search text and character count are derived from the body at every write, never sent by a client. */
export function bodyColumns(body: ArticleBody) {
  return { body, bodyText: bodyPlainText(body), charCount: bodyCharCount(body) };
}

function writeRevision(db: DbOrTx, article: Article, info: RevisionInfo): void {
  db.insert(articleRevisions)
    .values({
      articleId: article.id,
      version: article.version,
      kind: info.kind,
      note: info.note ?? null,
      authorId: info.authorId,
      snapshot: articleSnapshot(article),
    })
    .run();
}

export type NewArticle = Omit<
  typeof articles.$inferInsert,
  "id" | "version" | "bodyText" | "charCount" | "createdAt" | "updatedAt" | "body"
> & { body: ArticleBody };

/** A new article and its first revision, in one transaction. */
export function createArticle(values: NewArticle, info: RevisionInfo): Article {
  return getDb().transaction((tx) => insertArticle(tx, values, info));
}

/** Inserts an article and its first revision (call inside a transaction). */
export function insertArticle(db: DbOrTx, values: NewArticle, info: RevisionInfo): Article {
  const article = db
    .insert(articles)
    .values({ ...values, ...bodyColumns(values.body) })
    .returning()
    .get();
  writeRevision(db, article, info);
  writeArticlePhotos(db, article);
  return article;
}

export type ArticleChanges = Partial<Omit<NewArticle, "authorId">>;

/**
 * Writes changes only if the article is still at `baseVersion`, and records the new
 * version as a revision. Returns undefined when someone saved in between.
 */
export function updateArticleIfVersion(
  db: DbOrTx,
  { id, baseVersion, changes, info, now = new Date() }: { id: number; baseVersion: number; changes: ArticleChanges; info: RevisionInfo; now?: Date },
): Article | undefined {
  const { body, ...rest } = changes;
  const article = db
    .update(articles)
    .set({ ...rest, ...(body ? bodyColumns(body) : {}), version: baseVersion + 1, updatedAt: now })
    .where(and(eq(articles.id, id), eq(articles.version, baseVersion)))
    .returning()
    .get();
  if (article) {
    writeRevision(db, article, info);
    if (body) writeArticlePhotos(db, article, now);
  }
  return article;
}

export function getArticleById({ id }: { id: number }, db: DbOrTx = getDb()): Article | undefined {
  return db.select().from(articles).where(eq(articles.id, id)).get();
}

/** The slice of an article the workflow rules need: its section's quota and this round's approvals. */
export function workflowArticleOf(db: DbOrTx, article: Article): WorkflowArticle {
  const section = article.sectionId
    ? db.select({ approvalsRequired: sections.approvalsRequired }).from(sections).where(eq(sections.id, article.sectionId)).get()
    : undefined;
  const approvals = article.submittedAt
    ? db
        .select({ reviewerId: articleApprovals.reviewerId, at: articleApprovals.createdAt })
        .from(articleApprovals)
        .where(and(eq(articleApprovals.articleId, article.id), eq(articleApprovals.round, article.submittedAt)))
        .all()
    : [];
  return {
    state: article.state,
    authorId: article.authorId,
    approvalsRequired: section?.approvalsRequired ?? 1,
    approvals,
    submittedAt: article.submittedAt,
    editorsSinceSubmit: article.editorsSinceSubmit,
    scheduledAt: article.scheduledAt,
    photoProblems: articlePhotoProblems(db, { articleId: article.id }),
  };
}

/** The workflow slice of an article as it stands now (for pages that show what may be done next). */
export function getWorkflowArticle({ article }: { article: Article }): WorkflowArticle {
  return workflowArticleOf(getDb(), article);
}

/**
 * Turns the workflow's effects into column changes (returned, for the caller's versioned update)
 * and side rows (approvals, review comments) written now, in the caller's transaction.
 */
export function applyWorkflowEffects(
  db: DbOrTx,
  article: Article,
  effects: readonly Effect[],
  { actorId, now }: { actorId: number | null; now: Date },
): ArticleChanges {
  const changes: ArticleChanges = {};
  let submittedAt = article.submittedAt;
  let editors = article.editorsSinceSubmit;
  for (const effect of effects) {
    switch (effect.type) {
      case "clear_approvals":
        if (submittedAt) {
          db.delete(articleApprovals)
            .where(and(eq(articleApprovals.articleId, article.id), eq(articleApprovals.round, submittedAt)))
            .run();
        }
        break;
      case "record_approval":
        if (!submittedAt) throw new Error("approval without a review round");
        db.insert(articleApprovals)
          .values({ articleId: article.id, reviewerId: effect.reviewerId, round: submittedAt, createdAt: effect.at })
          .run();
        break;
      case "set_submitted_at":
        submittedAt = effect.at;
        changes.submittedAt = effect.at;
        break;
      case "clear_editors_since_submit":
        editors = [];
        changes.editorsSinceSubmit = editors;
        break;
      case "record_editor":
        if (!editors.includes(effect.userId)) editors = [...editors, effect.userId];
        changes.editorsSinceSubmit = editors;
        break;
      case "record_review_comment":
        if (actorId == null) throw new Error("a review comment needs a person");
        db.insert(articleComments)
          .values({ articleId: article.id, authorId: actorId, kind: "changes_requested", body: effect.comment, createdAt: now, updatedAt: now })
          .run();
        break;
      case "set_published_at":
        changes.publishedAt = effect.at;
        changes.firstPublishedAt = article.firstPublishedAt ?? effect.at;
        changes.scheduledAt = null;
        changes.unpublishedAt = null;
        changes.unpublishReason = null;
        break;
      case "set_scheduled_at":
        changes.scheduledAt = effect.at;
        break;
      case "clear_schedule":
        changes.scheduledAt = null;
        break;
      case "record_unpublish_reason":
        changes.unpublishedAt = now;
        changes.unpublishReason = effect.reason;
        break;
      case "mark_correction_possible":
        // The save form offers the 更正 note; nothing to store until the editor writes one.
        break;
    }
  }
  return changes;
}

export type ArticleListFilters = {
  issueDate?: string;
  pageNumber?: number;
  sectionId?: number;
  state?: ArticleState;
  authorId?: number;
  q?: string;
};

/** The desk's article list, newest change first. */
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
