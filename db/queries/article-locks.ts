import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { getDb } from "@/db";
import { articleLocks, users } from "@/db/schema";
import { LOCK_SECONDS } from "@/lib/desk/article-lock";

/* "Being edited by X since HH:MM": a soft lock that expires; the version check on save is the guarantee. */

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
  const expiresAt = new Date(now.getTime() + LOCK_SECONDS * 1000);
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

/** Lets go of the lock: this person's, or (no userId) whoever holds it, e.g. when the article is submitted. */
export function releaseLock({ articleId, userId }: { articleId: number; userId?: number }): void {
  getDb()
    .delete(articleLocks)
    .where(userId === undefined ? eq(articleLocks.articleId, articleId) : and(eq(articleLocks.articleId, articleId), eq(articleLocks.userId, userId)))
    .run();
}
