import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { editingStateOf } from "@/db/queries/pending-revisions";
import { articleLocks, articles, users } from "@/db/schema";
import type { Role } from "@/lib/vocabulary";
import { canEditArticle } from "@/lib/workflow";
import { LOCK_SECONDS } from "@/lib/desk/article-lock";

/* "Being edited by X since HH:MM": a soft lock that expires; the version check on save is the guarantee. */

export type LockHolder = { userId: number; name: string; since: Date; expiresAt: Date };

/**
 * Whether this role may edit the article in its state now: only such a person may take, renew or
 * take over its lock, and a lock counts only while its holder still may (a reviewer must not push
 * an editor off a draft they cannot edit themselves; an editor who submitted no longer edits it).
 */
function mayHoldLock(db: DbOrTx, articleId: number, role: Role): boolean {
  const article = db.select({ id: articles.id, state: articles.state }).from(articles).where(eq(articles.id, articleId)).get();
  return article !== undefined && canEditArticle(editingStateOf(article, db), role);
}

export function getLiveLock({ articleId, now = new Date() }: { articleId: number; now?: Date }): LockHolder | undefined {
  const db = getDb();
  const lock = db
    .select({ userId: articleLocks.userId, role: users.role, name: users.name, since: articleLocks.createdAt, expiresAt: articleLocks.expiresAt })
    .from(articleLocks)
    .innerJoin(users, eq(users.id, articleLocks.userId))
    .where(and(eq(articleLocks.articleId, articleId), gt(articleLocks.expiresAt, now)))
    .get();
  if (!lock || !mayHoldLock(db, articleId, lock.role)) return undefined;
  const { role: _role, ...holder } = lock;
  return holder;
}

/**
 * Takes or renews the soft lock. Someone else's live lock is kept unless `takeOver`, and nothing
 * is written for a person whose role may not edit the article in its state. Returns the holder
 * afterwards either way (none when nobody may hold it).
 */
export function acquireLock({
  articleId,
  userId,
  role,
  takeOver,
  now = new Date(),
}: {
  articleId: number;
  userId: number;
  role: Role;
  takeOver: boolean;
  now?: Date;
}): LockHolder | undefined {
  const db = getDb();
  const expiresAt = new Date(now.getTime() + LOCK_SECONDS * 1000);
  db.transaction((tx) => {
    if (!mayHoldLock(tx, articleId, role)) return;
    const current = tx.select().from(articleLocks).where(eq(articleLocks.articleId, articleId)).get();
    const holderRole = current ? tx.select({ role: users.role }).from(users).where(eq(users.id, current.userId)).get()?.role : undefined;
    // A lock whose holder may no longer edit (the state moved on) is as good as expired.
    const live = current && current.expiresAt > now && holderRole !== undefined && mayHoldLock(tx, articleId, holderRole);
    if (!current) tx.insert(articleLocks).values({ articleId, userId, expiresAt, createdAt: now, updatedAt: now }).run();
    else if (current.userId === userId && live) tx.update(articleLocks).set({ expiresAt, updatedAt: now }).where(eq(articleLocks.articleId, articleId)).run();
    else if (!live || takeOver)
      tx.update(articleLocks).set({ userId, expiresAt, createdAt: now, updatedAt: now }).where(eq(articleLocks.articleId, articleId)).run();
  });
  return getLiveLock({ articleId, now });
}

/** Lets go of the lock: this person's, or (no userId) whoever holds it, e.g. when the article is submitted. */
export function releaseLock({ articleId, userId }: { articleId: number; userId?: number }): void {
  getDb()
    .delete(articleLocks)
    .where(userId === undefined ? eq(articleLocks.articleId, articleId) : and(eq(articleLocks.articleId, articleId), eq(articleLocks.userId, userId)))
    .run();
}
