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

export type IssuePageData = { issue: PublicIssueRow; pages: PublicPageInfo[]; marked: MarkedPage[]; page: PublicPageInfo; headlines: PageHeadline[] };

/** An issue's printed page (by default its first public page, normally 第1版), or null when that page has nothing published. */
export async function loadIssuePage(issue: PublicIssueRow, pageNumber?: number): Promise<IssuePageData | null> {
  const pages = await listPublicPagesOfIssue({ issueId: issue.id });
  const page = pageNumber === undefined ? pages[0] : pages.find((p) => p.number === pageNumber);
  if (!page) return null;
  return { issue, pages, marked: await listMarkedPagesOfIssue({ issueId: issue.id }), page, headlines: await listPublicHeadlinesOfPage({ pageId: page.id }) };
}
