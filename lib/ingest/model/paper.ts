import { readPage } from "../page";
import { pageFeatures } from "./features";
import { labelsFromCorrection, type CorrectedPage } from "./gold";
import { opensArticle, roleOf, type Label } from "./grammar";
import { addLayer, emissions, label, type Model } from "./model";
import { compileExamples, correct, type Example } from "./train";

/*
 * Learning a paper from its editors' corrections: every accepted import is a page whose
 * right labels the accepted segmentation gives (./gold.ts). A paper's layer is trained on
 * them on top of the lab model (which stays as it is), so a few pages move the weights
 * where this paper differs and leave the rest to what the lab taught; it is used only
 * when it reads the paper's own corrected pages better than the lab model (`paperLayer`).
 */

/**
 * How a paper's layer is learned (lib/ingest/model/train.ts `correct`): the smallest steps
 * that fix the lab model's mistakes on the corrected pages, moving a line's scores by at
 * most `maxStep` log-odds per step, only on features that pick out some lines (at most `distinctive` of
 * them: a feature every line has would let a few pages shift every later decision).
 */
export const PAPER_TRAINING = { epochs: 30, seed: 29, maxStep: 1, distinctive: 0.2 } as const;

export type CorrectedImport = { bytes: Uint8Array | string; page: CorrectedPage };

/** The corrected pages as training examples (a page the engine cannot read is skipped). */
export function correctionExamples(imports: readonly CorrectedImport[]): Example[] {
  const out: Example[] = [];
  for (const c of imports) {
    let page;
    try {
      page = readPage(c.bytes);
    } catch {
      continue;
    }
    const lines = page.reading.lines;
    if (lines.length === 0) continue;
    out.push({ features: pageFeatures(page.reading), gold: labelsFromCorrection(page.text.length, lines, c.page), format: page.reading.format });
  }
  return out;
}

/** A paper's layer from its examples, on top of `base` (deterministic). */
export function trainLayer(base: Model, examples: readonly Example[], trainedOn: Record<string, unknown> = {}): Model {
  const lines = examples.reduce((n, e) => n + e.features.length, 0);
  const df = new Map<string, number>();
  for (const e of examples) for (const fs of e.features) for (const f of fs) df.set(f, (df.get(f) ?? 0) + 1);
  const cap = lines * PAPER_TRAINING.distinctive;
  const distinctive = examples.map((e) => ({ ...e, features: e.features.map((fs) => fs.filter((f) => (df.get(f) ?? 0) <= cap)) }));
  // The base model reads every feature; only the distinctive ones are adjusted.
  const compiled = compileExamples(distinctive);
  compiled.items.forEach((item, k) => (item.base = emissions(base, (examples[k] as Example).features)));
  const layer = correct(base, compiled, PAPER_TRAINING);
  layer.trainedOn = { ...trainedOn, pages: examples.length, ...PAPER_TRAINING };
  return layer;
}

/** Share of lines whose role and article start `m` decodes right. */
export function structuralAccuracy(m: Model, examples: readonly Example[]): number {
  let right = 0;
  let all = 0;
  for (const e of examples) {
    const got = label(m, e.features, { format: e.format }).labels;
    e.gold.forEach((g, i) => {
      all++;
      const p = got[i] as Label;
      if (roleOf(p) === roleOf(g) && opensArticle(p) === opensArticle(g)) right++;
    });
  }
  return all ? right / all : 0;
}

export type PaperLayer = { layer: Model | null; check: { pages: number; lab: number; paper: number } | null };

/**
 * The paper's layer, adopted only when it reads the paper better: each corrected page is
 * read by a layer trained on the others (leave one out) and by the lab model; the layer
 * is kept when it gets more of those pages' lines right. With a single page there is
 * nothing to check against, so the lab model stays.
 */
export function paperLayer(base: Model, examples: readonly Example[], trainedOn: Record<string, unknown> = {}): PaperLayer {
  if (examples.length < 2) return { layer: null, check: null };
  let lab = 0;
  let paper = 0;
  examples.forEach((held, k) => {
    const others = examples.filter((_, j) => j !== k);
    lab += structuralAccuracy(base, [held]);
    paper += structuralAccuracy(addLayer(base, trainLayer(base, others)), [held]);
  });
  const check = { pages: examples.length, lab: lab / examples.length, paper: paper / examples.length };
  return { layer: check.paper > check.lab ? trainLayer(base, examples, trainedOn) : null, check };
}
