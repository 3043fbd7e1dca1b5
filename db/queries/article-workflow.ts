import "server-only";
import { and, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { articleTransaction, getDb, type DbOrTx } from "@/db";
import { onPostgres } from "@/db/dialect";
import { insertAuditEntry } from "@/db/queries/audit";
import {
  applyWorkflowEffects,
  revisionChangesOf,
  updateArticleIfVersion,
  workflowArticleOf,
  type ArticleChanges,
  type RevisionInfo,
} from "@/db/queries/articles";
import { getPendingRevision, workingVersion } from "@/db/queries/pending-revisions";
import { articles, pendingRevisions, users, type Article, type PendingRevision } from "@/db/schema";
import { isoDateInZone } from "@/lib/public/dates";
import type { ArticleState, RevisionState } from "@/lib/vocabulary";
import { decide, onEdit, subjectFor, withCorrectionNote, type Person, type Refusal, type WorkflowAction } from "@/lib/workflow";
import { insertNotices, listReviewerIds } from "@/db/queries/notifications";
import { noticesForStep } from "@/lib/desk/notifications";
import { firstRow, rawRows } from "@/db/raw";

export type StaleArticle = { version: number; savedByName: string | null; savedAt: Date };

export type WriteOutcome =
  | {
      ok: true;
      /** The article as readers see it (a pending revision leaves it untouched). */
      article: Article;
      /** A published story's pending revision after the write (null when there is none, or it went out). */
      revision: PendingRevision | null;
      /** The state of what was written changed (the article's, or its revision's, or a revision began). */
      changedState: boolean;
    }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "stale"; stale: StaleArticle }
  | { ok: false; reason: "refused"; refusal: Refusal };

type Actor = Person & { email: string };

/** Who saved what is there now, for the person whose save was refused as stale. */
async function staleOf(db: DbOrTx, article: Article, revision?: PendingRevision | null): Promise<StaleArticle> {
  const newer = revision && revision.version > article.version ? revision : null;
  const byId = newer ? (newer.lastEditedById ?? newer.startedById) : article.lastEditedById;
  const by = byId ? firstRow(await db.select({ name: users.name }).from(users).where(eq(users.id, byId))) : undefined;
  return { version: workingVersion(article, revision), savedByName: by?.name ?? null, savedAt: newer ? newer.updatedAt : article.updatedAt };
}

export type EditInput = {
  current: Article;
  revision: PendingRevision | undefined;
  changes: ArticleChanges;
  /** For a published story: the reason its revision gives (undefined keeps the one it has). */
  reason?: string | null;
  info: RevisionInfo;
  actor: Actor;
  now: Date;
};

/**
 * An edit, after the caller's version check: the workflow decides whether this person may edit
 * in this state and what the edit does. A draft (or any story not yet published) is written with
 * its revision row; a published story's edit goes into its pending revision, so readers, search
 * and the public page cache see nothing of it until it is published.
 */
export async function editArticleIn(db: DbOrTx, { current, revision, changes, reason, info, actor, now }: EditInput): Promise<WriteOutcome> {
  const version = workingVersion(current, revision);
  // Only a published story is edited through its revision (an unpublished one's waits for reopen).
  const published = current.state === "published";
  const decision = onEdit(await workflowArticleOf(db, current, published ? revision : undefined), actor, now);
  if (!decision.ok) return { ok: false, reason: "refused", refusal: decision };
  if (published) {
    const holder = { ...current, submittedAt: revision?.submittedAt ?? null, editorsSinceSubmit: revision?.editorsSinceSubmit ?? [] };
    const effects = await applyWorkflowEffects(db, holder, decision.effects, { actorId: actor.id, now });
    const values = {
      state: decision.to as RevisionState,
      changes: { ...revision?.changes, ...revisionChangesOf(changes) },
      reason: reason === undefined ? (revision?.reason ?? null) : reason,
      version: version + 1,
      lastEditedById: actor.id,
      submittedAt: effects.submittedAt !== undefined ? effects.submittedAt : (revision?.submittedAt ?? null),
      editorsSinceSubmit: effects.editorsSinceSubmit ?? revision?.editorsSinceSubmit ?? [],
      updatedAt: now,
    };
    const written = revision
      ? firstRow(await db
          .update(pendingRevisions)
          .set(values)
          .where(and(eq(pendingRevisions.articleId, current.id), eq(pendingRevisions.version, revision.version)))
          .returning())
      : firstRow(await db
          .insert(pendingRevisions)
          .values({ ...values, articleId: current.id, startedById: actor.id, createdAt: now })
          .onConflictDoNothing()
          .returning());
    if (!written) return { ok: false, reason: "stale", stale: await staleOf(db, current, await getPendingRevision({ articleId: current.id }, db)) };
    return { ok: true, article: current, revision: written, changedState: written.state !== revision?.state };
  }
  const effects = await applyWorkflowEffects(db, current, decision.effects, { actorId: actor.id, now });
  const article = await updateArticleIfVersion(db, {
    id: current.id,
    baseVersion: current.version,
    version: version + 1,
    changes: { ...changes, ...effects, state: decision.to, lastEditedById: actor.id },
    info,
    now,
  });
  if (!article) return { ok: false, reason: "stale", stale: await staleOf(db, current, revision) };
  return { ok: true, article, revision: revision ?? null, changedState: article.state !== current.state };
}

