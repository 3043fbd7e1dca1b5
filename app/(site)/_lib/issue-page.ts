import "server-only";
import { getPublicPrintPage, listPublicPrintThumbs } from "@/db/queries/public/print";
import { printRegions, type PrintImage, type PrintView } from "@/lib/public/print";
import type { PublicIssueRow } from "@/db/queries/public/issues";
import {
  listMarkedPagesOfIssue,
  listPublicHeadlinesOfPage,
  listPublicPagesOfIssue,
  type MarkedPage,
  type PageHeadline,
  type PublicPageInfo,
} from "@/db/queries/public/pages";
import { listLeadPhotos } from "@/db/queries/public/photos";
import type { PublicPhoto } from "@/lib/media/picture";

export type IssuePageData = {
  issue: PublicIssueRow;
  pages: PublicPageInfo[];
  marked: MarkedPage[];
  page: PublicPageInfo;
  headlines: PageHeadline[];
  /** Lead photos by article id. */
  photos: ReadonlyMap<number, PublicPhoto>;
  /** The printed page (数字报) when the page was imported from a PDF; else the text view. */
  print: PrintView | null;
  /** Thumbnails of the issue's printed pages, by page number. */
  thumbs: Map<number, PrintImage>;
};

/** An issue's printed page (by default its first public page, normally 第1版), or null when that page has nothing published. */
export async function loadIssuePage(issue: PublicIssueRow, pageNumber?: number): Promise<IssuePageData | null> {
  const pages = await listPublicPagesOfIssue({ issueId: issue.id });
  const page = pageNumber === undefined ? pages[0] : pages.find((p) => p.number === pageNumber);
  if (!page) return null;
  const headlines = await listPublicHeadlinesOfPage({ pageId: page.id });
  // A story's own lead photo; a later part (上接) points to its head and shows none.
  const photos = await listLeadPhotos({ articleIds: headlines.filter((h) => h.continues === null).map((h) => h.id) });
  const printed = await getPublicPrintPage({ date: issue.date, number: page.number });
  const print: PrintView | null = printed
    ? { width: printed.width, height: printed.height, images: printed.images, regions: printRegions(printed.lines, printed.stories, printed) }
    : null;
  return {
    issue,
    pages,
    marked: await listMarkedPagesOfIssue({ issueId: issue.id }),
    page,
    headlines,
    photos,
    print,
    thumbs: await listPublicPrintThumbs({ issueId: issue.id }),
  };
}
