import "server-only";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users, type User } from "@/db/schema";
import type { Role } from "@/lib/vocabulary";
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
}): Promise<User | undefined> {
  return firstRow(await getDb()
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

export async function countActiveAdmins({ excludingId }: { excludingId?: number } = {}): Promise<number> {
  const conditions = [eq(users.role, "admin"), eq(users.active, true)];
  if (excludingId !== undefined) conditions.push(ne(users.id, excludingId));
  return firstRow(await getDb().select({ n: count() }).from(users).where(and(...conditions)))?.n ?? 0;
}

export async function hasActiveDemoUsers(): Promise<boolean> {
  const row = firstRow(await getDb()
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.isDemo, true), eq(users.active, true))));
  return (row?.n ?? 0) > 0;
}
