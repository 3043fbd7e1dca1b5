import { readFileSync } from "node:fs";
import path from "node:path";
import type { PageEntry } from "../generate";
import type { Split } from "../plan";
import type { StyleName } from "../styles";
import { bodyText, PAGE_FILES, type ExtractorName, type PageTruth, type TruthArticle } from "../truth";
import { ingestEngine, type Engine } from "./engine";
import { tallyInProcesses } from "./fork";
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

type Tally = { counts: DetailedReport["counts"]; articles: number; inputs: number };

function emptyTally(): Tally {
  return { counts: { overall: emptyCounts(), byExtractor: {}, byStyle: {} }, articles: 0, inputs: 0 };
}

function addTally(into: Tally, t: Tally): Tally {
  addCounts(into.counts.overall, t.counts.overall);
  for (const [k, c] of Object.entries(t.counts.byExtractor)) addCounts((into.counts.byExtractor[k] ??= emptyCounts()), c);
  for (const [k, c] of Object.entries(t.counts.byStyle)) addCounts((into.counts.byStyle[k] ??= emptyCounts()), c);
  into.articles += t.articles;
  into.inputs += t.inputs;
  return into;
}

/** Counts of the lab pages, in this process. */
export function tallyPages(labDir: string, pages: readonly PageEntry[], extractors: readonly ExtractorName[], engine: Engine = ingestEngine): Tally {
  const t = emptyTally();
  for (const entry of pages) {
    const dir = path.join(labDir, entry.dir);
    const truth = JSON.parse(readFileSync(path.join(dir, PAGE_FILES.truth), "utf8")) as PageTruth;
    const fields = truth.articles.map(truthFields);
    t.articles += fields.length;
    for (const x of extractors) {
      const reading = engine(readFileSync(path.join(dir, PAGE_FILES.text(x)), "utf8"));
      const c = scorePage(fields, reading.articles, reading.chars);
      addCounts(t.counts.overall, c);
      addCounts((t.counts.byExtractor[x] ??= emptyCounts()), c);
      addCounts((t.counts.byStyle[entry.style] ??= emptyCounts()), c);
      t.inputs++;
    }
  }
  return t;
}

/** The same, shared among `workers` processes (today's engine only: a function cannot be sent). */
async function tallyInWorkers(labDir: string, pages: readonly PageEntry[], extractors: readonly ExtractorName[], workers: number): Promise<Tally> {
  const tallies = await tallyInProcesses<Tally>("worker.ts", pages, workers, { labDir, extractors });
  return tallies.reduce(addTally, emptyTally());
}

/**
 * Scores the selected pages under every selected extractor, and the two samples. Large
 * selections are shared among `workers` processes when today's engine is scored.
 */
export async function scoreLab(labDir: string, pages: readonly PageEntry[], sel: Selection, opts: { engine?: Engine; workers?: number } = {}): Promise<DetailedReport> {
  const workers = Math.max(1, Math.min(opts.workers ?? 1, Math.ceil(pages.length / 50)));
  const t = opts.engine || workers === 1 ? tallyPages(labDir, pages, sel.extractors, opts.engine) : await tallyInWorkers(labDir, pages, sel.extractors, workers);
  const engine = opts.engine ?? ingestEngine;
  let pageCount = pages.length;
  if (sel.samples) {
    for (const s of readSamples()) {
      const reading = engine(readFileSync(s.file, "utf8"));
      const c = scorePage(s.truth, reading.articles, reading.chars);
      addCounts(t.counts.overall, c);
      addCounts((t.counts.byExtractor[SAMPLES] ??= emptyCounts()), c);
      t.articles += s.truth.length;
      pageCount++;
      t.inputs++;
    }
  }
  const figs: Record<string, Figures> = {};
  for (const [k, c] of Object.entries(t.counts.byExtractor)) figs[k] = figures(c);
  return { pages: pageCount, articles: t.articles, overall: figures(t.counts.overall), byExtractor: figs, counts: t.counts, inputs: t.inputs };
}
