import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { importPageImages, importPages, imports, pdfFiles, type Import, type ImportPage } from "@/db/schema";
import type { Segmentation } from "@/lib/ingest/types";
import type { PageImageVariant } from "@/lib/vocabulary";
import type { ImportMasthead } from "./imports";
import { firstRow, onlyRow } from "@/db/raw";

/**
 * Print PDFs: the file as uploaded, an import per page with its text and layout, each page's
 * images for screens. Everything of one upload is written in one transaction, or nothing.
 */
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

export type NewPdfPage = {
  /** 1-based page index in the file. */
  number: number;
  width: number;
  height: number;
  proposal: Segmentation;
  masthead: ImportMasthead;
  alone: Buffer | null;
  images: { variant: PageImageVariant; width: number; height: number; bytes: Buffer }[];
};

type Actor = { id: number; email: string };

/** The newest import of the same page of the same issue (a new one supersedes it). */
async function latestForPage(db: DbOrTx, m: ImportMasthead): Promise<number | null> {
  if (!m.issueDate) return null;
  const page: SQL = m.pageNumber == null ? isNull(imports.pageNumber) : eq(imports.pageNumber, m.pageNumber);
  const row = (await db.select({ id: imports.id }).from(imports).where(and(eq(imports.issueDate, m.issueDate), page)).orderBy(imports.id)).pop();
  return row?.id ?? null;
}

/** Stores the PDF, one import per page (text, layout, masthead) and the page images; returns the imports in page order. */
export async function insertPdfImport({ bytes, fileName, pageCount, pages, actor }: { bytes: Uint8Array; fileName: string | null; pageCount: number; pages: NewPdfPage[]; actor: Actor }): Promise<{ fileId: number; imports: Import[] }> {
  return getDb().transaction(async (tx) => {
    const file = onlyRow(
      await tx
        .insert(pdfFiles)
        .values({ bytes: Buffer.from(bytes), sha256: sha256(bytes), fileName, pageCount, status: "pages", createdById: actor.id })
        .returning({ id: pdfFiles.id }),
    );
    const created: Import[] = [];
    for (const p of pages) {
      const text = Buffer.from(p.proposal.text, "utf8");
      const supersedesId = await latestForPage(tx, p.masthead);
      const [item] = await tx
        .insert(imports)
        .values({
          rawBytes: text,
          rawSha256: sha256(text),
          fileName,
          encoding: "utf-8",
          format: "pdf",
          ...p.masthead,
          articleCount: p.proposal.articles.length,
          proposal: p.proposal,
          supersedesId,
          pdfFileId: file.id,
          pdfPage: p.number,
          createdById: actor.id,
        })
        .returning();
      if (!item) throw new Error("expected the import back from the database");
      await tx.insert(importPages).values({ importId: item.id, width: p.width, height: p.height, alone: p.alone });
      for (const im of p.images) {
        await tx.insert(importPageImages).values({ importId: item.id, variant: im.variant, width: im.width, height: im.height, bytes: im.bytes, sha256: sha256(im.bytes) });
      }
      await insertAuditEntry(
        {
          actorId: actor.id,
          actorEmail: actor.email,
          action: "import.create",
          targetType: "import",
          targetId: item.id,
          detail: { issueDate: p.masthead.issueDate, page: p.masthead.pageNumber, pdfFile: file.id, pdfPage: p.number, supersedes: supersedesId },
        },
        tx,
      );
      created.push(item);
    }
    await insertAuditEntry(
      { actorId: actor.id, actorEmail: actor.email, action: "import.pdf", targetType: "pdf", targetId: file.id, detail: { fileName, bytes: bytes.length, pages: pageCount, imports: created.map((c) => c.id) } },
      tx,
    );
    return { fileId: file.id, imports: created };
  });
}

