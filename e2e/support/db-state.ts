import crypto from "node:crypto";
import type Database from "better-sqlite3";

/** What a backup must reproduce exactly: row counts and a digest of every article body, in id order. */
export type DbState = { articles: number; revisions: number; audit: number; bodies: string };

export function databaseState(db: Database.Database): DbState {
  const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const hash = crypto.createHash("sha256");
  for (const row of db.prepare("select id, body from articles order by id").iterate() as Iterable<{ id: number; body: string }>) {
    hash.update(`${row.id}\t${row.body}\n`);
  }
  return { articles: count("articles"), revisions: count("article_revisions"), audit: count("audit_log"), bodies: hash.digest("hex") };
}

export const sameState = (a: DbState, b: DbState) => a.articles === b.articles && a.revisions === b.revisions && a.audit === b.audit && a.bodies === b.bodies;
