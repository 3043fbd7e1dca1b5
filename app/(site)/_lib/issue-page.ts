import "server-only";
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

export type IssuePageData = { issue: PublicIssueRow; pages: PublicPageInfo[]; marked: MarkedPage[]; page: PublicPageInfo; headlines: PageHeadline[]; photos: ReadonlyMap<number, PublicPhoto> };

/** An issue's printed page (by default its first public page, normally 第1版), or null when that page has nothing published. */
export function loadIssuePage(issue: PublicIssueRow, pageNumber?: number): IssuePageData | null {
  const pages = listPublicPagesOfIssue({ issueId: issue.id });
  const page = pageNumber === undefined ? pages[0] : pages.find((p) => p.number === pageNumber);
  if (!page) return null;
  const headlines = listPublicHeadlinesOfPage({ pageId: page.id });
  // A story's own lead photo; a later part (上接) points to its head and shows none.
  const photos = listLeadPhotos({ articleIds: headlines.filter((h) => h.continues === null).map((h) => h.id) });
  return { issue, pages, marked: listMarkedPagesOfIssue({ issueId: issue.id }), page, headlines, photos };
}
