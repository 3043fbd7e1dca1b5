import path from "node:path";
import Database from "better-sqlite3";
import { drizzle as drizzleSync } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { ensurePrivateDir, ensurePrivateFile, keepPrivate } from "@/lib/private-files";
import * as schema from "./schema.sqlite";
import { sqliteDrizzle, type SqliteDb } from "./sqlite-engine";
import { WriteQueue } from "./write-queue";

/** What every query function is written against (db/README.md): awaited drizzle, the same on both engines. */
export type Db = Omit<SqliteDb, "$client">;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Query functions that may run inside a caller's transaction take this. */
export type DbOrTx = Db | Tx;
export type { SqliteDb };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * Opens (creating if missing) and migrates the SQLite file: the writer connection, then the
 * reader (db/README.md). Used by the app and by the scripts, which cannot import the
 * server-only module.
 */
export function openDatabase(file: string, { busyTimeoutMs = 5000 }: { busyTimeoutMs?: number } = {}): SqliteDb {
  const resolved = path.resolve(file);
  ensurePrivateDir(path.dirname(resolved));
  // 0600 before SQLite opens it: SQLite creates the -wal and -shm files with the database file's
  // permissions, so they follow. Files of an older install, made under the umask, are narrowed.
  ensurePrivateFile(resolved);
  for (const companion of [`${resolved}-wal`, `${resolved}-shm`]) keepPrivate(companion);
  const writer = new Database(resolved);
  writer.pragma("journal_mode = WAL");
  writer.pragma("foreign_keys = ON");
  writer.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  // FULL: a commit is on disk (WAL fsynced) before the answer, so an acknowledged save survives a
  // power cut or kernel crash too; NORMAL only survives a process crash. About 0.6 ms a commit here.
  writer.pragma("synchronous = FULL");
  migrate(drizzleSync(writer, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  refreshPlannerStatistics(writer);
  // The reader only reads (query_only makes a misrouted write fail loudly). In WAL mode it never
  // waits for the writer; busy_timeout covers a restore or checkpoint holding the file.
  const reader = new Database(resolved, { fileMustExist: true });
  reader.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  reader.pragma("query_only = ON");
  return sqliteDrizzle({ writer, reader, queue: new WriteQueue() }, schema);
}

/**
 * Table statistics for SQLite's query planner, refreshed only where they are missing or
 * stale (SQLite's advice for long-lived connections: at open, then now and then). Without
 * them the planner takes `state = 'published'` for a selective index and walks the whole
 * archive to find one page's articles. `analysis_limit` keeps each ANALYZE to a sample.
 */
export function refreshPlannerStatistics(connection: Database.Database): void {
  connection.pragma("analysis_limit = 1000");
  connection.pragma("optimize = 0x10002");
}
