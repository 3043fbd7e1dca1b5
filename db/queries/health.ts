import "server-only";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { getDb } from "@/db";
import { MIGRATIONS_FOLDER, refreshPlannerStatistics } from "@/db/connection";

/** True when the file opens and every committed migration has been applied. */
export function isDatabaseReady(): boolean {
  try {
    const db = getDb();
    const applied = db.get<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`)?.n ?? 0;
    return applied >= readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
  } catch (e) {
    console.error("health check failed", e);
    return false;
  }
}

/** Brings the query planner's table statistics up to date where stale (the archive grows all day). */
export function refreshQueryPlannerStatistics(): void {
  refreshPlannerStatistics(getDb());
}
