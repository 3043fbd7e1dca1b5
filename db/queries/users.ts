import "server-only";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users, type User } from "@/db/schema";
import type { Role } from "@/lib/vocabulary";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function getUserById({ id }: { id: number }): User | undefined {
  return getDb().select().from(users).where(eq(users.id, id)).get();
}

export function getUserByEmail({ email }: { email: string }): User | undefined {
  return getDb().select().from(users).where(eq(users.email, normalizeEmail(email))).get();
}

export function listUsers(): User[] {
  return getDb().select().from(users).orderBy(asc(users.email)).all();
}

export function createUser(input: {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  isDemo?: boolean;
}): User {
  return getDb()
    .insert(users)
    .values({ ...input, email: normalizeEmail(input.email), isDemo: input.isDemo ?? false })
    .returning()
    .get();
}

/** Changes that end existing sessions bump sessionVersion in the same statement. */
export function updateUser({
  id,
  changes,
  endSessions,
}: {
  id: number;
  changes: Partial<Pick<User, "name" | "role" | "active" | "passwordHash">>;
  endSessions: boolean;
}): User | undefined {
  return getDb()
    .update(users)
    .set({
      ...changes,
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
      ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
    })
    .where(eq(users.id, id))
    .returning()
    .get();
}

export function countActiveAdmins({ excludingId }: { excludingId?: number } = {}): number {
  const conditions = [eq(users.role, "admin"), eq(users.active, true)];
  if (excludingId !== undefined) conditions.push(ne(users.id, excludingId));
  return getDb().select({ n: count() }).from(users).where(and(...conditions)).get()?.n ?? 0;
}

export function hasActiveDemoUsers(): boolean {
  const row = getDb()
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.isDemo, true), eq(users.active, true)))
    .get();
  return (row?.n ?? 0) > 0;
}
