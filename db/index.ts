import "server-only";
import { openDatabase, type Db } from "./connection";
import { env } from "@/lib/env";

// One connection per process, kept on globalThis so dev-mode reloads reuse it.
const holder = globalThis as unknown as { folioDb?: Db };

export function getDb(): Db {
  holder.folioDb ??= openDatabase(env().DATABASE_PATH, { busyTimeoutMs: env().DB_BUSY_TIMEOUT_MS });
  return holder.folioDb;
}

export type { DbOrTx } from "./connection";
