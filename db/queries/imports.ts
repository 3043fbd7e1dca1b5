import "server-only";
import { createHash } from "node:crypto";
import { and, count, desc, eq, getTableColumns, isNull, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { deleteImportPrintPage } from "@/db/queries/pdf-imports";
import { articles, importWork, importWorkRevisions, imports, users, type Article, type Import } from "@/db/schema";
import { decodeInput } from "@/lib/ingest";
import type { Segmentation } from "@/lib/ingest/types";
import { firstRow, onlyRow } from "@/db/raw";

export type NewImport = Omit<typeof imports.$inferInsert, "id" | "status" | "version" | "createdAt" | "updatedAt">;

export async function insertImport(values: NewImport): Promise<Import> {
  return onlyRow(await getDb().insert(imports).values(values).returning());
}

export type ImportMasthead = Pick<NewImport, "paper" | "issueDate" | "totalIssueNo" | "issueNo" | "pageCount" | "pageNumber" | "pageName">;

/** Stores raw bytes exactly as received, with the engine's reading of them and the masthead they are filed under. */
export async function insertImportOfBytes({
  bytes,
  proposal,
  masthead,
  fileName,
  supersedesId = null,
  createdById,
}: {
  bytes: Uint8Array;
  proposal: Segmentation;
  masthead: ImportMasthead;
  fileName: string | null;
  supersedesId?: number | null;
  createdById: number;
}): Promise<Import> {
  return await insertImport({
    rawBytes: Buffer.from(bytes),
    rawSha256: createHash("sha256").update(bytes).digest("hex"),
    fileName,
    encoding: proposal.encoding,
    format: proposal.format,
    ...masthead,
    articleCount: proposal.articles.length,
    proposal,
    supersedesId,
    createdById,
  });
}

export async function getImportById({ id }: { id: number }): Promise<Import | undefined> {
  return firstRow(await getDb().select().from(imports).where(eq(imports.id, id)));
}

/** The newest import of the same page of the same issue: a new one supersedes it. */
export async function getLatestImportForPage({
  issueDate,
  pageNumber,
}: {
  issueDate: string | null;
  pageNumber: number | null;
}): Promise<Pick<Import, "id" | "createdAt"> | undefined> {
  if (!issueDate) return undefined;
  const page: SQL = pageNumber == null ? isNull(imports.pageNumber) : eq(imports.pageNumber, pageNumber);
  return firstRow(await getDb()
    .select({ id: imports.id, createdAt: imports.createdAt })
    .from(imports)
    .where(and(eq(imports.issueDate, issueDate), page))
    .orderBy(desc(imports.id)));
}

export async function getImportSupersedingId({ id }: { id: number }): Promise<number | undefined> {
  return firstRow(await getDb().select({ id: imports.id }).from(imports).where(eq(imports.supersedesId, id)).orderBy(desc(imports.id)))?.id;
}

export type ImportListRow = Omit<Import, "rawBytes" | "proposal"> & { createdByName: string };

/** Newest first; archived imports only when asked for. */
export async function listImports({ limit = 100, archived = false }: { limit?: number; archived?: boolean } = {}): Promise<ImportListRow[]> {
  // The raw bytes and the proposal can be megabytes: a list never loads them.
  const { rawBytes: _raw, proposal: _proposal, ...columns } = getTableColumns(imports);
  return (await getDb()
    .select({ ...columns, createdByName: users.name })
    .from(imports)
    .innerJoin(users, eq(users.id, imports.createdById))
    .where(archived ? undefined : isNull(imports.archivedAt))
    .orderBy(desc(imports.id))
    .limit(limit));
}

/** How many articles an accepted import made, by their state now. */
export async function countImportArticlesByState({ importId }: { importId: number }): Promise<{ state: Article["state"]; n: number }[]> {
  return (await getDb().select({ state: articles.state, n: count() }).from(articles).where(eq(articles.importId, importId)).groupBy(articles.state));
}

export type MastheadOutcome = { ok: true; item: Import } | { ok: false; reason: "stale"; version: number } | { ok: false; reason: "not_found" };

/**
 * Changes the masthead an import is filed under, at any time before or after accepting: only
 * if nobody changed it since `baseVersion` (the compare and the write are one UPDATE). The
 * audit entry keeps what it was, so every masthead an import had can be read back.
 */
export async function updateImportMasthead({
  id,
  baseVersion,
  masthead,
  actor,
}: {
  id: number;
  baseVersion: number;
  masthead: ImportMasthead;
  actor: { id: number; email: string };
}): Promise<MastheadOutcome> {
  return getDb().transaction(async (tx) => {
    const before = firstRow(await tx.select().from(imports).where(eq(imports.id, id)));
    if (!before) return { ok: false, reason: "not_found" } as const;
    const item = firstRow(await tx
      .update(imports)
      .set({ ...masthead, version: baseVersion + 1, updatedAt: new Date() })
      .where(and(eq(imports.id, id), eq(imports.version, baseVersion)))
      .returning());
    if (!item) return { ok: false, reason: "stale", version: before.version } as const;
    const was = Object.fromEntries(Object.keys(masthead).map((k) => [k, before[k as keyof ImportMasthead]]));
    await insertAuditEntry(
      { actorId: actor.id, actorEmail: actor.email, action: "import.masthead", targetType: "import", targetId: id, detail: { version: item.version, was, now: masthead } },
      tx,
    );
    return { ok: true, item } as const;
  });
}

/** Whether an import made articles: such an import is the articles' source and stays. */
async function hasArticles(db: DbOrTx, importId: number): Promise<boolean> {
  return firstRow(await db.select({ id: articles.id }).from(articles).where(eq(articles.importId, importId)).limit(1)) !== undefined;
}

export type AbandonOutcome = { ok: true } | { ok: false; reason: "not_found" | "accepted" };

/** Hides an abandoned import from the list (or shows it again); nothing of it is changed or lost. */
export async function setImportArchived({ id, archived, actor }: { id: number; archived: boolean; actor: { id: number; email: string } }): Promise<AbandonOutcome> {
  return getDb().transaction(async (tx) => {
    const item = firstRow(await tx.select({ status: imports.status }).from(imports).where(eq(imports.id, id)));
    if (!item) return { ok: false, reason: "not_found" } as const;
    if (archived && (item.status === "accepted" || await hasArticles(tx, id))) return { ok: false, reason: "accepted" } as const;
    await tx.update(imports).set({ archivedAt: archived ? new Date() : null }).where(eq(imports.id, id));
    await insertAuditEntry({ actorId: actor.id, actorEmail: actor.email, action: archived ? "import.archive" : "import.unarchive", targetType: "import", targetId: id }, tx);
    return { ok: true } as const;
  });
}

/**
 * Deletes an abandoned import and its working states. The raw bytes may never be changed, so
 * they are not blanked: the row goes, and its raw text (decoded, with its checksum and masthead)
 * is written into the audit entry first, in the same transaction. An import that made articles
 * is their source and cannot be deleted.
 */
export async function deleteImport({ id, actor }: { id: number; actor: { id: number; email: string } }): Promise<AbandonOutcome> {
  return getDb().transaction(async (tx) => {
    const item = firstRow(await tx.select().from(imports).where(eq(imports.id, id)));
    if (!item) return { ok: false, reason: "not_found" } as const;
    if (item.status === "accepted" || await hasArticles(tx, id)) return { ok: false, reason: "accepted" } as const;
    const bytes = new Uint8Array(item.rawBytes);
    let rawText: string;
    try {
      rawText = decodeInput(bytes, { maxBytes: Number.MAX_SAFE_INTEGER }).text;
    } catch {
      // It was decoded when it was imported; should that ever fail, the bytes themselves are kept.
      rawText = "";
    }
    await insertAuditEntry(
      {
        actorId: actor.id,
        actorEmail: actor.email,
        action: "import.delete",
        targetType: "import",
        targetId: id,
        detail: {
          rawText,
          ...(rawText === "" ? { rawBase64: Buffer.from(bytes).toString("base64") } : {}),
          rawSha256: item.rawSha256,
          fileName: item.fileName,
          encoding: item.encoding,
          masthead: { paper: item.paper, issueDate: item.issueDate, pageNumber: item.pageNumber, pageName: item.pageName },
          createdById: item.createdById,
          createdAt: item.createdAt.toISOString(),
        },
      },
      tx,
    );
    await tx.update(imports).set({ supersedesId: item.supersedesId }).where(eq(imports.supersedesId, id));
    await tx.delete(importWorkRevisions).where(eq(importWorkRevisions.importId, id));
    await tx.delete(importWork).where(eq(importWork.importId, id));
    // A PDF import's page images go with it; the uploaded PDF stays (it is never changed).
    await deleteImportPrintPage(tx, id);
    await tx.delete(imports).where(eq(imports.id, id));
    return { ok: true } as const;
  });
}

