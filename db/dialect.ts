import { sql, type SQL } from "drizzle-orm";
import type { AnyColumn } from "drizzle-orm";
import { databaseEngine } from "../lib/env";

/*
 * The SQL that differs between the engines, each in one place (db/README.md). The engine is fixed
 * for the life of a process (DATABASE_URL), so the fragments are chosen once, at load.
 */

export const onPostgres = databaseEngine() === "postgres";

/** The calendar day (YYYY-MM-DD) of an instant in Beijing time, where Folio's papers are. */
export function beijingDay(instant: SQL): SQL<string> {
  return onPostgres
    ? sql<string>`to_char((${instant}) at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`
    : sql<string>`strftime('%Y-%m-%d', (${instant}) / 1000, 'unixepoch', '+8 hours')`;
}

/** `\`, `%` and `_` taken literally in a LIKE pattern (with `escape '\'`). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The column contains the text, ignoring case (ASCII on SQLite, as its LIKE does; all letters on PostgreSQL). */
export function containsText(column: AnyColumn, text: string): SQL {
  const pattern = `%${likeLiteral(text)}%`;
  return onPostgres ? sql`${column} ilike ${pattern} escape '\\'` : sql`${column} like ${pattern} escape '\\'`;
}

/**
 * A join that keeps the (small) left side as the outer loop: SQLite's CROSS JOIN tells its planner
 * so; PostgreSQL sizes a recursive CTE itself and has no CROSS JOIN … ON.
 */
export const outerLoopJoin = onPostgres ? sql.raw("join") : sql.raw("cross join");

/** drizzle's record of the migrations applied (PostgreSQL keeps it in the schema `drizzle`). */
export const migrationsTable = onPostgres ? sql.raw(`drizzle."__drizzle_migrations"`) : sql.raw(`__drizzle_migrations`);

/** An instant as a bound parameter beside raw SQL (no column to encode it): milliseconds on SQLite, a timestamp on PostgreSQL. */
export function instant(date: Date): Date | number {
  return onPostgres ? date : date.getTime();
}

/** Whether any row of the group is true: `max()` of SQLite's 0/1, `bool_or()` of PostgreSQL's boolean. */
export function anyTrue(column: AnyColumn): SQL<boolean> {
  return onPostgres ? sql<boolean>`bool_or(${column})` : sql<boolean>`max(${column})`;
}
