import "server-only";
import { aliasedTable, and, asc, count, desc, eq, gte, inArray, isNull } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { articles, notifications, users, type Notification } from "@/db/schema";
import type { Notice } from "@/lib/desk/notifications";
import { firstRow } from "@/db/raw";

/**
 * Who hears that a story was handed in: every active reviewer, or the admins when the newsroom
 * has no reviewer (someone must be told). Read in the caller's transaction.
 */
export async function listReviewerIds(db: DbOrTx = getDb()): Promise<number[]> {
  const active = async (role: "reviewer" | "admin") =>
    (await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, role), eq(users.active, true))))
      .map((u) => u.id);
  const reviewers = await active("reviewer");
  return reviewers.length > 0 ? reviewers : await active("admin");
}

/** Writes the notices of one change, in the caller's transaction (the change and its notices commit together). */
export async function insertNotices(db: DbOrTx, notices: readonly Notice[], { articleId, actorId, now }: { articleId: number; actorId: number | null; now: Date }): Promise<void> {
  if (notices.length === 0) return;
  await db.insert(notifications)
    .values(notices.map((n) => ({ recipientId: n.recipientId, kind: n.kind, note: n.note, articleId, actorId, createdAt: now, updatedAt: now })));
}

/** Writes the notices of one change on its own (a lock taken over, which has no transaction of its own). */
export async function recordNotices(notices: readonly Notice[], at: { articleId: number; actorId: number | null; now?: Date }): Promise<void> {
  await insertNotices(getDb(), notices, { ...at, now: at.now ?? new Date() });
}

export async function countUnreadNotifications({ userId }: { userId: number }): Promise<number> {
  return (
    firstRow(await getDb()
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.recipientId, userId), isNull(notifications.readAt))))?.n ?? 0
  );
}

export type NotificationRow = Pick<Notification, "id" | "kind" | "note" | "articleId" | "readAt" | "createdAt"> & {
  articleTitle: string;
  actorName: string | null;
};

const actor = aliasedTable(users, "actor");

/** What a notice says: its kind and words, its story's title and who did it. */
const noticeColumns = {
  id: notifications.id,
  kind: notifications.kind,
  note: notifications.note,
  articleId: notifications.articleId,
  articleTitle: articles.title,
  actorName: actor.name,
};

/** A person's notifications, newest first (unread ones only when asked). */
export async function listNotifications({ userId, unreadOnly = false, limit = 50 }: { userId: number; unreadOnly?: boolean; limit?: number }): Promise<NotificationRow[]> {
  return (await getDb()
    .select({ ...noticeColumns, readAt: notifications.readAt, createdAt: notifications.createdAt })
    .from(notifications)
    .innerJoin(articles, eq(articles.id, notifications.articleId))
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .where(and(eq(notifications.recipientId, userId), unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit));
}

/** Marks one of the person's own notifications read; returns it (to follow its link), or undefined if it is not theirs. */
export async function markNotificationRead({ id, userId, now = new Date() }: { id: number; userId: number; now?: Date }): Promise<Notification | undefined> {
  const db = getDb();
  const own = and(eq(notifications.id, id), eq(notifications.recipientId, userId));
  await db.update(notifications).set({ readAt: now, updatedAt: now }).where(and(own, isNull(notifications.readAt)));
  return firstRow(await db.select().from(notifications).where(own));
}

/** Marks all of the person's notifications read (or the ones listed); returns how many were unread. */
export async function markNotificationsRead({ userId, ids, now = new Date() }: { userId: number; ids?: readonly number[]; now?: Date }): Promise<number> {
  const read = await getDb()
    .update(notifications)
    .set({ readAt: now, updatedAt: now })
    .where(and(eq(notifications.recipientId, userId), isNull(notifications.readAt), ids ? inArray(notifications.id, [...ids]) : undefined))
    .returning({ id: notifications.id });
  return read.length;
}

export type UnsentNotice = Pick<Notification, "id" | "kind" | "note" | "articleId"> & {
  articleTitle: string;
  actorName: string | null;
  recipientEmail: string;
  recipientName: string;
};

const recipient = aliasedTable(users, "recipient");

/** Notices not yet e-mailed, oldest first, made since `since` (older ones are not news any more), to active people only. */
export async function listUnsentNotices({ since, limit = 50 }: { since: Date; limit?: number }): Promise<UnsentNotice[]> {
  return (await getDb()
    .select({ ...noticeColumns, recipientEmail: recipient.email, recipientName: recipient.name })
    .from(notifications)
    .innerJoin(articles, eq(articles.id, notifications.articleId))
    .innerJoin(recipient, eq(recipient.id, notifications.recipientId))
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .where(and(isNull(notifications.emailedAt), gte(notifications.createdAt, since), eq(recipient.active, true)))
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .limit(limit));
}

export async function markNoticeEmailed({ id, at = new Date() }: { id: number; at?: Date }): Promise<void> {
  await getDb().update(notifications).set({ emailedAt: at }).where(eq(notifications.id, id));
}
