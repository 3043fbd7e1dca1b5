import { corpusIssues, type CorpusArticle } from "./corpus";
import { STYLE_NAMES, STYLES, type StyleName } from "./styles";

/**
 * Which real articles go on which generated page of which generated issue. Pure and
 * quick: the whole lab is planned before anything is typeset, so the split, the styles
 * and the page counts are known up front (and filters can pick pages without typesetting).
 *
 * - Split by date: the latest dates are the test split, the rest dev (LAB_TEST_SHARE).
 * - Each real date gets one house style, rotating within each split so both splits hold
 *   every style.
 * - A real page's articles stay together, in the paper's order; a page with more than a
 *   style's page holds (or more than 10 articles) is spread over consecutive pages.
 * - Pages are grouped into issues of the style's size (the national style prints the
 *   whole date as one issue), so long stories can jump to a later page of the same issue.
 */
export type Split = "dev" | "test";

export const SPLITS: readonly Split[] = ["dev", "test"];

/** Share of the dates, latest first, that make the test split. */
export const TEST_SHARE = 0.4;

export type PagePlan = {
  /** 1-based page number in the generated issue. */
  page: number;
  pageName: string;
  sourcePage: number;
  articles: CorpusArticle[];
};

export type IssuePlan = {
  id: string;
  style: StyleName;
  split: Split;
  sourcePaper: string;
  date: string;
  /** Which of the style's papers prints it. */
  paperIndex: number;
  pages: PagePlan[];
};

const MAX_ARTICLES = 10;

/** Room an article takes on a page, in characters of body text: its text, its headline, up to two photos. */
function chars(a: CorpusArticle): number {
  const photos = Math.min(2, a.body.filter((b) => b.role === "caption").length);
  return a.body.reduce((s, b) => s + b.text.length, 0) + 150 + photos * 350;
}

/** Characters of body text a page of the style holds (the masthead or running head and the foot left out). */
export function pageCapacity(style: StyleName): number {
  const s = STYLES[style];
  const lines = (s.page.height - s.page.top - s.page.bottom - 60) / s.body.pitch;
  return Math.round(lines * s.page.columns * s.body.colChars * 0.8);
}

/**
 * A real page stays one page when the style's page holds it; a bigger one is spread
 * evenly over as many pages as its text needs, in the paper's order, at least 3 articles
 * to a page where there are enough, at most 10 (what does not fit then jumps or moves to
 * the next page).
 */
export function splitPage(articles: readonly CorpusArticle[], capacity: number): CorpusArticle[][] {
  const total = articles.reduce((s, a) => s + chars(a), 0);
  // As many pages as the text needs: an issue whose pages are overfull has nowhere to put the rest.
  const byText = Math.ceil(total / capacity);
  const pages = Math.max(byText, Math.ceil(articles.length / MAX_ARTICLES));
  if (pages === 1) return [[...articles]];
  const minPer = Math.max(1, Math.min(3, Math.floor(articles.length / pages)));
  const out: CorpusArticle[][] = [];
  const target = total / pages;
  let cur: CorpusArticle[] = [];
  let size = 0;
  articles.forEach((a, i) => {
    const c = chars(a);
    const after = pages - out.length - 1; // pages still to fill after the current one
    const left = articles.length - i; // articles not yet placed, this one included
    const full = size + c / 2 > target || cur.length >= MAX_ARTICLES || left <= minPer * after;
    if (after > 0 && cur.length >= minPer && left >= minPer * after && full) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(a);
    size += c;
  });
  out.push(cur);
  return out;
}

export function planLab(corpus: readonly CorpusArticle[]): IssuePlan[] {
  const issues = corpusIssues(corpus);
  const dates = [...new Set(issues.map((i) => i.date))].sort();
  const firstTest = dates[Math.floor(dates.length * (1 - TEST_SHARE))] ?? "9999";
  const plans: IssuePlan[] = [];
  const turn: Record<Split, number> = { dev: 0, test: 0 };
  for (const real of issues) {
    const split: Split = real.date >= firstTest ? "test" : "dev";
    const style = STYLE_NAMES[turn[split]++ % STYLE_NAMES.length] as StyleName;
    const s = STYLES[style];
    const capacity = pageCapacity(style);
    const pages: Omit<PagePlan, "page">[] = [];
    for (const p of real.pages) for (const chunk of splitPage(p.articles, capacity)) pages.push({ pageName: p.pageName, sourcePage: p.page, articles: chunk });
    const size = s.pagesPerIssue ?? 24;
    const groups: (typeof pages)[] = [];
    for (let i = 0; i < pages.length; i += size) groups.push(pages.slice(i, i + size));
    // A lone last page joins the issue before it.
    const last = groups[groups.length - 1];
    if (groups.length > 1 && last && last.length === 1) groups[groups.length - 2]?.push(...(groups.pop() as typeof pages));
    groups.forEach((g, n) => {
      const id = `${style}-${real.date}-${real.paper === "人民日报" ? "r" : "x"}${n + 1}`;
      plans.push({
        id,
        style,
        split,
        sourcePaper: real.paper,
        date: real.date,
        paperIndex: n % (style === "national-daily" ? 1 : s.papers.length),
        pages: g.map((p, i) => ({ ...p, page: i + 1 })),
      });
    });
  }
  return plans;
}
