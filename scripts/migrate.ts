import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";

async function main() {
  const where = await migrateDatabase(env());
  console.log(`database ready: ${where}`);
}

void main();
