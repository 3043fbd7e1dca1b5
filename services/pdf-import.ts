import "server-only";
import { getImportById } from "@/db/queries/imports";
import { getPdfOfImport, insertPdfImport, insertPdfWithoutText } from "@/db/queries/pdf-imports";
import { proposalOf } from "@/lib/desk/import-text";
import { pdfPageMastheads } from "@/lib/desk/pdf-masthead";
import { importPdf } from "@/lib/pdf/import";
import { openPdf, PdfError, readPage, type PdfErrorCode } from "@/lib/pdf/read";
import { segmentPdf, type PdfSegmentation } from "@/lib/ingest/pdf";
import type { IngestHints } from "@/lib/ingest/types";
import type { ImportMasthead } from "@/lib/validations/imports";
import { PhotoRefused } from "@/lib/media/refusals";
import { addPhoto } from "./media/library";

/**
 * An uploaded print PDF becomes imports, one per page, with page images; or a refusal that
 * stores nothing, except for a PDF without a text layer, which is kept (its scan is all the
 * newsroom has of that page) and said plainly: OCR is not supported yet.
 */
export type PdfUploadOutcome =
  | { ok: true; fileId: number; imports: { id: number; pdfPage: number; pageNumber: number | null; articles: number }[]; photos: number; ms: number }
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
      return { ok: false, code: "no_text", pages: e.pages ?? undefined, fileId: (await insertPdfWithoutText({ bytes, fileName, pageCount: e.pages ?? 0, actor })).fileId };
    }
    return { ok: false, code: e.code, pages: e.pages ?? undefined };
  }
  // The photos of its stories go to the media library first (the library keeps one copy of a
  // file, so a retry after a failed write below finds them there), with the captions printed
  // under them; each is named on the page's layout for the workbench to attach to its caption.
  const base = (fileName ?? "print").replace(/\.pdf$/i, "");
  let photos = 0;
  for (const page of read.pages) {
    for (const [k, photo] of page.photos.entries()) {
      const image = page.segmentation.layout.images[photo.image];
      if (!image || photo.article === null) continue;
      try {
        const { media } = await addPhoto({ bytes: photo.jpeg, fileName: `${base}-p${page.number}-${k + 1}.jpg`, caption: photo.caption ?? "", uploadedById: actor.id });
        image.mediaId = media.id;
        photos++;
      } catch (e) {
        // A picture the library refuses (too small to be a photo, damaged) stays only on the page image.
        if (!(e instanceof PhotoRefused)) throw e;
      }
    }
  }
  const mastheads = pdfPageMastheads(
    read.pages.map((p) => p.segmentation.masthead),
    form,
  );
  const { fileId, imports } = await insertPdfImport({
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
    photos,
    ms: read.ms.total,
  };
}

/**
 * The page of the stored PDF an import was made from, read again (re-running the engine). Null
 * when the import has no PDF. Its text is the import's raw text unless Folio reads PDFs
 * differently since: the caller refuses that (the spans of kept working states point into it).
 */
export async function rereadPdfImport({ importId, hints }: { importId: number; hints: IngestHints }): Promise<PdfSegmentation | null> {
  const pdf = await getPdfOfImport({ importId });
  if (!pdf) return null;
  const doc = await openPdf(new Uint8Array(pdf.bytes));
  try {
    const seg = segmentPdf([await readPage(doc, pdf.page)], hints);
    // The photos stored when it was uploaded are the same pictures: they keep their library ids.
    const stored = proposalOf(await getImportById({ id: importId }) ?? { proposal: {} }).layout?.images ?? [];
    seg.layout.images.forEach((im, k) => {
      const was = stored[k];
      if (was && was.ref === im.ref && was.mediaId) im.mediaId = was.mediaId;
    });
    return seg;
  } finally {
    await doc.destroy();
  }
}
