import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
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
  type PendingRevision,
  type RevisionChanges,
} from "@/db/schema";
import { getPendingRevision } from "@/db/queries/pending-revisions";
import { articlePhotoProblems, photoProblemsOfBody, writeArticlePhotos } from "@/db/queries/media";
import { bodyCharCount, bodyPlainText } from "@/lib/article-body";
import type { ArticleBody } from "@/lib/article-body/types";
import { PRINTED_FIELD_KEYS } from "@/lib/article-fields";
import { headlineFieldsOf } from "@/lib/ingest/types";
import { planSearch, type SearchPlan } from "@/lib/public/search";
import { matchingArticleIds } from "@/db/queries/full-text";
import type { ArticleState, RevisionKind } from "@/lib/vocabulary";
import { measureChange, type Effect, type WorkflowArticle } from "@/lib/workflow";
import { firstRow, onlyRow } from "@/db/raw";
import type { PrintFilters } from "@/lib/desk/print-filters";

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

async function writeRevision(db: DbOrTx, article: Article, info: RevisionInfo): Promise<void> {
  await db.insert(articleRevisions)
    .values({
      articleId: article.id,
      version: article.version,
      kind: info.kind,
      note: info.note ?? null,
      authorId: info.authorId,
      snapshot: articleSnapshot(article),
    });
}

export type NewArticle = Omit<
  typeof articles.$inferInsert,
  "id" | "version" | "bodyText" | "charCount" | "createdAt" | "updatedAt" | "body"
> & { body: ArticleBody };

/** A new article and its first revision, in one transaction. */
export async function createArticle(values: NewArticle, info: RevisionInfo): Promise<Article> {
  return getDb().transaction(async (tx) => await insertArticle(tx, values, info));
}

/** Inserts an article and its first revision (call inside a transaction). */
export async function insertArticle(db: DbOrTx, values: NewArticle, info: RevisionInfo): Promise<Article> {
  const article = onlyRow(await db
    .insert(articles)
    .values({ ...values, ...bodyColumns(values.body) })
    .returning());
  await writeRevision(db, article, info);
  await writeArticlePhotos(db, article);
  return article;
}

export type ArticleChanges = Partial<Omit<NewArticle, "authorId">>;

/**
 * Writes changes only if the article is still at `baseVersion`, and records the new version
 * (`baseVersion + 1` unless a pending revision took the working version further: pending-revisions.ts)
 * as a revision. Returns undefined when someone saved in between.
 */
export async function updateArticleIfVersion(
  db: DbOrTx,
  {
    id,
    baseVersion,
    version = baseVersion + 1,
    changes,
    info,
    now = new Date(),
  }: { id: number; baseVersion: number; version?: number; changes: ArticleChanges; info: RevisionInfo; now?: Date },
): Promise<Article | undefined> {
  const { body, ...rest } = changes;
  const article = firstRow(await db
    .update(articles)
    .set({ ...rest, ...(body ? bodyColumns(body) : {}), version, updatedAt: now })
    .where(and(eq(articles.id, id), eq(articles.version, baseVersion)))
    .returning());
  if (article) {
    await writeRevision(db, article, info);
    if (body) await writeArticlePhotos(db, article, now);
  }
  return article;
}

export async function getArticleById({ id }: { id: number }, db: DbOrTx = getDb()): Promise<Article | undefined> {
  return firstRow(await db.select().from(articles).where(eq(articles.id, id)));
}

/** The columns a published story's pending revision may change (db/schema.ts RevisionChanges). */
const REVISION_COLUMNS: readonly (keyof RevisionChanges)[] = [...PRINTED_FIELD_KEYS, "sectionId", "language", "jumpToPage", "jumpFromPage", "rawSpans", "body"];

/** Of an edit's changes, those a pending revision holds (placement and workflow columns are not the revision's). */
export function revisionChangesOf(changes: ArticleChanges): RevisionChanges {
  const out: Record<string, unknown> = {};
  for (const key of REVISION_COLUMNS) if (changes[key] !== undefined) out[key] = changes[key];
  return out as RevisionChanges;
}

