import crypto from "node:crypto";
import { asc, count, sql } from "drizzle-orm";
import { articleRevisions, articles, auditLog } from "../../db/schema";
import type { TestDb } from "./db";

/** What a backup must reproduce exactly: row counts and a digest of every article body, in id order. */
export type DbState = { articles: number; revisions: number; audit: number; bodies: string };

export function databaseState(db: TestDb): DbState {
  const countOf = (table: typeof articles | typeof articleRevisions | typeof auditLog) => db.select({ n: count() }).from(table).get()?.n ?? 0;
  const hash = crypto.createHash("sha256");
  // The body as stored (JSON text), byte for byte.
  for (const row of db.select({ id: articles.id, body: sql<string>`${articles.body}` }).from(articles).orderBy(asc(articles.id)).all()) {
    hash.update(`${row.id}\t${row.body}\n`);
  }
  return { articles: countOf(articles), revisions: countOf(articleRevisions), audit: countOf(auditLog), bodies: hash.digest("hex") };
}

export const sameState = (a: DbState, b: DbState) => a.articles === b.articles && a.revisions === b.revisions && a.audit === b.audit && a.bodies === b.bodies;