/** Keeps a PDF that has no text layer (a scan): nothing can be imported from it until OCR exists. */
export async function insertPdfWithoutText({ bytes, fileName, pageCount, actor }: { bytes: Uint8Array; fileName: string | null; pageCount: number; actor: Actor }): Promise<{ fileId: number }> {
  return getDb().transaction(async (tx) => {
    const file = onlyRow(
      await tx
        .insert(pdfFiles)
        .values({ bytes: Buffer.from(bytes), sha256: sha256(bytes), fileName, pageCount, status: "no_text", createdById: actor.id })
        .returning({ id: pdfFiles.id }),
    );
    await insertAuditEntry({ actorId: actor.id, actorEmail: actor.email, action: "import.pdf_no_text", targetType: "pdf", targetId: file.id, detail: { fileName, bytes: bytes.length, pages: pageCount } }, tx);
    return { fileId: file.id };
  });
}

export type PrintPage = Pick<ImportPage, "importId" | "width" | "height"> & { images: { variant: PageImageVariant; width: number; height: number; sha256: string }[] };

/** A PDF import's printed page: its size and which images it has (not their bytes). */
export async function getImportPrintPage({ importId }: { importId: number }): Promise<PrintPage | undefined> {
  const db = getDb();
  const page = firstRow(await db.select({ importId: importPages.importId, width: importPages.width, height: importPages.height }).from(importPages).where(eq(importPages.importId, importId)));
  if (!page) return undefined;
  const images = await db
    .select({ variant: importPageImages.variant, width: importPageImages.width, height: importPageImages.height, sha256: importPageImages.sha256 })
    .from(importPageImages)
    .where(eq(importPageImages.importId, importId));
  return { ...page, images };
}

export async function getImportPageImage({ importId, variant }: { importId: number; variant: PageImageVariant }): Promise<{ bytes: Buffer; sha256: string } | undefined> {
  return firstRow(
    await getDb()
      .select({ bytes: importPageImages.bytes, sha256: importPageImages.sha256 })
      .from(importPageImages)
      .where(and(eq(importPageImages.importId, importId), eq(importPageImages.variant, variant))),
  );
}

/** The printed page as a PDF: the page alone, or the uploaded file when it was this one page. */
export async function getImportPagePdf({ importId }: { importId: number }): Promise<{ bytes: Buffer; fileName: string | null } | undefined> {
  const db = getDb();
  const row = firstRow(
    await db
      .select({ alone: importPages.alone, fileId: imports.pdfFileId, fileName: imports.fileName })
      .from(importPages)
      .innerJoin(imports, eq(imports.id, importPages.importId))
      .where(eq(importPages.importId, importId)),
  );
  if (!row) return undefined;
  if (row.alone) return { bytes: row.alone, fileName: row.fileName };
  if (row.fileId === null) return undefined;
  const file = firstRow(await db.select({ bytes: pdfFiles.bytes }).from(pdfFiles).where(eq(pdfFiles.id, row.fileId)));
  return file ? { bytes: file.bytes, fileName: row.fileName } : undefined;
}

/** The uploaded PDF an import was read from, and its page in it (to read the page again). */
export async function getPdfOfImport({ importId }: { importId: number }): Promise<{ bytes: Buffer; page: number } | undefined> {
  const row = firstRow(
    await getDb()
      .select({ bytes: pdfFiles.bytes, page: imports.pdfPage })
      .from(imports)
      .innerJoin(pdfFiles, eq(pdfFiles.id, imports.pdfFileId))
      .where(eq(imports.id, importId)),
  );
  return row && row.page !== null ? { bytes: row.bytes, page: row.page } : undefined;
}

/** Deletes what a PDF import keeps of its page (with the import, inside the caller's transaction). */
export async function deleteImportPrintPage(tx: DbOrTx, importId: number): Promise<void> {
  await tx.delete(importPageImages).where(eq(importPageImages.importId, importId));
  await tx.delete(importPages).where(eq(importPages.importId, importId));
}