/** The article as its pending revision would make it (search text and count derived from the body, as at every write). */
export function revisedArticle(article: Article, revision: Pick<PendingRevision, "changes">): Article {
  const { body, ...rest } = revision.changes;
  return { ...article, ...rest, ...(body ? bodyColumns(body) : {}) } as Article;
}

async function approvalsOf(db: DbOrTx, articleId: number, round: Date | null) {
  return round
    ? (await db
        .select({ reviewerId: articleApprovals.reviewerId, at: articleApprovals.createdAt })
        .from(articleApprovals)
        .where(and(eq(articleApprovals.articleId, articleId), eq(articleApprovals.round, round))))
    : [];
}

async function quotaOf(db: DbOrTx, sectionId: number | null): Promise<number> {
  const section = sectionId ? firstRow(await db.select({ approvalsRequired: sections.approvalsRequired }).from(sections).where(eq(sections.id, sectionId))) : undefined;
  return section?.approvalsRequired ?? 1;
}

/**
 * The slice of an article the workflow rules need: its section's quota and this round's approvals.
 * With its pending revision, the revision's own slice instead (subject "revision"): its state,
 * round, approvals and text, who began it, its reason, how far it is from the published story,
 * and the quota of the stricter of the story's section and the one the revision moves it to.
 */
export async function workflowArticleOf(db: DbOrTx, article: Article, revision?: PendingRevision): Promise<WorkflowArticle> {
  if (revision) {
    const revised = revisedArticle(article, revision);
    return {
      subject: "revision",
      state: revision.state,
      authorId: revision.startedById,
      approvalsRequired: Math.max(await quotaOf(db, article.sectionId), await quotaOf(db, revised.sectionId)),
      approvals: await approvalsOf(db, article.id, revision.submittedAt),
      submittedAt: revision.submittedAt,
      editorsSinceSubmit: revision.editorsSinceSubmit,
      title: revised.title,
      bodyText: revised.bodyText,
      reason: revision.reason,
      change: measureChange(article, revised),
      // The revision's photos, not the published text's: approving it publishes them.
      photoProblems: await photoProblemsOfBody(db, revised.body as ArticleBody),
    };
  }
  return {
    state: article.state,
    authorId: article.authorId,
    approvalsRequired: await quotaOf(db, article.sectionId),
    approvals: await approvalsOf(db, article.id, article.submittedAt),
    submittedAt: article.submittedAt,
    editorsSinceSubmit: article.editorsSinceSubmit,
    scheduledAt: article.scheduledAt,
    title: article.title,
    bodyText: article.bodyText,
    hasRevision: await getPendingRevision({ articleId: article.id }, db) !== undefined,
    photoProblems: await articlePhotoProblems(db, { articleId: article.id }),
  };
}

/** The workflow slice of an article (or of its pending revision) as it stands now, for pages that show what may be done next. */
export async function getWorkflowArticle({ article, revision }: { article: Article; revision?: PendingRevision }): Promise<WorkflowArticle> {
  return await workflowArticleOf(getDb(), article, revision);
}

/**
 * Turns the workflow's effects into column changes (returned, for the caller's versioned update)
 * and side rows (approvals, review comments) written now, in the caller's transaction.
 */
export async function applyWorkflowEffects(
  db: DbOrTx,
  article: Article,
  effects: readonly Effect[],
  { actorId, now }: { actorId: number | null; now: Date },
): Promise<ArticleChanges> {
  const changes: ArticleChanges = {};
  let submittedAt = article.submittedAt;
  let editors = article.editorsSinceSubmit;
  for (const effect of effects) {
    switch (effect.type) {
      case "clear_approvals":
        if (submittedAt) {
          await db.delete(articleApprovals)
            .where(and(eq(articleApprovals.articleId, article.id), eq(articleApprovals.round, submittedAt)));
        }
        break;
      case "record_approval":
        if (!submittedAt) throw new Error("approval without a review round");
        await db.insert(articleApprovals)
          .values({ articleId: article.id, reviewerId: effect.reviewerId, round: submittedAt, createdAt: effect.at });
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
        await db.insert(articleComments)
          .values({ articleId: article.id, authorId: actorId, kind: "changes_requested", body: effect.comment, createdAt: now, updatedAt: now });
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
      case "start_revision":
      case "apply_revision":
      case "drop_revision":
      case "adopt_revision":
        // The pending revision's own row: written by the save and the workflow steps (article-workflow.ts).
        break;
    }
  }
  return changes;
}

