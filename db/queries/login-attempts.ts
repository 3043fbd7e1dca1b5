import "server-only";
import { and, desc, eq, gte } from "drizzle-orm";
import { getDb } from "@/db";
import { loginAttempts } from "@/db/schema";

export function recordLoginAttempt(input: { email: string; success: boolean; ip: string | null }): number {
  return getDb().insert(loginAttempts).values(input).returning({ id: loginAttempts.id }).get().id;
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
