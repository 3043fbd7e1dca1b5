import type { IssueReadinessInput } from "@/lib/workflow";
import type { ArticleState } from "@/lib/vocabulary";
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
 * part is linked to the story; an unlinked 上接 part counts as an unresolved jump too.
 */
export function readinessInput(pages: readonly { number: number; articles: readonly Row[] }[], pageCount: number | null): IssueReadinessInput {
  const linkedHeads = new Set(pages.flatMap((p) => p.articles.map((a) => a.continuesId)).filter((id): id is number => id != null));
  return {
    pageCount: pageCount ?? 0,
    pages: pages.map((p) => ({
      number: p.number,
      articles: p.articles.map((a) => {
        const unlinkedPart = isUnlinkedJumpPart(a);
        return {
          id: a.id,
          title: a.title,
          sectionId: a.sectionId,
          state: a.state,
          jumpTo: a.jumpToPage ?? (unlinkedPart ? a.jumpFromPage : null),
          jumpResolved: unlinkedPart ? false : linkedHeads.has(a.id),
          photosReady: !a.photosNotReady,
        };
      }),
    })),
  };
}
