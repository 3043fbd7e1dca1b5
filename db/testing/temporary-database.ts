import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb } from "@/db";

/*
 * A query test's own SQLite file, migrated like the app's: import this module before anything
 * that opens the database (getDb opens DATABASE_PATH on first use, and each vitest file runs in
 * its own process). No mocked database: the queries run exactly as in the app.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-query-test-"));
process.env.DATABASE_PATH = path.join(dir, "folio.db");

/** For afterAll: closes the connection and deletes the file. */
export async function removeTemporaryDatabase(): Promise<void> {
  await closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
}