export type ArticleListFilters = PrintFilters & {
  state?: ArticleState;
  authorId?: number;
  /** Full text over every article whatever its state (the desk's own index, never the reader's). */
  q?: string;
};

export type DeskArticleListRow = {
  id: number;
  state: ArticleState;
  title: string;
  kicker: string | null;
  byline: string | null;
  version: number;
  updatedAt: Date;
  issueDate: string | null;
  pageNumber: number | null;
  position: number;
  sectionId: number | null;
  sectionName: string | null;
  authorId: number;
  authorName: string;
};

export type DeskArticleList = {
  rows: DeskArticleListRow[];
  /** How many articles match in all, of which `rows` are the first `limit`. */
  total: number;
  /** The search plan's terms, to mark hits; empty without a query. */
  terms: string[];
  /** Body text of the listed rows, for snippets: only when searching. */
  texts: Map<number, string>;
};

/** How a query's terms pick articles: the desk's own index (the bench passes a LIKE scan to compare against). */
export type DeskMatch = (plan: Exclude<SearchPlan, { kind: "empty" }>) => SQL;

const byDeskIndex: DeskMatch = (plan) => sql`${articles.id} in (${matchingArticleIds("desk", plan)})`;

/**
 * The desk's article list and search, newest change first: every filter narrows, and a query
 * matches its terms anywhere in the headline stack, byline or body, whatever the state.
 * Two steps: the matching ids in order (and how many match), touching the issue and page
 * only when a filter names them; then the listed rows with their names.
 */
export async function listDeskArticles(filters: ArticleListFilters, { limit = 200, match = byDeskIndex }: { limit?: number; match?: DeskMatch } = {}): Promise<DeskArticleList> {
  const where: SQL[] = [];
  if (filters.issueDate) where.push(sql`${articles.issueId} = (select ${issues.id} from ${issues} where ${issues.date} = ${filters.issueDate})`);
  if (filters.pageNumber) where.push(sql`${articles.pageId} in (select ${pages.id} from ${pages} where ${pages.number} = ${filters.pageNumber})`);
  if (filters.sectionId) where.push(eq(articles.sectionId, filters.sectionId));
  if (filters.state) where.push(eq(articles.state, filters.state));
  if (filters.authorId) where.push(eq(articles.authorId, filters.authorId));
  const plan = planSearch(filters.q ?? "");
  if (plan.kind !== "empty") where.push(match(plan));
  const db = getDb();
  const ordered = (await db
    .select({ id: articles.id, total: sql<number>`count(*) over ()` })
    .from(articles)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(limit));
  const total = ordered[0]?.total ?? 0;
  const ids = ordered.map((r) => r.id);
  if (ids.length === 0) return { rows: [], total, terms: plan.kind === "empty" ? [] : plan.terms, texts: new Map() };
  const found = (await db
    .select({
      id: articles.id,
      state: articles.state,
      title: articles.title,
      kicker: articles.kicker,
      byline: articles.byline,
      version: articles.version,
      updatedAt: articles.updatedAt,
      issueDate: issues.date,
      pageNumber: pages.number,
      position: articles.position,
      sectionId: articles.sectionId,
      sectionName: sections.name,
      authorId: articles.authorId,
      authorName: users.name,
      ...(plan.kind === "empty" ? {} : { text: articles.bodyText }),
    })
    .from(articles)
    .leftJoin(issues, eq(issues.id, articles.issueId))
    .leftJoin(pages, eq(pages.id, articles.pageId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(users, eq(users.id, articles.authorId))
    .where(inArray(articles.id, ids)));
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows: DeskArticleListRow[] = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { text: _text, ...rest } = row as typeof row & { text?: string };
    return [rest];
  });
  const texts = new Map(found.flatMap((r) => ("text" in r && typeof r.text === "string" ? [[r.id, r.text] as const] : [])));
  return { rows, total, terms: plan.kind === "empty" ? [] : plan.terms, texts };
}
