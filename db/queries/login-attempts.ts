import "server-only";
import { and, desc, eq, gte, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { loginAttempts } from "@/db/schema";

/** Attempts older than this matter to nobody: the throttle looks back 15 minutes, the audit log keeps the history. */
export const LOGIN_ATTEMPT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export function recordLoginAttempt(input: { email: string; success: boolean; ip: string | null }): number {
  const db = getDb();
  // Pruned as it grows, so a flood of guesses cannot fill the disk (an indexed range delete).
  db.delete(loginAttempts)
    .where(lt(loginAttempts.createdAt, new Date(Date.now() - LOGIN_ATTEMPT_RETENTION_MS)))
    .run();
  return db.insert(loginAttempts).values(input).returning({ id: loginAttempts.id }).get().id;
}

export function markLoginAttemptSucceeded({ id }: { id: number }): void {
  getDb().update(loginAttempts).set({ success: true, updatedAt: new Date() }).where(eq(loginAttempts.id, id)).run();
}

/** Failure times (ms) for one email since `since`, newest first. */
export function listRecentFailures({ email, since }: { email: string; since: number }): number[] {
  return getDb()
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.success, false),
        gte(loginAttempts.createdAt, new Date(since)),
      ),
    )
    .orderBy(desc(loginAttempts.createdAt))
    .all()
    .map((r) => r.at.getTime());
}
