import "server-only";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { getDb, getSqliteWriter } from "@/db";
import { MIGRATIONS_FOLDER, refreshPlannerStatistics } from "@/db/connection";
import { migrationsTable, onPostgres } from "@/db/dialect";
import { PG_MIGRATIONS_FOLDER } from "@/db/postgres-engine";
import { rawRows } from "@/db/raw";

/** True when the file opens and every committed migration has been applied. */
export async function isDatabaseReady(): Promise<boolean> {
  try {
    const [row] = await rawRows<{ n: number }>(getDb(), sql`select count(*) as n from ${migrationsTable}`);
    return Number(row?.n ?? 0) >= readMigrationFiles({ migrationsFolder: onPostgres ? PG_MIGRATIONS_FOLDER : MIGRATIONS_FOLDER }).length;
  } catch (e) {
    console.error("health check failed", e);
    return false;
  }
}

/** Brings the query planner's table statistics up to date where stale (the archive grows all day). */
export function refreshQueryPlannerStatistics(): void {
  // PostgreSQL's autovacuum keeps its own statistics.
  const writer = getSqliteWriter();
  if (writer) refreshPlannerStatistics(writer);
}
