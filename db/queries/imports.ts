import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, getTableColumns, isNull, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { imports, users, type Import } from "@/db/schema";
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

export async function listImports({ limit = 100 }: { limit?: number } = {}): Promise<ImportListRow[]> {
  // The raw bytes and the proposal can be megabytes: a list never loads them.
  const { rawBytes: _raw, proposal: _proposal, ...columns } = getTableColumns(imports);
  return (await getDb()
    .select({ ...columns, createdByName: users.name })
    .from(imports)
    .innerJoin(users, eq(users.id, imports.createdById))
    .orderBy(desc(imports.id))
    .limit(limit));
}

