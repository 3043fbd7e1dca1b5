import "server-only";
import { openDatabase, type Db } from "./connection";
import { env } from "@/lib/env";

// One database per process (a writer and a reader connection), kept on globalThis so dev-mode reloads reuse it.
const holder = globalThis as unknown as { folioDb?: ReturnType<typeof openDatabase> };

export function getDb(): Db {
  holder.folioDb ??= openDatabase(env().DATABASE_PATH, { busyTimeoutMs: env().DB_BUSY_TIMEOUT_MS });
  return holder.folioDb;
}

/** For housekeeping that is SQLite's own (planner statistics). */
export function getSqliteWriter() {
  getDb();
  return holder.folioDb!.$client;
}

/** Closes the process's database (tests; a script at its end). */
export async function closeDb(): Promise<void> {
  const db = holder.folioDb;
  holder.folioDb = undefined;
  await db?.$close();
}

export type { DbOrTx } from "./connection";
