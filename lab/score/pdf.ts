import { readFileSync } from "node:fs";
import path from "node:path";
import { toContractJson } from "@/lib/ingest";
import { segmentPdf, type PdfSegmentation } from "@/lib/ingest/pdf";
import { iou } from "@/lib/ingest/pdf/geometry";
import { articleRects, boundingBoxes } from "@/lib/ingest/pdf/regions";
import { readPdf } from "@/lib/pdf/read";
import type { PageEntry } from "../generate";
import { bodyText, PAGE_FILES, type PageTruth } from "../truth";
import { addCounts, charsPlaced, emptyCounts, matchArticles, scorePage, type ArticleFields, type Counts } from "./metrics";
import { tallyInProcesses } from "./fork";
import { truthFields } from "./run";

/**
 * The PDF importer on the lab: each page's page.pdf read with pdf.js and segmented by
 * geometry, scored with the same metrics as the text extractors, plus how well each
 * matched article's region (its lines and photos, one box per page) covers the truth box.
 */
export const IOU_GOAL = 0.9;

export type RegionCounts = { matched: number; iouAtLeast: number; iouSum: number };

export function emptyRegionCounts(): RegionCounts {
  return { matched: 0, iouAtLeast: 0, iouSum: 0 };
}

export function addRegionCounts(into: RegionCounts, c: RegionCounts): RegionCounts {
  into.matched += c.matched;
  into.iouAtLeast += c.iouAtLeast;
  into.iouSum += c.iouSum;
  return into;
}

function predictedFields(seg: PdfSegmentation): ArticleFields[] {
  return toContractJson(seg).articles.map((a) => ({ kicker: a.kicker, title: a.title, subtitle: a.subtitle, byline: a.byline, body: bodyText(a.body) }));
}

function placed(seg: PdfSegmentation): { total: number; placed: number } {
  const spans = [
    ...seg.mastheadSpans,
    ...seg.articles.flatMap((a) => a.blocks.flatMap((b) => b.spans)),
    ...seg.orphans.filter((o) => o.kind !== "unassigned").flatMap((o) => o.spans),
    ...seg.discarded.flatMap((d) => d.spans),
  ];
  return charsPlaced(seg.text, spans);
}

export type PdfPageScore = { counts: Counts; regions: RegionCounts; seg: PdfSegmentation; truth: PageTruth; ious: { truth: number; predicted: number; iou: number }[] };

/** Scores one lab page's PDF. */
export async function scorePdfPage(labDir: string, entry: PageEntry): Promise<PdfPageScore> {
  const dir = path.join(labDir, entry.dir);
  const truth = JSON.parse(readFileSync(path.join(dir, PAGE_FILES.truth), "utf8")) as PageTruth;
  const pages = await readPdf(new Uint8Array(readFileSync(path.join(dir, PAGE_FILES.pdf))));
  const seg = segmentPdf(pages);
  const fields = truth.articles.map(truthFields);
  const predicted = predictedFields(seg);
  const counts = scorePage(fields, predicted, placed(seg));
  const regions = emptyRegionCounts();
  const ious: PdfPageScore["ious"] = [];
  for (const m of matchArticles(fields, predicted)) {
    const box = boundingBoxes(articleRects(seg.layout, seg.articles[m.predicted] as PdfSegmentation["articles"][number], m.predicted))[0];
    const t = (truth.articles[m.truth] as PageTruth["articles"][number]).box;
    const v = box ? iou(box, t) : 0;
    ious.push({ truth: m.truth, predicted: m.predicted, iou: v });
    regions.matched++;
    regions.iouSum += v;
    if (v >= IOU_GOAL) regions.iouAtLeast++;
  }
  return { counts, regions, seg, truth, ious };
}

export type PdfTally = { counts: Counts; regions: RegionCounts; byStyle: Record<string, { counts: Counts; regions: RegionCounts }>; articles: number; pages: number; ms: number };

export function emptyPdfTally(): PdfTally {
  return { counts: emptyCounts(), regions: emptyRegionCounts(), byStyle: {}, articles: 0, pages: 0, ms: 0 };
}

export function addPdfTally(into: PdfTally, t: PdfTally): PdfTally {
  addCounts(into.counts, t.counts);
  addRegionCounts(into.regions, t.regions);
  for (const [k, v] of Object.entries(t.byStyle)) {
    const s = (into.byStyle[k] ??= { counts: emptyCounts(), regions: emptyRegionCounts() });
    addCounts(s.counts, v.counts);
    addRegionCounts(s.regions, v.regions);
  }
  into.articles += t.articles;
  into.pages += t.pages;
  into.ms += t.ms;
  return into;
}

/** Reads and scores the pages in this process. */
export async function tallyPdfPages(labDir: string, pages: readonly PageEntry[]): Promise<PdfTally> {
  const t = emptyPdfTally();
  for (const entry of pages) {
    const t0 = performance.now();
    const s = await scorePdfPage(labDir, entry);
    t.ms += performance.now() - t0;
    addCounts(t.counts, s.counts);
    addRegionCounts(t.regions, s.regions);
    const st = (t.byStyle[entry.style] ??= { counts: emptyCounts(), regions: emptyRegionCounts() });
    addCounts(st.counts, s.counts);
    addRegionCounts(st.regions, s.regions);
    t.articles += s.truth.articles.length;
    t.pages++;
  }
  return t;
}

/** The same, shared among `workers` processes (lab/score/pdf-worker.ts). */
export async function scorePdfLab(labDir: string, pages: readonly PageEntry[], workers: number): Promise<PdfTally> {
  const n = Math.max(1, Math.min(workers, pages.length));
  if (n === 1) return tallyPdfPages(labDir, pages);
  const tallies = await tallyInProcesses<PdfTally>("pdf-worker.ts", pages, n, { labDir });
  return tallies.reduce(addPdfTally, emptyPdfTally());
}
