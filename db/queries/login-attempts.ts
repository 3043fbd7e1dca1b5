import "server-only";
import { and, eq, gte, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { loginAttempts } from "@/db/schema";
import type { SignInAttempt } from "@/lib/auth/throttle";

/** Attempts older than this matter to nobody: the throttle looks back a day, the audit log keeps the history. */
export const LOGIN_ATTEMPT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export function recordLoginAttempt(input: { email: string; success: boolean; ip: string | null; source: string; knownDevice: boolean }): number {
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

/** One account's attempts (failures and successes) since `since`, as the throttle reads them. */
export function listRecentAttempts({ email, since }: { email: string; since: number }): SignInAttempt[] {
  return getDb()
    .select({ at: loginAttempts.createdAt, source: loginAttempts.source, knownDevice: loginAttempts.knownDevice, success: loginAttempts.success })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), gte(loginAttempts.createdAt, new Date(since))))
    .all()
    .map((r) => ({ ...r, at: r.at.getTime() }));
}
