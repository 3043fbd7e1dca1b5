import type { IssueReadinessInput } from "@/lib/workflow";
import type { ArticleState, PageStatus } from "@/lib/vocabulary";
import { isUnlinkedJumpPart } from "./jumps";

type Row = {
  id: number;
  title: string;
  sectionId: number | null;
  state: ArticleState;
  jumpToPage: number | null;
  jumpFromPage: number | null;
  continuesId: number | null;
  photosNotReady: boolean;
};

/**
 * The desk's pages in the shape checkIssueReadiness wants. A jump is resolved once a later
 * part is linked to the story, or when the other page is marked as not online; an unlinked
 * 上接 part counts as an unresolved jump too.
 */
export function readinessInput(
  pages: readonly { number: number; status?: PageStatus; articles: readonly Row[] }[],
  pageCount: number | null,
): IssueReadinessInput {
  const linkedHeads = new Set(pages.flatMap((p) => p.articles.map((a) => a.continuesId)).filter((id): id is number => id != null));
  // A jump to (or from) a page the desk marked as not online has nothing to link: the other
  // part is not on the site, and readers see the page named as such.
  const offline = new Set(pages.filter((p) => p.status !== undefined && p.status !== "articles").map((p) => p.number));
  const isOffline = (page: number | null) => page !== null && offline.has(page);
  return {
    pageCount: pageCount ?? 0,
    pages: pages.map((p) => ({
      number: p.number,
      status: p.status,
      articles: p.articles.map((a) => {
        const unlinkedPart = isUnlinkedJumpPart(a);
        return {
          id: a.id,
          title: a.title,
          sectionId: a.sectionId,
          state: a.state,
          jumpTo: a.jumpToPage ?? (unlinkedPart ? a.jumpFromPage : null),
          jumpResolved: unlinkedPart ? isOffline(a.jumpFromPage) : linkedHeads.has(a.id) || isOffline(a.jumpToPage),
          photosReady: !a.photosNotReady,
        };
      }),
    })),
  };
}
