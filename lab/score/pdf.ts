import { readFileSync } from "node:fs";
import path from "node:path";
import { toContractJson } from "@/lib/ingest";
import { segmentPdf, type PdfSegmentation } from "@/lib/ingest/pdf";
import { iou } from "@/lib/ingest/pdf/geometry";
import { articleRects, boundingBoxes } from "@/lib/ingest/pdf/regions";
import { readPdf } from "@/lib/pdf/read";
import type { PageEntry } from "../generate";
import { bodyText, PAGE_FILES, type PageTruth } from "../truth";
import { charsPlaced, matchArticles, scorePage, type ArticleFields, type Counts } from "./metrics";
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
