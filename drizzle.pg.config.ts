import { defineConfig } from "drizzle-kit";

// PostgreSQL's migrations (db/README.md); drizzle.config.ts makes SQLite's from the same tables.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.pg.ts",
  out: "./db/migrations-pg",
});