/**
 * A save: checks the version the editor started from, then editArticleIn. The save, its revision
 * (or the pending revision of a published story) and its audit row commit together or not at all.
 */
export function saveArticle({
  id,
  baseVersion,
  changes,
  reason,
  note,
  kind = "save",
  actor,
  ip,
  now = new Date(),
}: {
  id: number;
  baseVersion: number;
  changes: ArticleChanges;
  /** A published story's reason for changing (its 更正说明); ignored for other states. */
  reason?: string | null;
  note: string | null;
  kind?: "save" | "restore";
  actor: Actor;
  ip: string | null;
  now?: Date;
}): Promise<WriteOutcome> {
  // One article's transaction (db/index.ts): on PostgreSQL its row is locked first.
  return articleTransaction(id, async (tx) => {
    const current = firstRow(await tx.select().from(articles).where(eq(articles.id, id)));
    if (!current) return { ok: false, reason: "not_found" } as const;
    const revision = await getPendingRevision({ articleId: id }, tx);
    if (workingVersion(current, revision) !== baseVersion) return { ok: false, reason: "stale", stale: await staleOf(tx, current, revision) } as const;
    const outcome = await editArticleIn(tx, {
      current,
      revision,
      changes,
      reason: current.state === "published" ? reason : undefined,
      info: { kind, note, authorId: actor.id },
      actor,
      now,
    });
    if (!outcome.ok) return outcome;
    const from = outcome.revision && current.state === "published" ? (revision?.state ?? null) : current.state;
    const to = outcome.revision && current.state === "published" ? outcome.revision.state : outcome.article.state;
    await insertAuditEntry(
      {
        actorId: actor.id,
        actorEmail: actor.email,
        action: kind === "restore" ? "article.restore" : "article.save",
        targetType: "article",
        targetId: id,
        detail: {
          version: workingVersion(outcome.article, outcome.revision),
          note,
          ...(current.state === "published" ? { revision: true } : {}),
          ...(from !== to ? { from, to } : {}),
        },
        ip,
      },
      tx,
    );
    return outcome;
  });
}

export type TransitionInput = {
  id: number;
  baseVersion: number;
  action: WorkflowAction;
  actor: Actor | "system";
  comment?: string;
  reason?: string;
  publishAt?: Date;
  ip: string | null;
  now?: Date;
};

async function auditTransition(tx: DbOrTx, input: TransitionInput, articleId: number, detail: Record<string, unknown>): Promise<void> {
  await insertAuditEntry(
    {
      actorId: input.actor === "system" ? null : input.actor.id,
      actorEmail: input.actor === "system" ? "system" : input.actor.email,
      action: `article.${input.action}`,
      targetType: "article",
      targetId: articleId,
      detail: {
        ...detail,
        ...(input.comment ? { comment: input.comment } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.publishAt ? { publishAt: input.publishAt.toISOString() } : {}),
      },
      ip: input.ip,
    },
    tx,
  );
}

/**
 * Tells the people a step concerns (lib/desk/notifications decides who), in the step's transaction.
 * For a published story's pending revision, its author is whoever began the revision.
 */
async function notifyStep(tx: DbOrTx, input: TransitionInput, step: { articleId: number; authorId: number; to: ArticleState; now: Date }): Promise<void> {
  const actorId = input.actor === "system" ? null : input.actor.id;
  const notices = noticesForStep(
    { action: input.action, to: step.to, authorId: step.authorId, actorId, comment: input.comment, reason: input.reason },
    input.action === "submit" ? await listReviewerIds(tx) : [],
  );
  await insertNotices(tx, notices, { articleId: step.articleId, actorId, now: step.now });
}

/** lib/workflow's decision on a step, for the article or (given) its pending revision. */
async function decideStep(tx: DbOrTx, input: TransitionInput, current: Article, revision: PendingRevision | undefined, now: Date) {
  return decide({
    article: await workflowArticleOf(tx, current, revision),
    action: input.action,
    actor: input.actor === "system" ? "system" : { id: input.actor.id, role: input.actor.role },
    now,
    comment: input.comment,
    reason: input.reason,
    publishAt: input.publishAt,
  });
}

