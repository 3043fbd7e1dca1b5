import { openDatabase } from "@/db/connection";
import { env } from "@/lib/env";

async function main() {
  // Opening the database applies every pending migration.
  await openDatabase(env().DATABASE_PATH, { busyTimeoutMs: env().DB_BUSY_TIMEOUT_MS }).$close();
  console.log(`database ready: ${env().DATABASE_PATH}`);
}

void main();
