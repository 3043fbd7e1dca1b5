import { labelLines } from "@/lib/ingest/labeller";
import { baseModel } from "@/lib/ingest/model/base";
import { opensArticle, roleOf } from "@/lib/ingest/model/grammar";
import type { Model } from "@/lib/ingest/model/model";
import type { PageEntry } from "../generate";
import type { ExtractorName } from "../truth";
import { SURE } from "./metrics";
import { labReadings } from "./training";

/**
 * Is the engine's confidence honest? Each line the engine labels carries two decisions
 * with a probability: what the line is (its role: title, byline, body, furniture…) and
 * whether an article starts there. Against the lab's truth, each decision is right or
 * wrong; calibrated means that of the decisions made with confidence p, a share p is
 * right. Reported as bins and, as the issue asks, for the decisions made with
 * confidence ≥ 0.9 (SURE).
 */
export const BIN_EDGES = [0.5, 0.7, 0.9, 0.99] as const;

export type Bin = { from: number; to: number; decisions: number; right: number; confidence: number };
export type Reliability = { bins: Bin[]; sure: { decisions: number; right: number } };
export type Calibration = { roles: Reliability; starts: Reliability };

function emptyReliability(): Reliability {
  const edges = [0, ...BIN_EDGES, 1];
  return { bins: edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1] as number, decisions: 0, right: 0, confidence: 0 })), sure: { decisions: 0, right: 0 } };
}

function record(r: Reliability, confidence: number, right: boolean): void {
  const bin = r.bins.find((b) => confidence < b.to || b.to === 1) as Bin;
  bin.decisions++;
  bin.confidence += confidence;
  if (right) bin.right++;
  if (confidence >= SURE) {
    r.sure.decisions++;
    if (right) r.sure.right++;
  }
}

export function calibrate(labDir: string, pages: readonly PageEntry[], extractors: readonly ExtractorName[], model: Model = baseModel()): Calibration {
  const out: Calibration = { roles: emptyReliability(), starts: emptyReliability() };
  for (const { reading, gold } of labReadings(labDir, pages, extractors)) {
    const d = labelLines(reading, model);
    d.labels.forEach((l, i) => {
      if (d.setAside[i]) return; // set aside by rule, not by the model
      const g = gold[i] as (typeof gold)[number];
      record(out.roles, d.roleConfidence[i] as number, roleOf(l) === roleOf(g));
      record(out.starts, d.startConfidence[i] as number, opensArticle(l) === opensArticle(g));
    });
  }
  for (const r of [out.roles, out.starts]) for (const b of r.bins) b.confidence = b.decisions ? b.confidence / b.decisions : 0;
  return out;
}
