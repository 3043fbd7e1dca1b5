import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { ensurePrivateDir, ensurePrivateFile, keepPrivate } from "@/lib/private-files";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Query functions that may run inside a caller's transaction take this. */
export type DbOrTx = Db | Tx;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * Opens (creating if missing) and migrates the SQLite file. Used by the app and
 * by the scripts, which cannot import the server-only module.
 */
export function openDatabase(file: string, { busyTimeoutMs = 5000 }: { busyTimeoutMs?: number } = {}): Db {
  const resolved = path.resolve(file);
  ensurePrivateDir(path.dirname(resolved));
  // 0600 before SQLite opens it: SQLite creates the -wal and -shm files with the database file's
  // permissions, so they follow. Files of an older install, made under the umask, are narrowed.
  ensurePrivateFile(resolved);
  for (const companion of [`${resolved}-wal`, `${resolved}-shm`]) keepPrivate(companion);
  const sqlite = new Database(resolved);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  // FULL: a commit is on disk (WAL fsynced) before the answer, so an acknowledged save survives a
  // power cut or kernel crash too; NORMAL only survives a process crash. About 0.6 ms a commit here.
  sqlite.pragma("synchronous = FULL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  refreshPlannerStatistics(db);
  return db;
}

/**
 * Table statistics for SQLite's query planner, refreshed only where they are missing or
 * stale (SQLite's advice for long-lived connections: at open, then now and then). Without
 * them the planner takes `state = 'published'` for a selective index and walks the whole
 * archive to find one page's articles. `analysis_limit` keeps each ANALYZE to a sample.
 */
export function refreshPlannerStatistics(db: Db): void {
  db.$client.pragma("analysis_limit = 1000");
  db.$client.pragma("optimize = 0x10002");
}
