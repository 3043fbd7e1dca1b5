import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db";
import { firstRow } from "@/db/raw";
import { articles, importPageImages, importPages, imports, issues, pages } from "@/db/schema";
import type { Segmentation, Span } from "@/lib/ingest/types";
import type { LayoutLine } from "@/lib/ingest/pdf/types";
import type { PrintImage } from "@/lib/public/print";
import type { PageImageVariant } from "@/lib/vocabulary";
import { isPublished, issueIsPublic } from "./visibility";

/*
 * The printed page (数字报) of a public issue page: the PDF import last accepted for it, its page
 * images, every printed line's box, and where each published story of the page was printed (the
 * spans its text came from, as accepted). Only published stories get a region; the picture is the
 * page as printed.
 */

export type { PrintImage } from "@/lib/public/print";

export type PublicPrintPage = {
  importId: number;
  width: number;
  height: number;
  images: PrintImage[];
  lines: LayoutLine[];
  /** Published stories of the page printed from this PDF, with the spans of their text. */
  stories: { id: number; spans: Span[] }[];
};

/** The print import of a public page of a public issue (null when it has none, or is not public). */
async function printImportOf(date: string, number: number): Promise<{ importId: number; pageId: number } | null> {
  const row = firstRow(
    await getDb()
      .select({ importId: pages.printImportId, pageId: pages.id })
      .from(pages)
      .innerJoin(issues, eq(issues.id, pages.issueId))
      .where(and(eq(issues.date, date), eq(pages.number, number), isNotNull(pages.printImportId), issueIsPublic)),
  );
  if (!row || row.importId === null) return null;
  // A page is public while one of its articles is published.
  const published = firstRow(await getDb().select({ id: articles.id }).from(articles).where(and(eq(articles.pageId, row.pageId), isPublished)).limit(1));
  return published ? { importId: row.importId, pageId: row.pageId } : null;
}

async function imagesOf(importId: number): Promise<PrintImage[]> {
  return getDb()
    .select({ variant: importPageImages.variant, width: importPageImages.width, height: importPageImages.height, sha256: importPageImages.sha256 })
    .from(importPageImages)
    .where(eq(importPageImages.importId, importId));
}

export async function getPublicPrintPage({ date, number }: { date: string; number: number }): Promise<PublicPrintPage | null> {
  const found = await printImportOf(date, number);
  if (!found) return null;
  const db = getDb();
  const page = firstRow(
    await db
      .select({ width: importPages.width, height: importPages.height, proposal: imports.proposal })
      .from(importPages)
      .innerJoin(imports, eq(imports.id, importPages.importId))
      .where(eq(importPages.importId, found.importId)),
  );
  if (!page) return null;
  const stories = (
    await db
      .select({ id: articles.id, spans: articles.rawSpans })
      .from(articles)
      .where(and(eq(articles.pageId, found.pageId), eq(articles.importId, found.importId), isPublished))
  ).map((a) => ({ id: a.id, spans: a.spans ?? [] }));
  return {
    importId: found.importId,
    width: page.width,
    height: page.height,
    images: await imagesOf(found.importId),
    lines: (page.proposal as Segmentation).layout?.lines ?? [],
    stories,
  };
}

/** Thumbnails of the issue's public printed pages, by page number. */
export async function listPublicPrintThumbs({ issueId }: { issueId: number }): Promise<Map<number, PrintImage>> {
  const rows = await getDb()
    .select({ number: pages.number, pageId: pages.id, variant: importPageImages.variant, width: importPageImages.width, height: importPageImages.height, sha256: importPageImages.sha256 })
    .from(pages)
    .innerJoin(importPageImages, and(eq(importPageImages.importId, pages.printImportId), eq(importPageImages.variant, "thumb")))
    .where(and(eq(pages.issueId, issueId)));
  const out = new Map<number, PrintImage>();
  for (const r of rows) out.set(r.number, { variant: r.variant, width: r.width, height: r.height, sha256: r.sha256 });
  return out;
}

/** An image of a public printed page, by variant. */
export async function getPublicPrintImage({ date, number, variant }: { date: string; number: number; variant: PageImageVariant }): Promise<{ bytes: Buffer; sha256: string } | null> {
  const found = await printImportOf(date, number);
  if (!found) return null;
  return (
    firstRow(
      await getDb()
        .select({ bytes: importPageImages.bytes, sha256: importPageImages.sha256 })
        .from(importPageImages)
        .where(and(eq(importPageImages.importId, found.importId), eq(importPageImages.variant, variant))),
    ) ?? null
  );
}

/** The import whose PDF is a public printed page (for 下载本版 PDF). */
export async function getPublicPrintImportId({ date, number }: { date: string; number: number }): Promise<number | null> {
  return (await printImportOf(date, number))?.importId ?? null;
}

/** Where a published story was printed: its page's date and number, when that page has a printed view. */
export async function getPublicPrintPlace({ articleId }: { articleId: number }): Promise<{ date: string; page: number } | null> {
  const row = firstRow(
    await getDb()
      .select({ date: issues.date, page: pages.number, printImportId: pages.printImportId, importId: articles.importId })
      .from(articles)
      .innerJoin(pages, eq(pages.id, articles.pageId))
      .innerJoin(issues, eq(issues.id, pages.issueId))
      .where(and(eq(articles.id, articleId), isPublished)),
  );
  return row && row.printImportId !== null && row.printImportId === row.importId ? { date: row.date, page: row.page } : null;
}
