import { readFileSync } from "node:fs";

/**
 * The real articles the lab typesets (../shared/corpus, see its README). Read as they
 * are: the lab never edits a text, it only chooses how to print it.
 */
export type CorpusBlock = { role: "paragraph" | "heading" | "caption"; text: string };

export type CorpusArticle = {
  paper: string;
  date: string;
  page: number;
  pageName: string;
  seq: number;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  byline: string | null;
  /** The byline is the dateline that opens body block `bylineBlock` (e.g. 新华社北京4月28日电). */
  bylineInline?: boolean;
  bylineBlock?: number;
  body: CorpusBlock[];
  url: string;
};

/** One real page: the articles of one paper, date and page, in the paper's own order. */
export type CorpusPage = { paper: string; date: string; page: number; pageName: string; articles: CorpusArticle[] };

export class CorpusError extends Error {}

export function parseCorpus(text: string, file = "corpus"): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let rec: CorpusArticle;
    try {
      rec = JSON.parse(line) as CorpusArticle;
    } catch {
      throw new CorpusError(`${file}:${i + 1}: not JSON`);
    }
    if (typeof rec.title !== "string" || !Array.isArray(rec.body) || !/^\d{4}-\d{2}-\d{2}$/.test(String(rec.date)) || !Number.isInteger(rec.page)) {
      throw new CorpusError(`${file}:${i + 1}: not a corpus article (needs date, page, title, body)`);
    }
    out.push(rec);
  });
  return out;
}

export function readCorpus(file: string): CorpusArticle[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CorpusError(`cannot read the corpus at ${file} (${code ?? e}); set LAB_CORPUS to its corpus.jsonl`);
  }
  return parseCorpus(text, file);
}

/** Real pages grouped by paper and date, pages and articles in order. */
export function corpusIssues(articles: readonly CorpusArticle[]): { paper: string; date: string; pages: CorpusPage[] }[] {
  const byIssue = new Map<string, Map<number, CorpusPage>>();
  for (const a of articles) {
    const key = `${a.paper}|${a.date}`;
    let pages = byIssue.get(key);
    if (!pages) byIssue.set(key, (pages = new Map()));
    let page = pages.get(a.page);
    if (!page) pages.set(a.page, (page = { paper: a.paper, date: a.date, page: a.page, pageName: a.pageName, articles: [] }));
    page.articles.push(a);
  }
  return [...byIssue.entries()]
    .map(([key, pages]) => {
      const [paper, date] = key.split("|") as [string, string];
      const list = [...pages.values()].sort((x, y) => x.page - y.page);
      for (const p of list) p.articles.sort((x, y) => x.seq - y.seq);
      return { paper, date, pages: list };
    })
    .sort((x, y) => (x.date === y.date ? x.paper.localeCompare(y.paper) : x.date.localeCompare(y.date)));
}
