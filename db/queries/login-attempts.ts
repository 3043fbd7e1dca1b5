import "server-only";
import { and, eq, gte, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { loginAttempts } from "@/db/schema";
import type { SignInAttempt } from "@/lib/auth/throttle";
import { onlyRow } from "@/db/raw";

/** Attempts older than this matter to nobody: the throttle looks back a day, the audit log keeps the history. */
export const LOGIN_ATTEMPT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export async function recordLoginAttempt(input: { email: string; success: boolean; ip: string | null; source: string; knownDevice: boolean }): Promise<number> {
  const db = getDb();
  // Pruned as it grows, so a flood of guesses cannot fill the disk (an indexed range delete).
  await db.delete(loginAttempts)
    .where(lt(loginAttempts.createdAt, new Date(Date.now() - LOGIN_ATTEMPT_RETENTION_MS)));
  return onlyRow(await db.insert(loginAttempts).values(input).returning({ id: loginAttempts.id })).id;
}

export async function markLoginAttemptSucceeded({ id }: { id: number }): Promise<void> {
  await getDb().update(loginAttempts).set({ success: true, updatedAt: new Date() }).where(eq(loginAttempts.id, id));
}

/** One account's attempts (failures and successes) since `since`, as the throttle reads them. */
export async function listRecentAttempts({ email, since }: { email: string; since: number }): Promise<SignInAttempt[]> {
  return (await getDb()
    .select({ at: loginAttempts.createdAt, source: loginAttempts.source, knownDevice: loginAttempts.knownDevice, success: loginAttempts.success })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), gte(loginAttempts.createdAt, new Date(since)))))
    .map((r) => ({ ...r, at: r.at.getTime() }));
}
