import { getDb } from "@/db";
import { env } from "@/lib/env";

// Opening the database applies every pending migration.
getDb();
console.log(`database ready: ${env().DATABASE_PATH}`);
