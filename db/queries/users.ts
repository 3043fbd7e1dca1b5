import "server-only";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { users, type User } from "@/db/schema";
import type { Role } from "@/lib/vocabulary";
import { removesLastAdmin } from "@/lib/auth/user-rules";
import { firstRow, onlyRow } from "@/db/raw";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function getUserById({ id }: { id: number }): Promise<User | undefined> {
  return firstRow(await getDb().select().from(users).where(eq(users.id, id)));
}

export async function getUserByEmail({ email }: { email: string }): Promise<User | undefined> {
  return firstRow(await getDb().select().from(users).where(eq(users.email, normalizeEmail(email))));
}

export async function listUsers(): Promise<User[]> {
  return (await getDb().select().from(users).orderBy(asc(users.email)));
}

export async function createUser(input: {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  isDemo?: boolean;
}): Promise<User> {
  return onlyRow(await getDb()
    .insert(users)
    .values({ ...input, email: normalizeEmail(input.email), isDemo: input.isDemo ?? false })
    .returning());
}

/** Changes that end existing sessions bump sessionVersion in the same statement. */
export async function updateUser({
  id,
  changes,
  endSessions,
}: {
  id: number;
  changes: Partial<Pick<User, "name" | "role" | "active" | "passwordHash">>;
  endSessions: boolean;
}, db: DbOrTx = getDb()): Promise<User | undefined> {
  return firstRow(await db
    .update(users)
    .set({
      ...changes,
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
      ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
    })
    .where(eq(users.id, id))
    .returning());
}

/**
 * Changes a user's role or whether they may sign in, unless that leaves no active admin. The
 * count and the write are one transaction: two admins demoting each other at once must not both
 * see the other still an admin. SQLite's writer takes one transaction at a time; PostgreSQL's
 * (SERIALIZABLE, db/postgres-engine.ts) refuses the second, which is retried and then sees the first.
 */
export async function updateUserKeepingAnAdmin({
  id,
  changes,
  endSessions,
}: {
  id: number;
  changes: Partial<Pick<User, "role" | "active">>;
  endSessions: boolean;
}): Promise<{ ok: true; before: User; user: User } | { ok: false; reason: "not_found" | "last_admin" }> {
  return getDb().transaction(async (tx) => {
    const before = firstRow(await tx.select().from(users).where(eq(users.id, id)));
    if (!before) return { ok: false, reason: "not_found" } as const;
    if (Object.entries(changes).every(([key, value]) => before[key as keyof typeof changes] === value)) return { ok: true, before, user: before } as const;
    if (removesLastAdmin(before, changes, await countActiveAdmins({ excludingId: id }, tx))) return { ok: false, reason: "last_admin" } as const;
    const user = await updateUser({ id, changes, endSessions }, tx);
    return { ok: true, before, user: user ?? before } as const;
  });
}

export async function countActiveAdmins({ excludingId }: { excludingId?: number } = {}, db: DbOrTx = getDb()): Promise<number> {
  const conditions = [eq(users.role, "admin"), eq(users.active, true)];
  if (excludingId !== undefined) conditions.push(ne(users.id, excludingId));
  return firstRow(await db.select({ n: count() }).from(users).where(and(...conditions)))?.n ?? 0;
}

export async function hasActiveDemoUsers(): Promise<boolean> {
  const row = firstRow(await getDb()
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.isDemo, true), eq(users.active, true))));
  return (row?.n ?? 0) > 0;
}
