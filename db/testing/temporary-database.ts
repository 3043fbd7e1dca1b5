import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDb } from "@/db";
import { migratePostgres, openPostgres } from "@/db/postgres-engine";

/*
 * A query test's own database, migrated like the app's: import this module before anything that
 * opens the database (getDb opens it on first use, and each vitest file runs in its own process).
 * No mocked database: the queries run exactly as in the app. A SQLite file by default; with
 * FOLIO_TEST_ENGINE=postgres, a scratch database on the server FOLIO_TEST_POSTGRES_URL names (its
 * user may create databases), so the same tests prove both engines (db/README.md).
 */
const onPostgres = process.env.FOLIO_TEST_ENGINE === "postgres";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-query-test-"));
process.env.DATABASE_PATH = path.join(dir, "folio.db");
const scratch = `folio_test_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;

/** A statement on the test server as its admin user (creating and dropping scratch databases). */
export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.FOLIO_TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

if (onPostgres) {
  const admin = process.env.FOLIO_TEST_POSTGRES_URL;
  if (!admin) throw new Error("FOLIO_TEST_ENGINE=postgres needs FOLIO_TEST_POSTGRES_URL (scripts/postgres-server.sh start prints one)");
  await adminQuery(`create database ${scratch}`);
  const url = new URL(admin);
  url.pathname = `/${scratch}`;
  process.env.DATABASE_URL = url.toString();
  const db = openPostgres(url.toString(), { poolSize: 2 });
  await migratePostgres(db);
  await db.$close();
}

/** For afterAll: closes the connection and deletes the file (or drops the scratch database). */
export async function removeTemporaryDatabase(): Promise<void> {
  await closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
  if (onPostgres) await adminQuery(`drop database if exists ${scratch} with (force)`);
}
