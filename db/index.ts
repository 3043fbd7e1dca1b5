import "server-only";
import { openDatabase, type Db } from "./connection";
import { openPostgres } from "./postgres-engine";
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
