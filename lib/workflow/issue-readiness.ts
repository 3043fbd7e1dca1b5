import type { ArticleState, PageStatus } from "@/lib/vocabulary";
import { hasVisibleText } from "@/lib/visible-text";

export type IssueArticle = {
  id: number;
  title: string | null;
  sectionId: number | null;
  state: ArticleState;
  /** Page the story continues on (转第N版), or null. */
  jumpTo: number | null;
  jumpResolved: boolean;
  /** Every photo it shows is ready for readers (processed, with alt text): publishing checks it too. */
  photosReady: boolean;
};

/** `status` other than "articles": the desk marked the page as having no articles online (not digitised, ads only, skipped). */
export type IssuePage = { number: number; status?: PageStatus; articles: readonly IssueArticle[] };

export type IssueReadinessInput = { pages: readonly IssuePage[]; pageCount: number };

export type PageBlockerCode = "page_missing" | "page_empty";
export type ArticleBlockerCode = "article_no_title" | "article_no_section" | "article_not_approved" | "article_photos_not_ready" | "jump_unresolved";

export type IssueBlocker =
  | { code: PageBlockerCode; page: number }
  | { code: ArticleBlockerCode; page: number; articleId: number };

// Scheduled and published stories have passed review too; unpublished ones were pulled for a reason.
const CLEARED: readonly ArticleState[] = ["approved", "scheduled", "published"];

/** What stops the whole issue from being published, page by page; an empty list means ready. */
export function checkIssueReadiness({ pages, pageCount }: IssueReadinessInput): IssueBlocker[] {
  const blockers: IssueBlocker[] = [];
  const byNumber = new Map<number, IssuePage[]>();
  for (const page of pages) byNumber.set(page.number, [...(byNumber.get(page.number) ?? []), page]);
  // A story continued across pages appears on each; its own faults are reported once, where it starts.
  const seen = new Set<number>();

  // Pages past the stated count are still checked, and an issue with no pages has nothing to publish.
  const last = Math.max(pageCount, 1, ...byNumber.keys());
  for (let n = 1; n <= last; n++) {
    const found = byNumber.get(n);
    // A page the desk marked as not online (not digitised, ads only, skipped) is complete without articles.
    const marked = found?.some((p) => p.status !== undefined && p.status !== "articles") ?? false;
    if (!found) {
      blockers.push({ code: "page_missing", page: n });
      continue;
    }
    const articles = found.flatMap((p) => p.articles);
    if (articles.length === 0 && !marked) blockers.push({ code: "page_empty", page: n });
    for (const a of articles) {
      if (!seen.has(a.id)) {
        seen.add(a.id);
        if (!hasVisibleText(a.title)) blockers.push({ code: "article_no_title", page: n, articleId: a.id });
        if (a.sectionId === null) blockers.push({ code: "article_no_section", page: n, articleId: a.id });
        if (!CLEARED.includes(a.state)) blockers.push({ code: "article_not_approved", page: n, articleId: a.id });
        // A published story is already out (publishing the issue leaves it); any other would be refused.
        if (a.state !== "published" && !a.photosReady) blockers.push({ code: "article_photos_not_ready", page: n, articleId: a.id });
      }
      if (a.jumpTo !== null && !a.jumpResolved) blockers.push({ code: "jump_unresolved", page: n, articleId: a.id });
    }
  }
  return blockers;
}
