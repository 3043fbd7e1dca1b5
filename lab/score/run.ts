import { readFileSync } from "node:fs";
import path from "node:path";
import type { PageEntry } from "../generate";
import type { Split } from "../plan";
import type { StyleName } from "../styles";
import { bodyText, PAGE_FILES, type ExtractorName, type PageTruth, type TruthArticle } from "../truth";
import { ingestEngine, type Engine } from "./engine";
import { addCounts, emptyCounts, figures, scorePage, type ArticleFields, type Counts, type Figures } from "./metrics";
import { readSamples } from "./samples";

/**
 * Scores an engine on a selection of lab pages (each under every selected extractor)
 * and on the two real samples. Figures are micro averages: counts are summed over every
 * page × extractor scored, then turned into shares.
 */
export type Selection = {
  split: Split | "all";
  extractors: readonly ExtractorName[];
  styles: readonly StyleName[];
  /** The first N selected pages (in the manifest's order: by date, issue, page). */
  limit: number | null;
  samples: boolean;
};

export type Report = {
  /** Pages scored: lab pages selected, plus the two samples. */
  pages: number;
  /** Truth articles on those pages (each counted once, however many extractors read it). */
  articles: number;
  overall: Figures;
  byExtractor: Record<string, Figures>;
};

export type DetailedReport = Report & { counts: { overall: Counts; byExtractor: Record<string, Counts>; byStyle: Record<string, Counts> }; inputs: number };

export const SAMPLES = "samples";

export function selectPages(pages: readonly PageEntry[], sel: Selection): PageEntry[] {
  const chosen = pages.filter((p) => (sel.split === "all" || p.split === sel.split) && sel.styles.includes(p.style));
  return sel.limit === null ? chosen : chosen.slice(0, sel.limit);
}

/** A truth article as the metrics read it: the body without captions. */
export function truthFields(a: TruthArticle): ArticleFields {
  return { kicker: a.kicker, title: a.title, subtitle: a.subtitle, byline: a.byline, body: bodyText(a.body) };
}

export function scoreLab(labDir: string, pages: readonly PageEntry[], sel: Selection, engine: Engine = ingestEngine): DetailedReport {
  const overall = emptyCounts();
  const byExtractor: Record<string, Counts> = {};
  const byStyle: Record<string, Counts> = {};
  let articles = 0;
  let inputs = 0;
  for (const entry of pages) {
    const dir = path.join(labDir, entry.dir);
    const truth = JSON.parse(readFileSync(path.join(dir, PAGE_FILES.truth), "utf8")) as PageTruth;
    const fields = truth.articles.map(truthFields);
    articles += fields.length;
    for (const x of sel.extractors) {
      const text = readFileSync(path.join(dir, PAGE_FILES.text(x)), "utf8");
      const reading = engine(text);
      const c = scorePage(fields, reading.articles, reading.chars);
      addCounts(overall, c);
      addCounts((byExtractor[x] ??= emptyCounts()), c);
      addCounts((byStyle[entry.style] ??= emptyCounts()), c);
      inputs++;
    }
  }
  let pageCount = pages.length;
  if (sel.samples) {
    for (const s of readSamples()) {
      const reading = engine(readFileSync(s.file, "utf8"));
      const c = scorePage(s.truth, reading.articles, reading.chars);
      addCounts(overall, c);
      addCounts((byExtractor[SAMPLES] ??= emptyCounts()), c);
      articles += s.truth.length;
      pageCount++;
      inputs++;
    }
  }
  const figs: Record<string, Figures> = {};
  for (const [k, c] of Object.entries(byExtractor)) figs[k] = figures(c);
  return { pages: pageCount, articles, overall: figures(overall), byExtractor: figs, counts: { overall, byExtractor, byStyle }, inputs };
}
