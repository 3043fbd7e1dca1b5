import "server-only";
import crypto from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { sessions, type Session } from "@/db/schema";
import type { SessionEndReason } from "@/lib/vocabulary";

/* Signed-in sessions, one row per sign-in (lib/auth/sessions.ts decides whether one still lives). */

/** Ended and expired sessions are kept this long for the record, then pruned as new ones start. */
export const SESSION_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** The row's key: the cookie's id hashed, so the database never holds one a cookie could carry. */
const rowId = (sessionId: string) => crypto.createHash("sha256").update(sessionId).digest("hex");

/** A new session for a person who just signed in; returns the id the cookie carries. */
export function startSession({ userId, ip, userAgent, now = new Date() }: { userId: number; ip: string | null; userAgent: string | null; now?: Date }): string {
  const sessionId = crypto.randomBytes(32).toString("base64url");
  const db = getDb();
  db.delete(sessions)
    .where(lt(sessions.createdAt, new Date(now.getTime() - SESSION_RETENTION_MS)))
    .run();
  db.insert(sessions)
    .values({ id: rowId(sessionId), userId, lastSeenAt: now, ip, userAgent: userAgent?.slice(0, 300) ?? null, createdAt: now, updatedAt: now })
    .run();
  return sessionId;
}

export function getSession({ sessionId }: { sessionId: string }): Session | undefined {
  return getDb().select().from(sessions).where(eq(sessions.id, rowId(sessionId))).get();
}

/** Records a request of the person's own (the idle limit counts from the last one). */
export function touchSession({ sessionId, now = new Date() }: { sessionId: string; now?: Date }): void {
  getDb()
    .update(sessions)
    .set({ lastSeenAt: now, updatedAt: now })
    .where(and(eq(sessions.id, rowId(sessionId)), isNull(sessions.endedAt)))
    .run();
}

/** Ends a session for good; true if it was still open. */
export function endSession({ sessionId, reason, now = new Date() }: { sessionId: string; reason: SessionEndReason; now?: Date }): boolean {
  return (
    getDb()
      .update(sessions)
      .set({ endedAt: now, endReason: reason, updatedAt: now })
      .where(and(eq(sessions.id, rowId(sessionId)), isNull(sessions.endedAt)))
      .run().changes > 0
  );
}