async function transitionIn(tx: DbOrTx, input: TransitionInput, current: Article): Promise<WriteOutcome> {
  const now = input.now ?? new Date();
  const revision = await getPendingRevision({ articleId: current.id }, tx);
  if (subjectFor(input.action, { state: current.state, hasRevision: revision !== undefined }) === "revision" && revision) {
    return transitionRevisionIn(tx, input, current, revision, now);
  }
  const decision = await decideStep(tx, input, current, undefined, now);
  if (!decision.ok) return { ok: false, reason: "refused", refusal: decision };
  const actorId = input.actor === "system" ? null : input.actor.id;
  const effects = await applyWorkflowEffects(tx, current, decision.effects, { actorId, now });
  const version = workingVersion(current, revision) + 1;
  let article: Article | undefined;
  const adopt = revision && decision.effects.some((e) => e.type === "adopt_revision");
  if (adopt) {
    // Reopened with a pending revision: its text becomes the draft's (a revision row), to be reviewed with it.
    article = await updateArticleIfVersion(tx, {
      id: current.id,
      baseVersion: current.version,
      version,
      changes: { ...revision.changes, ...effects, state: decision.to, lastEditedById: revision.lastEditedById ?? revision.startedById },
      info: { kind: "save", note: revision.reason, authorId: revision.lastEditedById ?? revision.startedById },
      now,
    });
    if (article) await tx.delete(pendingRevisions).where(eq(pendingRevisions.articleId, current.id));
  } else {
    // A state change is not an edit of the text: it bumps the version (so stale forms notice) without a revision.
    article = firstRow(await tx
      .update(articles)
      .set({ ...(effects as Partial<Article>), state: decision.to, version, updatedAt: now })
      .where(and(eq(articles.id, current.id), eq(articles.version, current.version)))
      .returning());
  }
  if (!article) return { ok: false, reason: "stale", stale: await staleOf(tx, current, revision) };
  await auditTransition(tx, input, current.id, { from: current.state, to: decision.to, ...(adopt ? { adoptedRevision: true } : {}) });
  await notifyStep(tx, input, { articleId: current.id, authorId: current.authorId, to: decision.to, now });
  return { ok: true, article, revision: adopt ? null : (revision ?? null), changedState: article.state !== current.state };
}

/**
 * A step of a published story's pending revision: submit, review, publish (as a small correction
 * or after approval) or discard. Publishing writes the revision's changes to the article with a
 * revision row (kind "correction", the reason as its note) and, when the words changed, the public
 * 更正 note; the first publication time stays. Nothing else here touches the article row.
 */
async function transitionRevisionIn(tx: DbOrTx, input: TransitionInput, current: Article, revision: PendingRevision, now: Date): Promise<WriteOutcome> {
  const decision = await decideStep(tx, input, current, revision, now);
  if (!decision.ok) return { ok: false, reason: "refused", refusal: decision };
  const actorId = input.actor === "system" ? null : input.actor.id;
  const holder = { ...current, submittedAt: revision.submittedAt, editorsSinceSubmit: revision.editorsSinceSubmit };
  const effects = await applyWorkflowEffects(tx, holder, decision.effects, { actorId, now });
  const version = workingVersion(current, revision) + 1;
  const stale = { ok: false, reason: "stale", stale: await staleOf(tx, current, revision) } as const;
  const ofThisRevision = and(eq(pendingRevisions.articleId, current.id), eq(pendingRevisions.version, revision.version));
  const apply = decision.effects.find((e) => e.type === "apply_revision");
  const detail = { revision: true, from: revision.state, to: decision.to };

  if (apply) {
    const author = revision.lastEditedById ?? revision.startedById;
    const article = await updateArticleIfVersion(tx, {
      id: current.id,
      baseVersion: current.version,
      version,
      changes: {
        ...revision.changes,
        lastEditedById: author,
        ...(apply.correction ? { correction: withCorrectionNote(current.correction, apply.correction, isoDateInZone(now)) } : {}),
      },
      info: { kind: "correction", note: revision.reason, authorId: author },
      now,
    });
    if (!article || (await tx.delete(pendingRevisions).where(ofThisRevision).returning({ id: pendingRevisions.articleId })).length === 0) return stale;
    await auditTransition(tx, input, current.id, { ...detail, to: "published", reason: revision.reason, publicNote: apply.correction !== null });
    await notifyStep(tx, input, { articleId: current.id, authorId: revision.startedById, to: "published", now });
    return { ok: true, article, revision: null, changedState: true };
  }
  if (decision.effects.some((e) => e.type === "drop_revision")) {
    if ((await tx.delete(pendingRevisions).where(ofThisRevision).returning({ id: pendingRevisions.articleId })).length === 0) return stale;
    await auditTransition(tx, input, current.id, { ...detail, to: "published" });
    return { ok: true, article: current, revision: null, changedState: true };
  }
  const written = firstRow(await tx
    .update(pendingRevisions)
    .set({
      state: decision.to as RevisionState,
      version,
      ...(effects.submittedAt !== undefined ? { submittedAt: effects.submittedAt } : {}),
      ...(effects.editorsSinceSubmit !== undefined ? { editorsSinceSubmit: effects.editorsSinceSubmit } : {}),
      updatedAt: now,
    })
    .where(ofThisRevision)
    .returning());
  if (!written) return stale;
  await auditTransition(tx, input, current.id, detail);
  await notifyStep(tx, input, { articleId: current.id, authorId: revision.startedById, to: decision.to, now });
  return { ok: true, article: current, revision: written, changedState: written.state !== revision.state };
}

