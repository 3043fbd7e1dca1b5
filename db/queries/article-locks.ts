import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { editingStateOf } from "@/db/queries/pending-revisions";
import { articleLocks, articles, users } from "@/db/schema";
import type { Role } from "@/lib/vocabulary";
import { canEditArticle } from "@/lib/workflow";
import { LOCK_SECONDS } from "@/lib/desk/article-lock";
import { firstRow } from "@/db/raw";

/* "Being edited by X since HH:MM": a soft lock that expires; the version check on save is the guarantee. */

export type LockHolder = { userId: number; name: string; since: Date; expiresAt: Date };

/**
 * Whether this role may edit the article in its state now: only such a person may take, renew or
 * take over its lock, and a lock counts only while its holder still may (a reviewer must not push
 * an editor off a draft they cannot edit themselves; an editor who submitted no longer edits it).
 */
async function mayHoldLock(db: DbOrTx, articleId: number, role: Role): Promise<boolean> {
  const article = firstRow(await db.select({ id: articles.id, state: articles.state }).from(articles).where(eq(articles.id, articleId)));
  return article !== undefined && canEditArticle(await editingStateOf(article, db), role);
}

export async function getLiveLock({ articleId, now = new Date() }: { articleId: number; now?: Date }): Promise<LockHolder | undefined> {
  const db = getDb();
  const lock = firstRow(await db
    .select({ userId: articleLocks.userId, role: users.role, name: users.name, since: articleLocks.createdAt, expiresAt: articleLocks.expiresAt })
    .from(articleLocks)
    .innerJoin(users, eq(users.id, articleLocks.userId))
    .where(and(eq(articleLocks.articleId, articleId), gt(articleLocks.expiresAt, now))));
  if (!lock || !await mayHoldLock(db, articleId, lock.role)) return undefined;
  const { role: _role, ...holder } = lock;
  return holder;
}

/**
 * Takes or renews the soft lock. Someone else's live lock is kept unless `takeOver`, and nothing
 * is written for a person whose role may not edit the article in its state. Returns the holder
 * afterwards either way (none when nobody may hold it).
 */
export async function acquireLock({
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
}): Promise<LockHolder | undefined> {
  const db = getDb();
  const expiresAt = new Date(now.getTime() + LOCK_SECONDS * 1000);
  await db.transaction(async (tx) => {
    if (!(await mayHoldLock(tx, articleId, role))) return;
    const current = firstRow(await tx.select().from(articleLocks).where(eq(articleLocks.articleId, articleId)));
    const holderRole = current ? firstRow(await tx.select({ role: users.role }).from(users).where(eq(users.id, current.userId)))?.role : undefined;
    // A lock whose holder may no longer edit (the state moved on) is as good as expired.
    const live = current && current.expiresAt > now && holderRole !== undefined && await mayHoldLock(tx, articleId, holderRole);
    if (!current) await tx.insert(articleLocks).values({ articleId, userId, expiresAt, createdAt: now, updatedAt: now });
    else if (current.userId === userId && live) await tx.update(articleLocks).set({ expiresAt, updatedAt: now }).where(eq(articleLocks.articleId, articleId));
    else if (!live || takeOver)
      await tx.update(articleLocks).set({ userId, expiresAt, createdAt: now, updatedAt: now }).where(eq(articleLocks.articleId, articleId));
  });
  return await getLiveLock({ articleId, now });
}

/** Lets go of the lock: this person's, or (no userId) whoever holds it, e.g. when the article is submitted. */
export async function releaseLock({ articleId, userId }: { articleId: number; userId?: number }): Promise<void> {
  await getDb()
    .delete(articleLocks)
    .where(userId === undefined ? eq(articleLocks.articleId, articleId) : and(eq(articleLocks.articleId, articleId), eq(articleLocks.userId, userId)));
}
