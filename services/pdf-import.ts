import "server-only";
import { getPdfOfImport, insertPdfImport, insertPdfWithoutText } from "@/db/queries/pdf-imports";
import { pdfPageMastheads } from "@/lib/desk/pdf-masthead";
import { importPdf } from "@/lib/pdf/import";
import { openPdf, PdfError, readPage, type PdfErrorCode } from "@/lib/pdf/read";
import { segmentPdf, type PdfSegmentation } from "@/lib/ingest/pdf";
import type { IngestHints } from "@/lib/ingest/types";
import type { ImportMasthead } from "@/lib/validations/imports";

/**
 * An uploaded print PDF becomes imports, one per page, with page images; or a refusal that
 * stores nothing, except for a PDF without a text layer, which is kept (its scan is all the
 * newsroom has of that page) and said plainly: OCR is not supported yet.
 */
export type PdfUploadOutcome =
  | { ok: true; fileId: number; imports: { id: number; pdfPage: number; pageNumber: number | null; articles: number }[]; ms: number }
  | { ok: false; code: PdfErrorCode; pages?: number; fileId?: number };

export async function importPdfUpload({
  bytes,
  fileName,
  form,
  actor,
}: {
  bytes: Uint8Array;
  fileName: string | null;
  form: Partial<ImportMasthead>;
  actor: { id: number; email: string };
}): Promise<PdfUploadOutcome> {
  let read;
  try {
    read = await importPdf(bytes);
  } catch (e) {
    if (!(e instanceof PdfError)) throw e;
    if (e.code === "no_text") {
      return { ok: false, code: "no_text", pages: e.pages ?? undefined, fileId: insertPdfWithoutText({ bytes, fileName, pageCount: e.pages ?? 0, actor }).fileId };
    }
    return { ok: false, code: e.code, pages: e.pages ?? undefined };
  }
  const mastheads = pdfPageMastheads(
    read.pages.map((p) => p.segmentation.masthead),
    form,
  );
  const { fileId, imports } = insertPdfImport({
    bytes,
    fileName,
    pageCount: read.pageCount,
    actor,
    pages: read.pages.map((p, i) => ({
      number: p.number,
      width: p.width,
      height: p.height,
      proposal: p.segmentation,
      masthead: mastheads[i] as ImportMasthead,
      alone: p.alone,
      images: p.images,
    })),
  });
  return {
    ok: true,
    fileId,
    imports: imports.map((item) => ({ id: item.id, pdfPage: item.pdfPage ?? 0, pageNumber: item.pageNumber, articles: item.articleCount })),
    ms: read.ms.total,
  };
}

/**
 * The page of the stored PDF an import was made from, read again (re-running the engine). Null
 * when the import has no PDF. Its text is the import's raw text unless Folio reads PDFs
 * differently since: the caller refuses that (the spans of kept working states point into it).
 */
export async function rereadPdfImport({ importId, hints }: { importId: number; hints: IngestHints }): Promise<PdfSegmentation | null> {
  const pdf = getPdfOfImport({ importId });
  if (!pdf) return null;
  const doc = await openPdf(new Uint8Array(pdf.bytes));
  try {
    return segmentPdf([await readPage(doc, pdf.page)], hints);
  } finally {
    await doc.destroy();
  }
}
