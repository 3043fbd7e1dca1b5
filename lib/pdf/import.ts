import sharp from "sharp";
import { segmentPdf, type PdfSegmentation } from "@/lib/ingest/pdf";
import type { PageContent } from "@/lib/ingest/pdf/types";
import type { IngestHints } from "@/lib/ingest/types";
import { inParallel, withPdfFile } from "./poppler";
import { checkPdfBytes, MAX_PDF_BYTES, MAX_PDF_PAGES, openPdf, PdfError, readPage, type ImagePixels } from "./read";
import { renderPage, separatePage, type RenderedImage } from "./render";

/**
 * A print PDF in, everything an import keeps out: each page's segmentation (text, layout,
 * articles with regions), its images for screens, the page alone as a PDF when the file held
 * several, and the photos of its stories as JPEG. Nothing is stored here; the caller stores it
 * all in one transaction, or nothing.
 *
 * Refusals (PdfError): empty, not a PDF, over 50 MB, over 64 pages, encrypted, broken, and
 * no text layer at all (a scan: OCR is not supported yet; the caller keeps the file).
 */
export type ImportedPhoto = { image: number; jpeg: Buffer; width: number; height: number; caption: string | null; article: number | null };

export type ImportedPage = {
  /** 1-based page index in the file. */
  number: number;
  width: number;
  height: number;
  segmentation: PdfSegmentation;
  /** Non-whitespace characters of text found on the page (0: a scan or a full-page picture). */
  chars: number;
  images: RenderedImage[];
  /** The page alone, when the file held more than one page (else the file itself is the page). */
  alone: Buffer | null;
  photos: ImportedPhoto[];
};

export type ImportedPdf = { pageCount: number; pages: ImportedPage[]; ms: { text: number; images: number; total: number } };

/** Fewer characters than this on every page and the PDF has no text layer. */
const MIN_TEXT_CHARS = 20;

/** Photos smaller than this many pixels either way are ornaments, not pictures worth keeping. */
const MIN_PHOTO_PIXELS = 24;

async function photoJpeg(px: ImagePixels): Promise<Buffer | null> {
  const channels = px.kind === 2 ? 3 : px.kind === 3 ? 4 : 0;
  if (!channels || px.data.length < px.width * px.height * channels) return null;
  return sharp(Buffer.from(px.data.buffer, px.data.byteOffset, px.width * px.height * channels), { raw: { width: px.width, height: px.height, channels } })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 88 })
    .toBuffer();
}

const chars = (c: PageContent) => c.runs.reduce((n, r) => n + r.text.replace(/\s/g, "").length, 0);

export async function importPdf(
  bytes: Uint8Array,
  opts: { hints?: (page: number) => IngestHints; maxPages?: number; maxBytes?: number; images?: boolean } = {},
): Promise<ImportedPdf> {
  const t0 = performance.now();
  checkPdfBytes(bytes, opts.maxBytes ?? MAX_PDF_BYTES);
  const doc = await openPdf(bytes);
  try {
    const max = opts.maxPages ?? MAX_PDF_PAGES;
    const pageCount = doc.numPages;
    if (pageCount > max) throw new PdfError("too_many_pages", `the PDF has ${pageCount} pages; at most ${max} are imported at once`, pageCount);
    return await withPdfFile(bytes, async (dir, file) => {
      // poppler renders in its own processes while pdf.js reads the text here.
      let imagesDone = t0;
      const rendering =
        opts.images === false
          ? Promise.resolve([] as RenderedImage[][])
          : inParallel(
              Array.from({ length: pageCount }, (_, i) => () => renderPage(file, dir, i + 1)),
              2,
            ).then((r) => {
              imagesDone = performance.now();
              return r;
            });
      // A rejection is awaited below; this keeps Node from reporting it as unhandled meanwhile.
      rendering.catch(() => undefined);
      try {
        const pixels = new Map<string, ImagePixels>();
        const contents: PageContent[] = [];
        for (let n = 1; n <= pageCount; n++) {
          try {
            contents.push(await readPage(doc, n, { pixels }));
          } catch (e) {
            throw new PdfError("broken", `page ${n} of the PDF cannot be read (${e instanceof Error ? e.message : String(e)})`);
          }
        }
        if (contents.every((c) => chars(c) < MIN_TEXT_CHARS)) throw new PdfError("no_text", "the PDF has no text layer (a scan?): OCR is not supported yet", pageCount);
        const segmentations = contents.map((c) => segmentPdf([c], opts.hints?.(c.number) ?? {}));
        const textDone = performance.now();
        let renders: RenderedImage[][];
        try {
          renders = await rendering;
        } catch (e) {
          throw new PdfError("broken", `the PDF's pages cannot be drawn (${e instanceof Error ? e.message : String(e)})`);
        }
        const pages: ImportedPage[] = [];
        for (const [i, c] of contents.entries()) {
          const seg = segmentations[i] as PdfSegmentation;
          const photos: ImportedPhoto[] = [];
          for (const [k, im] of seg.layout.images.entries()) {
            const px = pixels.get(`${c.number}:${im.ref}`);
            if (!px || px.width < MIN_PHOTO_PIXELS || px.height < MIN_PHOTO_PIXELS) continue;
            const jpeg = await photoJpeg(px);
            if (jpeg) photos.push({ image: k, jpeg, width: px.width, height: px.height, caption: im.caption, article: im.article });
          }
          pages.push({
            number: c.number,
            width: c.width,
            height: c.height,
            segmentation: seg,
            chars: chars(c),
            images: renders[i] ?? [],
            alone: pageCount > 1 ? await separatePage(file, dir, c.number) : null,
            photos,
          });
        }
        const total = performance.now() - t0;
        return { pageCount, pages, ms: { text: Math.round(textDone - t0), images: Math.round(imagesDone - t0), total: Math.round(total) } };
      } finally {
        // A scan or a broken page ends the reading while poppler may still be drawing into the
        // folder: removing it then failed (ENOTEMPTY) and the editor got an error instead of the
        // reason. The drawing finishes (or fails) first.
        await rendering.catch(() => undefined);
      }
    });
  } finally {
    await doc.destroy();
  }
}
