import { and, count, desc, eq, gt, inArray, notExists, sql } from "drizzle-orm";
import { articleRevisions, articles, auditLog } from "../../db/schema";
import { withTestDb } from "./db";
import { bodyTextHash } from "./live-server";

/** A save the server acknowledged to the client (ok: true with this version). */
export type AcknowledgedSave = { articleId: number; version: number; textHash: string };

export type LedgerReport = {
  integrity: string;
  acknowledged: number;
  /** Acknowledged saves that are not fully in the database, with what is missing. */
  missing: string[];
  /** Rows of one save without the other: a revision without its audit entry, or the reverse. */
  halfWritten: string[];
  /** Articles whose row does not match their latest revision (version or text). */
  inconsistent: string[];
};

/** The version an article.save audit row names (its detail is JSON). */
const auditVersion = sql<number>`json_extract(${auditLog.detail}, '$.version')`;
const isSaveAudit = and(eq(auditLog.action, "article.save"), eq(auditLog.targetType, "article"));

/**
 * Checks, on the database file itself (server stopped or not), that every acknowledged save is
 * there in full and that no save of these articles is there only in part.
 */
export function checkSaves(dbPath: string, acknowledged: readonly AcknowledgedSave[], articleIds: readonly number[]): LedgerReport {
  return withTestDb((db) => {
    const integrity = (db.$client.pragma("integrity_check", { simple: true }) as string) ?? "no answer";
    const articleOf = (id: number) => db.select({ version: articles.version, body: articles.body }).from(articles).where(eq(articles.id, id)).get();
    const revisionOf = (id: number, version: number) =>
      db
        .select({ kind: articleRevisions.kind, snapshot: articleRevisions.snapshot })
        .from(articleRevisions)
        .where(and(eq(articleRevisions.articleId, id), eq(articleRevisions.version, version)))
        .get();
    const auditsOf = (id: number, version: number) =>
      db
        .select({ n: count() })
        .from(auditLog)
        .where(and(isSaveAudit, eq(auditLog.targetId, String(id)), eq(auditVersion, version)))
        .get()?.n ?? 0;
    const missing: string[] = [];
    for (const save of acknowledged) {
      const what = `article ${save.articleId} v${save.version}`;
      const article = articleOf(save.articleId);
      if (!article || article.version < save.version) missing.push(`${what}: article is at v${article?.version ?? "?"}`);
      const revision = revisionOf(save.articleId, save.version);
      if (!revision) missing.push(`${what}: no revision`);
      else if (bodyTextHash(revision.snapshot.body) !== save.textHash) missing.push(`${what}: revision text differs`);
      if (auditsOf(save.articleId, save.version) !== 1) missing.push(`${what}: no single audit row`);
    }

    const halfWritten: string[] = [];
    const inconsistent: string[] = [];
    const revisionsWithoutAudit = db
      .select({ id: articleRevisions.articleId, version: articleRevisions.version })
      .from(articleRevisions)
      .where(
        and(
          eq(articleRevisions.kind, "save"),
          gt(articleRevisions.version, 1),
          inArray(articleRevisions.articleId, [...articleIds]),
          notExists(
            db
              .select({ one: sql`1` })
              .from(auditLog)
              .where(and(isSaveAudit, eq(auditLog.targetId, sql`cast(${articleRevisions.articleId} as text)`), eq(auditVersion, articleRevisions.version))),
          ),
        ),
      )
      .all();
    for (const r of revisionsWithoutAudit) halfWritten.push(`article ${r.id} v${r.version}: revision without audit row`);
    const auditsWithoutRevision = db
      .select({ id: auditLog.targetId, version: auditVersion })
      .from(auditLog)
      .where(
        and(
          isSaveAudit,
          inArray(
            auditLog.targetId,
            articleIds.map((id) => String(id)),
          ),
          notExists(
            db
              .select({ one: sql`1` })
              .from(articleRevisions)
              .where(
                and(
                  eq(articleRevisions.articleId, sql`cast(${auditLog.targetId} as integer)`),
                  eq(articleRevisions.version, auditVersion),
                  eq(articleRevisions.kind, "save"),
                ),
              ),
          ),
        ),
      )
      .all();
    for (const a of auditsWithoutRevision) halfWritten.push(`article ${a.id} v${a.version}: audit row without revision`);

    // Only saves change these articles, so the row is its latest revision, version and text.
    for (const id of articleIds) {
      const article = articleOf(id);
      const latest = db
        .select({ version: articleRevisions.version, snapshot: articleRevisions.snapshot })
        .from(articleRevisions)
        .where(eq(articleRevisions.articleId, id))
        .orderBy(desc(articleRevisions.version))
        .get();
      if (!article || !latest) inconsistent.push(`article ${id}: row or revision missing`);
      else if (article.version !== latest.version) inconsistent.push(`article ${id}: row v${article.version}, latest revision v${latest.version}`);
      else if (bodyTextHash(article.body) !== bodyTextHash(latest.snapshot.body)) {
        inconsistent.push(`article ${id}: row text differs from revision v${latest.version}`);
      }
    }
    return { integrity, acknowledged: acknowledged.length, missing, halfWritten, inconsistent };
  }, dbPath);
}

/** The current version of each article, read from the file (to continue version chains after a restart). */
export function articleVersions(dbPath: string, ids: readonly number[]): Map<number, number> {
  return withTestDb((db) => new Map(ids.map((id) => [id, db.select({ version: articles.version }).from(articles).where(eq(articles.id, id)).get()!.version])), dbPath);
}
