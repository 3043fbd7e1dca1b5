import Database from "better-sqlite3";
import { and, eq, inArray } from "drizzle-orm";
import { articleRevisions, articles, auditLog } from "../../db/schema";
import { withDatabase } from "./database";
import { bodyTextHash } from "./live-server";

/** A save the server acknowledged to the client (ok: true with this version). */
export type AcknowledgedSave = { articleId: number; version: number; textHash: string };

export type LedgerReport = {
  /** SQLite's integrity_check of the file; "n/a" on PostgreSQL, which keeps its own. */
  integrity: string;
  acknowledged: number;
  /** Acknowledged saves that are not fully in the database, with what is missing. */
  missing: string[];
  /** Rows of one save without the other: a revision without its audit entry, or the reverse. */
  halfWritten: string[];
  /** Articles whose row does not match their latest revision (version or text). */
  inconsistent: string[];
};

/**
 * Checks, on the database itself (a SQLite file, server stopped or not, or a postgres:// URL),
 * that every acknowledged save is there in full and that no save of these articles is there only
 * in part. The rows of these articles are read once and compared here, the same on both engines.
 */
export async function checkSaves(where: string, acknowledged: readonly AcknowledgedSave[], articleIds: readonly number[]): Promise<LedgerReport> {
  const ids = [...articleIds];
  const { rows, revisions, audits } = await withDatabase(async (db) => {
    const rows = await db.select({ id: articles.id, version: articles.version, body: articles.body }).from(articles).where(inArray(articles.id, ids));
    const revisions = await db
      .select({ articleId: articleRevisions.articleId, version: articleRevisions.version, kind: articleRevisions.kind, snapshot: articleRevisions.snapshot })
      .from(articleRevisions)
      .where(inArray(articleRevisions.articleId, ids));
    const audits = await db
      .select({ targetId: auditLog.targetId, detail: auditLog.detail })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "article.save"),
          eq(auditLog.targetType, "article"),
          inArray(
            auditLog.targetId,
            ids.map((id) => String(id)),
          ),
        ),
      );
    return { rows, revisions, audits };
  }, where);
  const integrity = /^postgres(ql)?:\/\//.test(where) ? "n/a" : sqliteIntegrity(where);
  const articleOf = (id: number) => rows.find((r) => r.id === id);
  const revisionOf = (id: number, version: number) => revisions.find((r) => r.articleId === id && r.version === version);
  const auditKey = (id: number | string, version: unknown) => `${id}@${String(version)}`;
  const auditCounts = new Map<string, number>();
  for (const a of audits) {
    const key = auditKey(a.targetId ?? "", (a.detail as { version?: unknown } | null)?.version);
    auditCounts.set(key, (auditCounts.get(key) ?? 0) + 1);
  }

  const missing: string[] = [];
  for (const save of acknowledged) {
    const what = `article ${save.articleId} v${save.version}`;
    const article = articleOf(save.articleId);
    if (!article || article.version < save.version) missing.push(`${what}: article is at v${article?.version ?? "?"}`);
    const revision = revisionOf(save.articleId, save.version);
    if (!revision) missing.push(`${what}: no revision`);
    else if (bodyTextHash(revision.snapshot.body) !== save.textHash) missing.push(`${what}: revision text differs`);
    if (auditCounts.get(auditKey(save.articleId, save.version)) !== 1) missing.push(`${what}: no single audit row`);
  }

  const halfWritten: string[] = [];
  const saves = revisions.filter((r) => r.kind === "save" && r.version > 1);
  for (const r of saves) if (!auditCounts.has(auditKey(r.articleId, r.version))) halfWritten.push(`article ${r.articleId} v${r.version}: revision without audit row`);
  const saved = new Set(saves.map((r) => auditKey(r.articleId, r.version)));
  for (const key of auditCounts.keys()) if (!saved.has(key)) halfWritten.push(`article ${key.replace("@", " v")}: audit row without revision`);

  // Only saves change these articles, so the row is its latest revision, version and text.
  const inconsistent: string[] = [];
  for (const id of ids) {
    const article = articleOf(id);
    const latest = revisions.filter((r) => r.articleId === id).sort((a, b) => b.version - a.version)[0];
    if (!article || !latest) inconsistent.push(`article ${id}: row or revision missing`);
    else if (article.version !== latest.version) inconsistent.push(`article ${id}: row v${article.version}, latest revision v${latest.version}`);
    else if (bodyTextHash(article.body) !== bodyTextHash(latest.snapshot.body)) inconsistent.push(`article ${id}: row text differs from revision v${latest.version}`);
  }
  return { integrity, acknowledged: acknowledged.length, missing, halfWritten, inconsistent };
}

function sqliteIntegrity(file: string): string {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 5000");
    return (sqlite.pragma("integrity_check", { simple: true }) as string) ?? "no answer";
  } finally {
    sqlite.close();
  }
}

/** The current version of each article (to continue version chains after a restart). */
export async function articleVersions(where: string, ids: readonly number[]): Promise<Map<number, number>> {
  const rows = await withDatabase(async (db) => db.select({ id: articles.id, version: articles.version }).from(articles).where(inArray(articles.id, [...ids])), where);
  return new Map(rows.map((r) => [r.id, r.version]));
}
