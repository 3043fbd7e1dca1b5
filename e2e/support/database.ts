import path from "node:path";
import Database from "better-sqlite3";
import type { Db } from "../../db/connection";
import { openPostgres } from "../../db/postgres-engine";
import * as sqliteSchema from "../../db/schema.sqlite";
import { sqliteDrizzle } from "../../db/sqlite-engine";
import { WriteQueue } from "../../db/write-queue";

/*
 * The run's database through the app's own engines (db/README.md): the SQLite file, or the
 * PostgreSQL database when the run serves from one (E2E_DATABASE_URL, see playwright.config.ts).
 * Queries here are written as the app's are, awaited, and work on both engines; so are the
 * arrange/inspect helpers built on it (./db.ts, ./public.ts). Only ./db.ts's openTestDb and
 * withSqliteFile open the SQLite file itself, for the specs about the file (playwright.config.ts).
 */

/** Whether this run serves from PostgreSQL. */
export const onPostgres = Boolean(process.env.DATABASE_URL);

/**
 * Opens the run's database (or `where`: a SQLite file or a postgres:// URL), runs `work` and closes
 * it again, also when `work` throws.
 */
export async function withDatabase<T>(work: (db: Db) => Promise<T>, where?: string): Promise<T> {
  const dir = process.env.FOLIO_E2E_DIR;
  const target = where ?? process.env.DATABASE_URL ?? (dir ? path.join(dir, "folio.db") : undefined);
  if (!target) throw new Error("FOLIO_E2E_DIR is not set: run through playwright.config.ts");
  const db = /^postgres(ql)?:\/\//.test(target) ? openPostgres(target, { poolSize: 1 }) : openSqlite(target);
  try {
    return await work(db);
  } finally {
    await db.$close();
  }
}

/** The server's file as the app opens it (a writer and a query-only reader), but not migrated or analysed: the server did that. */
function openSqlite(file: string): Db {
  const writer = new Database(file, { fileMustExist: true });
  writer.pragma("busy_timeout = 5000");
  writer.pragma("foreign_keys = ON");
  const reader = new Database(file, { fileMustExist: true });
  reader.pragma("busy_timeout = 5000");
  reader.pragma("query_only = ON");
  return sqliteDrizzle({ writer, reader, queue: new WriteQueue() }, sqliteSchema);
}
