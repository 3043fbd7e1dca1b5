import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "./connection";
import { onPostgres } from "./dialect";
import { OBJECT_ROWS } from "./sqlite-engine";

/**
 * Rows of a raw SQL query as plain objects, on either engine (db/README.md). For the few
 * queries drizzle's builder cannot say (recursive jump chains, the search index).
 */
export async function rawRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  if (onPostgres) return (await (db as unknown as { execute: (q: SQL) => Promise<{ rows: T[] }> }).execute(query)).rows;
  return (await db.all<T>(sql.join([sql.raw(OBJECT_ROWS), query]))) as T[];
}

/** The first row of a query's result (what SQLite drivers call `.get()`), or undefined. */
export function firstRow<T>(rows: readonly T[]): T | undefined {
  return rows[0];
}

/** The one row a write with `.returning()` must give back (an insert, or an update that cannot miss). */
export function onlyRow<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error("expected a row back from the database");
  return row;
}
