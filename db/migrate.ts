import { openDatabase } from "./connection";
import { migratePostgres, openPostgres } from "./postgres-engine";

/**
 * Applies the pending migrations of the configured engine and closes again: the SQLite file
 * (created if missing) or, with DATABASE_URL, the PostgreSQL database. For scripts/migrate.ts and
 * scripts/serve.ts, which cannot import the server-only module. Returns where it was.
 */
export async function migrateDatabase(config: { DATABASE_PATH: string; DATABASE_URL?: string; DB_BUSY_TIMEOUT_MS: number }): Promise<string> {
  if (config.DATABASE_URL) {
    // A migration waits for the locks of transactions under way in processes already serving.
    const db = openPostgres(config.DATABASE_URL, { poolSize: 1, busyTimeoutMs: 60_000 });
    try {
      await migratePostgres(db);
    } finally {
      await db.$close();
    }
    const url = new URL(config.DATABASE_URL);
    url.password = url.password ? "***" : "";
    return url.toString();
  }
  await openDatabase(config.DATABASE_PATH, { busyTimeoutMs: config.DB_BUSY_TIMEOUT_MS }).$close();
  return config.DATABASE_PATH;
}
