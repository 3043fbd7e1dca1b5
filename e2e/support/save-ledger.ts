import Database from "better-sqlite3";
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

/**
 * Checks, on the database file itself (server stopped or not), that every acknowledged save is
 * there in full and that no save of these articles is there only in part.
 */
export function checkSaves(dbPath: string, acknowledged: readonly AcknowledgedSave[], articleIds: readonly number[]): LedgerReport {
  const db = new Database(dbPath);
  db.pragma("busy_timeout = 5000");
  try {
    const integrity = (db.pragma("integrity_check", { simple: true }) as string) ?? "no answer";
    const articleOf = db.prepare("select version, body from articles where id = ?");
    const revisionOf = db.prepare("select kind, snapshot from article_revisions where article_id = ? and version = ?");
    const auditOf = db.prepare(
      `select count(*) as n from audit_log
       where action = 'article.save' and target_type = 'article' and target_id = ? and json_extract(detail, '$.version') = ?`,
    );
    const missing: string[] = [];
    for (const save of acknowledged) {
      const what = `article ${save.articleId} v${save.version}`;
      const article = articleOf.get(save.articleId) as { version: number } | undefined;
      if (!article || article.version < save.version) missing.push(`${what}: article is at v${article?.version ?? "?"}`);
      const revision = revisionOf.get(save.articleId, save.version) as { kind: string; snapshot: string } | undefined;
      if (!revision) missing.push(`${what}: no revision`);
      else if (bodyTextHash((JSON.parse(revision.snapshot) as { body: unknown }).body) !== save.textHash) missing.push(`${what}: revision text differs`);
      if ((auditOf.get(String(save.articleId), save.version) as { n: number }).n !== 1) missing.push(`${what}: no single audit row`);
    }

    const halfWritten: string[] = [];
    const inconsistent: string[] = [];
    const ids = JSON.stringify(articleIds);
    const revisionsWithoutAudit = db
      .prepare(
        `select r.article_id as id, r.version from article_revisions r
         where r.kind = 'save' and r.version > 1 and r.article_id in (select value from json_each(?))
           and not exists (select 1 from audit_log a where a.action = 'article.save' and a.target_type = 'article'
                           and a.target_id = cast(r.article_id as text) and json_extract(a.detail, '$.version') = r.version)`,
      )
      .all(ids) as { id: number; version: number }[];
    for (const r of revisionsWithoutAudit) halfWritten.push(`article ${r.id} v${r.version}: revision without audit row`);
    const auditsWithoutRevision = db
      .prepare(
        `select a.target_id as id, json_extract(a.detail, '$.version') as version from audit_log a
         where a.action = 'article.save' and a.target_type = 'article' and a.target_id in (select cast(value as text) from json_each(?))
           and not exists (select 1 from article_revisions r where r.article_id = cast(a.target_id as integer)
                           and r.version = json_extract(a.detail, '$.version') and r.kind = 'save')`,
      )
      .all(ids) as { id: string; version: number }[];
    for (const a of auditsWithoutRevision) halfWritten.push(`article ${a.id} v${a.version}: audit row without revision`);

    // Only saves change these articles, so the row is its latest revision, version and text.
    for (const id of articleIds) {
      const article = articleOf.get(id) as { version: number; body: string } | undefined;
      const latest = db.prepare("select version, snapshot from article_revisions where article_id = ? order by version desc limit 1").get(id) as
        | { version: number; snapshot: string }
        | undefined;
      if (!article || !latest) inconsistent.push(`article ${id}: row or revision missing`);
      else if (article.version !== latest.version) inconsistent.push(`article ${id}: row v${article.version}, latest revision v${latest.version}`);
      else if (bodyTextHash(JSON.parse(article.body)) !== bodyTextHash((JSON.parse(latest.snapshot) as { body: unknown }).body)) {
        inconsistent.push(`article ${id}: row text differs from revision v${latest.version}`);
      }
    }
    return { integrity, acknowledged: acknowledged.length, missing, halfWritten, inconsistent };
  } finally {
    db.close();
  }
}

/** The current version of each article, read from the file (to continue version chains after a restart). */
export function articleVersions(dbPath: string, ids: readonly number[]): Map<number, number> {
  const db = new Database(dbPath, { readonly: false });
  db.pragma("busy_timeout = 5000");
  try {
    const get = db.prepare("select version from articles where id = ?");
    return new Map(ids.map((id) => [id, (get.get(id) as { version: number }).version]));
  } finally {
    db.close();
  }
}
