import "server-only";
import crypto from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { sessions, type Session } from "@/db/schema";
import type { SessionEndReason } from "@/lib/vocabulary";
import { firstRow } from "@/db/raw";

/* Signed-in sessions, one row per sign-in (lib/auth/sessions.ts decides whether one still lives). */

/** Ended and expired sessions are kept this long for the record, then pruned as new ones start. */
export const SESSION_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** The row's key: the cookie's id hashed, so the database never holds one a cookie could carry. */
const rowId = (sessionId: string) => crypto.createHash("sha256").update(sessionId).digest("hex");

/** A new session for a person who just signed in; returns the id the cookie carries. */
export async function startSession({ userId, ip, userAgent, now = new Date() }: { userId: number; ip: string | null; userAgent: string | null; now?: Date }): Promise<string> {
  const sessionId = crypto.randomBytes(32).toString("base64url");
  const db = getDb();
  await db.delete(sessions)
    .where(lt(sessions.createdAt, new Date(now.getTime() - SESSION_RETENTION_MS)));
  await db.insert(sessions)
    .values({ id: rowId(sessionId), userId, lastSeenAt: now, ip, userAgent: userAgent?.slice(0, 300) ?? null, createdAt: now, updatedAt: now });
  return sessionId;
}

export async function getSession({ sessionId }: { sessionId: string }): Promise<Session | undefined> {
  return firstRow(await getDb().select().from(sessions).where(eq(sessions.id, rowId(sessionId))));
}

/** Records a request of the person's own (the idle limit counts from the last one). */
export async function touchSession({ sessionId, now = new Date() }: { sessionId: string; now?: Date }): Promise<void> {
  await getDb()
    .update(sessions)
    .set({ lastSeenAt: now, updatedAt: now })
    .where(and(eq(sessions.id, rowId(sessionId)), isNull(sessions.endedAt)));
}

/** Ends a session for good; true if it was still open. */
export async function endSession({ sessionId, reason, now = new Date() }: { sessionId: string; reason: SessionEndReason; now?: Date }): Promise<boolean> {
  const ended = await getDb()
    .update(sessions)
    .set({ endedAt: now, endReason: reason, updatedAt: now })
    .where(and(eq(sessions.id, rowId(sessionId)), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}
