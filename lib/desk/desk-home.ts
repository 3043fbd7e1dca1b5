import type { ArticleState } from "@/lib/vocabulary";

/**
 * The issue the desk home puts first: today's, else the next one being made (the nearest date
 * after today), else the latest. `issues` may come in any order.
 */
export function focusIssue<T extends { date: string }>(issues: readonly T[], today: string): T | undefined {
  const exact = issues.find((i) => i.date === today);
  if (exact) return exact;
  const next = issues.filter((i) => i.date > today).sort((a, b) => a.date.localeCompare(b.date))[0];
  if (next) return next;
  return [...issues].sort((a, b) => b.date.localeCompare(a.date))[0];
}

/** Where a story stands, as a page's progress bar groups it. */
export const PROGRESS_STAGES = ["writing", "inReview", "ready", "published"] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

const STAGE_OF: Record<ArticleState, ProgressStage | null> = {
  draft: "writing",
  changes_requested: "writing",
  in_review: "inReview",
  approved: "ready",
  scheduled: "ready",
  published: "published",
  // Pulled from the site: not on its way anywhere until reopened, so it counts in no stage.
  unpublished: null,
};

export type PageProgress = {
  number: number;
  name: string | null;
  /** The page is expected (1..page count) but nothing was imported or placed on it. */
  missing: boolean;
  total: number;
  stages: Record<ProgressStage, number>;
};

/** Every page of the issue, 1 up to its page count or its highest page, with its stories counted by stage. */
export function pageProgress(
  pages: readonly { number: number; name: string | null; articles: readonly { state: ArticleState }[] }[],
  pageCount: number | null,
): PageProgress[] {
  const last = Math.max(pageCount ?? 0, ...pages.map((p) => p.number), 0);
  const out: PageProgress[] = [];
  for (let number = 1; number <= last; number++) {
    const page = pages.find((p) => p.number === number);
    const stages: Record<ProgressStage, number> = { writing: 0, inReview: 0, ready: 0, published: 0 };
    for (const a of page?.articles ?? []) {
      const stage = STAGE_OF[a.state];
      if (stage) stages[stage] += 1;
    }
    out.push({ number, name: page?.name ?? null, missing: !page, total: page?.articles.length ?? 0, stages });
  }
  return out;
}
