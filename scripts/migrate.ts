import { openDatabase } from "@/db/connection";
import { env } from "@/lib/env";

// Opening the database applies every pending migration.
openDatabase(env().DATABASE_PATH, { busyTimeoutMs: env().DB_BUSY_TIMEOUT_MS }).$client.close();
console.log(`database ready: ${env().DATABASE_PATH}`);