/** One workflow step (submit, approve, publish…), decided by lib/workflow, written with its effects and audit row. */
export async function transitionArticle(input: TransitionInput): Promise<WriteOutcome> {
  return articleTransaction(input.id, async (tx) => {
    const current = firstRow(await tx.select().from(articles).where(eq(articles.id, input.id)));
    if (!current) return { ok: false, reason: "not_found" } as const;
    const revision = await getPendingRevision({ articleId: current.id }, tx);
    if (workingVersion(current, revision) !== input.baseVersion) return { ok: false, reason: "stale", stale: await staleOf(tx, current, revision) } as const;
    return transitionIn(tx, input, current);
  });
}

/** The key of the scheduler's advisory lock on PostgreSQL ("Folio" 2). */
const SCHEDULER_LOCK = 0x466f6c696f02;

/**
 * The scheduler: publishes every scheduled article whose time has come. Safe to run from several
 * places: each publish is a version-checked transition, so an article goes out once. On
 * PostgreSQL every app process runs the clock, and a tick is one transaction that first takes
 * the scheduler's advisory lock: the process that gets it publishes, the others skip that tick.
 */
export async function publishDueArticles(now = new Date()): Promise<number> {
  const db = getDb();
  if (onPostgres) {
    return db.transaction(async (tx) => {
      const [lock] = await rawRows<{ leader: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${SCHEDULER_LOCK}) as "leader"`);
      if (!lock?.leader) return 0;
      const due = await tx
        .select()
        .from(articles)
        .where(and(eq(articles.state, "scheduled"), isNotNull(articles.scheduledAt), lte(articles.scheduledAt, now)));
      let published = 0;
      for (const article of due) {
        const outcome = await transitionIn(tx, { id: article.id, baseVersion: article.version, action: "publish_scheduled", actor: "system", ip: null, now }, article);
        if (outcome.ok) published += 1;
      }
      return published;
    });
  }
  const due = (await db
    .select()
    .from(articles)
    .where(and(eq(articles.state, "scheduled"), isNotNull(articles.scheduledAt), lte(articles.scheduledAt, now))));
  let published = 0;
  for (const article of due) {
    const outcome = await db.transaction(async (tx) =>
      await transitionIn(tx, { id: article.id, baseVersion: article.version, action: "publish_scheduled", actor: "system", ip: null, now }, article),
    );
    if (outcome.ok) published += 1;
  }
  return published;
}

/** "Publish issue": every article that is approved or scheduled goes out in one transaction, or none does. */
export async function publishArticles({ ids, actor, ip, now = new Date() }: { ids: number[]; actor: Actor; ip: string | null; now?: Date }): Promise<
  { ok: true; published: number } | { ok: false; id: number; outcome: Exclude<WriteOutcome, { ok: true }> }
> {
  const db = getDb();
  try {
    return await db.transaction(async (tx) => {
      const rows = ids.length ? (await tx.select().from(articles).where(inArray(articles.id, ids))) : [];
      let published = 0;
      for (const article of rows) {
        if (article.state === "published") continue;
        const outcome = await transitionIn(tx, { id: article.id, baseVersion: article.version, action: "publish", actor, ip, now }, article);
        if (!outcome.ok) throw new PublishAbort(article.id, outcome);
        published += 1;
      }
      return { ok: true, published } as const;
    });
  } catch (e) {
    if (e instanceof PublishAbort) return { ok: false, id: e.id, outcome: e.outcome };
    throw e;
  }
}

class PublishAbort extends Error {
  constructor(
    readonly id: number,
    readonly outcome: Exclude<WriteOutcome, { ok: true }>,
  ) {
    super("publish aborted");
  }
}
