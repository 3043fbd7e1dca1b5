import path from "node:path";
import argon2 from "argon2";
import Database from "better-sqlite3";

/** The run's real SQLite file, opened beside the server to arrange and check state. */
export function openTestDb(): Database.Database {
  const dir = process.env.FOLIO_E2E_DIR;
  if (!dir) throw new Error("FOLIO_E2E_DIR is not set: run through playwright.config.ts");
  const db = new Database(path.join(dir, "folio.db"));
  db.pragma("busy_timeout = 5000");
  return db;
}

export const DEMO_PASSWORD = "folio-demo";

let counter = 0;
/** A fresh user for one test, so tests never depend on each other's changes. */
export async function createTestUser(role: "admin" | "editor" | "reviewer", password = "test-password-123") {
  const email = `${role}-${Date.now()}-${counter++}@test.folio`;
  const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19968, timeCost: 2, parallelism: 1 });
  const db = openTestDb();
  db.prepare("insert into users (email, name, role, password_hash) values (?, ?, ?, ?)").run(email, `测试${role}`, role, hash);
  db.close();
  return { email, password, role };
}

export function auditActions(filter: { action?: string; actorEmail?: string; targetId?: string } = {}): { action: string; actor_email: string | null; target_id: string | null }[] {
  const db = openTestDb();
  const rows = db
    .prepare(
      `select action, actor_email, target_id from audit_log
       where (? is null or action = ?) and (? is null or actor_email = ?) and (? is null or target_id = ?)
       order by id`,
    )
    .all(filter.action ?? null, filter.action ?? null, filter.actorEmail ?? null, filter.actorEmail ?? null, filter.targetId ?? null, filter.targetId ?? null) as {
    action: string;
    actor_email: string | null;
    target_id: string | null;
  }[];
  db.close();
  return rows;
}
