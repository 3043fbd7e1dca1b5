import "server-only";
import { and, eq, inArray, isNotNull, lte } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { insertNotices, listReviewerIds } from "@/db/queries/notifications";
import { applyWorkflowEffects, updateArticleIfVersion, workflowArticleOf, type ArticleChanges } from "@/db/queries/articles";
import { articles, users, type Article } from "@/db/schema";
import { noticesForStep } from "@/lib/desk/notifications";
import { decide, onEdit, type Person, type Refusal, type WorkflowAction } from "@/lib/workflow";

export type StaleArticle = { version: number; savedByName: string | null; savedAt: Date };

export type WriteOutcome =
  | { ok: true; article: Article }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "stale"; stale: StaleArticle }
  | { ok: false; reason: "refused"; refusal: Refusal };

type Actor = Person & { email: string };

function staleOf(db: DbOrTx, article: Article): StaleArticle {
  const by = article.lastEditedById
    ? db.select({ name: users.name }).from(users).where(eq(users.id, article.lastEditedById)).get()
    : undefined;
  return { version: article.version, savedByName: by?.name ?? null, savedAt: article.updatedAt };
}

/**
 * A save: the workflow decides whether this person may edit in this state and what the edit
 * does (e.g. an approved article goes back to review). The save, its revision and its audit
 * row commit together or not at all.
 */
export function saveArticle({
  id,
  baseVersion,
  changes,
  note,
  kind = "save",
  actor,
  ip,
  now = new Date(),
}: {
  id: number;
  baseVersion: number;
  changes: ArticleChanges;
  note: string | null;
  kind?: "save" | "restore";
  actor: Actor;
  ip: string | null;
  now?: Date;
}): WriteOutcome {
  // IMMEDIATE takes the write lock first, waiting up to busy_timeout for another process
  // (a backup, a script) to let go. A deferred transaction that reads first could not wait:
  // its read snapshot would be stale once the other writer commits (SQLITE_BUSY_SNAPSHOT).
  return getDb().transaction((tx) => {
    const current = tx.select().from(articles).where(eq(articles.id, id)).get();
    if (!current) return { ok: false, reason: "not_found" } as const;
    if (current.version !== baseVersion) return { ok: false, reason: "stale", stale: staleOf(tx, current) } as const;
    const decision = onEdit(workflowArticleOf(tx, current), actor, now);
    if (!decision.ok) return { ok: false, reason: "refused", refusal: decision } as const;
    const effects = applyWorkflowEffects(tx, current, decision.effects, { actorId: actor.id, now });
    const article = updateArticleIfVersion(tx, {
      id,
      baseVersion,
      changes: { ...changes, ...effects, state: decision.to, lastEditedById: actor.id },
      info: { kind, note, authorId: actor.id },
      now,
    });
    if (!article) return { ok: false, reason: "stale", stale: staleOf(tx, current) } as const;
    insertAuditEntry(
      {
        actorId: actor.id,
        actorEmail: actor.email,
        action: kind === "restore" ? "article.restore" : "article.save",
        targetType: "article",
        targetId: id,
        detail: { version: article.version, note, ...(decision.to !== current.state ? { from: current.state, to: decision.to } : {}) },
        ip,
      },
      tx,
    );
    return { ok: true, article } as const;
  }, { behavior: "immediate" });
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

function transitionIn(tx: DbOrTx, input: TransitionInput, current: Article): WriteOutcome {
  const now = input.now ?? new Date();
  const actor = input.actor === "system" ? "system" : { id: input.actor.id, role: input.actor.role };
  const decision = decide({
    article: workflowArticleOf(tx, current),
    action: input.action,
    actor,
    now,
    comment: input.comment,
    reason: input.reason,
    publishAt: input.publishAt,
  });
  if (!decision.ok) return { ok: false, reason: "refused", refusal: decision };
  const actorId = input.actor === "system" ? null : input.actor.id;
  const effects = applyWorkflowEffects(tx, current, decision.effects, { actorId, now });
  // A state change is not an edit of the text: it bumps the version (so stale forms notice) without a revision.
  const article = tx
    .update(articles)
    .set({ ...(effects as Partial<Article>), state: decision.to, version: current.version + 1, updatedAt: now })
    .where(and(eq(articles.id, current.id), eq(articles.version, current.version)))
    .returning()
    .get();
  if (!article) return { ok: false, reason: "stale", stale: staleOf(tx, current) };
  insertAuditEntry(
    {
      actorId,
      actorEmail: input.actor === "system" ? "system" : input.actor.email,
      action: `article.${input.action}`,
      targetType: "article",
      targetId: current.id,
      detail: {
        from: current.state,
        to: decision.to,
        ...(input.comment ? { comment: input.comment } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.publishAt ? { publishAt: input.publishAt.toISOString() } : {}),
      },
      ip: input.ip,
    },
    tx,
  );
  const step = { action: input.action, to: decision.to, authorId: current.authorId, actorId, comment: input.comment, reason: input.reason };
  insertNotices(tx, noticesForStep(step, input.action === "submit" ? listReviewerIds(tx) : []), { articleId: current.id, actorId, now });
  return { ok: true, article };
}

/** One workflow step (submit, approve, publish…), decided by lib/workflow, written with its effects and audit row. */
export function transitionArticle(input: TransitionInput): WriteOutcome {
  return getDb().transaction((tx) => {
    const current = tx.select().from(articles).where(eq(articles.id, input.id)).get();
    if (!current) return { ok: false, reason: "not_found" } as const;
    if (current.version !== input.baseVersion) return { ok: false, reason: "stale", stale: staleOf(tx, current) } as const;
    return transitionIn(tx, input, current);
  });
}

/** The scheduler: publishes every scheduled article whose time has come. Safe to run from several places. */
export function publishDueArticles(now = new Date()): number {
  const db = getDb();
  const due = db
    .select()
    .from(articles)
    .where(and(eq(articles.state, "scheduled"), isNotNull(articles.scheduledAt), lte(articles.scheduledAt, now)))
    .all();
  let published = 0;
  for (const article of due) {
    const outcome = db.transaction((tx) =>
      transitionIn(tx, { id: article.id, baseVersion: article.version, action: "publish_scheduled", actor: "system", ip: null, now }, article),
    );
    if (outcome.ok) published += 1;
  }
  return published;
}

/** "Publish issue": every article that is approved or scheduled goes out in one transaction, or none does. */
export function publishArticles({ ids, actor, ip, now = new Date() }: { ids: number[]; actor: Actor; ip: string | null; now?: Date }):
  | { ok: true; published: number }
  | { ok: false; id: number; outcome: Exclude<WriteOutcome, { ok: true }> } {
  const db = getDb();
  try {
    return db.transaction((tx) => {
      const rows = ids.length ? tx.select().from(articles).where(inArray(articles.id, ids)).all() : [];
      let published = 0;
      for (const article of rows) {
        if (article.state === "published") continue;
        const outcome = transitionIn(tx, { id: article.id, baseVersion: article.version, action: "publish", actor, ip, now }, article);
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
