import "server-only";
import { sql } from "drizzle-orm";
import { openDatabase, type Db, type Tx } from "./connection";
import { openPostgres, type PostgresDb } from "./postgres-engine";
import { env } from "@/lib/env";

// One database per process, kept on globalThis so dev-mode reloads reuse it: the SQLite file (a
// writer and a reader connection) or, with DATABASE_URL, a pool of PostgreSQL connections, migrated
// by whatever started the process (npm start, db:migrate, the test setup).
const holder = globalThis as unknown as { folioDb?: Db; folioSqlite?: ReturnType<typeof openDatabase> };

export function getDb(): Db {
  if (!holder.folioDb) {
    const config = env();
    if (config.DATABASE_URL) holder.folioDb = openPostgres(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE, busyTimeoutMs: config.DB_BUSY_TIMEOUT_MS });
    else holder.folioDb = holder.folioSqlite = openDatabase(config.DATABASE_PATH, { busyTimeoutMs: config.DB_BUSY_TIMEOUT_MS });
  }
  return holder.folioDb;
}

/**
 * A transaction about one article and what hangs on it (its pending revision, revisions, audit
 * entries), as a save is. SQLite: an ordinary transaction (one writer at a time). PostgreSQL: the
 * article's row locked first, at READ COMMITTED, instead of SERIALIZABLE (db/README.md).
 */
export function articleTransaction<T>(articleId: number, work: (tx: Tx) => Promise<T>): Promise<T> {
  const db = getDb();
  // Decided by the database getDb opened, not db/dialect.ts's `onPostgres`: that is fixed when
  // dialect.ts loads, and this module loads before a query test sets DATABASE_URL to its scratch
  // database (db/testing/temporary-database.ts imports it first), so it would read SQLite there.
  if (holder.folioSqlite) return db.transaction(work);
  return (db as PostgresDb).$rowLockedTransaction(sql`select id from articles where id = ${articleId} for update`, work);
}

/** The SQLite writer connection, for SQLite's own housekeeping (planner statistics); none on PostgreSQL. */
export function getSqliteWriter() {
  getDb();
  return holder.folioSqlite?.$client;
}

/** Closes the process's database (tests; a script at its end). */
export async function closeDb(): Promise<void> {
  const db = holder.folioDb;
  holder.folioDb = holder.folioSqlite = undefined;
  await db?.$close();
}

export type { DbOrTx } from "./connection";
