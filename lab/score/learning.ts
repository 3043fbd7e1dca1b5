import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { addLayer, asKept, modelFromJson, modelToJson, type Model, type ModelJson } from "@/lib/ingest/model/model";
import { paperLayer, trainLayer } from "@/lib/ingest/model/paper";
import { REPO_ROOT } from "../config";
import type { PageEntry } from "../generate";
import type { StyleName } from "../styles";
import type { ExtractorName } from "../truth";
import { ceilingCounts } from "./ceiling";
import { engineWith } from "./engine";
import { addCounts, emptyCounts, figures, type Counts } from "./metrics";
import { tallyPages } from "./run";
import { labExamples, splitHeldOut, trainOnLab } from "./training";

/**
 * The learning curve: how well the engine reads a paper whose house style it never saw,
 * before and after an editor corrected 1, 3 and 10 of its pages. The base model is
 * trained on the dev pages of every other style (cached: it takes a while); each
 * extractor's corrected pages are the paper's first dev pages read through it (their
 * truth standing for the editor's corrections), and the figures are taken on held-apart
 * pages of the paper (its test pages). Each point is taken twice: with the layer as
 * trained, and as the desk would read (lib/ingest/model/paper.ts `paperLayer`: the layer
 * when it reads the corrected pages no worse, leaving one out: `adopts`; else the lab model).
 * Beside them, the ceiling: the same pages with every line labelled right (the truth's
 * labels), the most any labeller, however it learns, could reach through this engine.
 */
export const CURVE_SIZES = [0, 1, 3, 10] as const;

export type CurvePoint = { corrected: number; counts: Counts; adopted: Counts };
export type LearningCurve = { style: StyleName; paper: string; heldApart: number; heldFrom: "dev" | "test"; byExtractor: Record<string, CurvePoint[]>; ceiling: Record<string, Counts> };

/**
 * A digest of what a trained model depends on: the extractors whose readings it learned
 * from (a curve of one extractor trains on that one's alone), the engine's and the
 * trainer's sources (not a paper's layer, lib/ingest/model/paper.ts, which the lab model
 * does not use).
 */
function trainerDigest(extractors: readonly ExtractorName[]): string {
  const h = createHash("sha256");
  h.update(extractors.join(","));
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (name.endsWith(".test.ts") || name === "weights.json" || name === "paper.ts") continue;
      if (!name.includes(".")) walk(file);
      else if (name.endsWith(".ts")) h.update(name).update(readFileSync(file));
    }
  };
  walk(path.join(REPO_ROOT, "lib/ingest"));
  for (const f of ["align.ts", "labels.ts", "training.ts"]) h.update(readFileSync(path.join(REPO_ROOT, "lab/score", f)));
  return h.digest("hex").slice(0, 12);
}

/** The lab model trained without one style's pages, trained once and kept beside the lab. */
export function modelWithoutStyle(labDir: string, pages: readonly PageEntry[], style: StyleName, extractors: readonly ExtractorName[], log: (l: string) => void): Model {
  const dir = path.join(labDir, "models");
  const file = path.join(dir, `without-${style}-${trainerDigest(extractors)}.json`);
  if (existsSync(file)) return modelFromJson(JSON.parse(readFileSync(file, "utf8")) as ModelJson);
  log(`training a model without ${style} pages for the learning curve (once; kept in ${dir})`);
  const dev = pages.filter((p) => p.split === "dev" && p.style !== style);
  const m = asKept(trainOnLab(labDir, splitHeldOut(dev), { extractors, log }));
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(modelToJson(m)));
  return m;
}

export function learningCurve(
  labDir: string,
  pages: readonly PageEntry[],
  opts: { style: StyleName; paper: string; extractors: readonly ExtractorName[]; heldApart: number; heldFrom?: "dev" | "test"; log: (l: string) => void },
): LearningCurve {
  const base = modelWithoutStyle(labDir, pages, opts.style, opts.extractors, opts.log);
  const ofPaper = (p: PageEntry) => p.style === opts.style && p.paper === opts.paper;
  const pool = pages.filter((p) => p.split === "dev" && ofPaper(p));
  // The pages measured on: the paper's test pages; or, to tune a paper's layer without
  // looking at them, its dev pages after those it could learn from.
  const heldFrom = opts.heldFrom ?? "test";
  const held = (heldFrom === "test" ? pages.filter((p) => p.split === "test" && ofPaper(p)) : pool.slice(Math.max(...CURVE_SIZES) * 2)).slice(0, opts.heldApart);
  const byExtractor: Record<string, CurvePoint[]> = {};
  const ceiling: Record<string, Counts> = {};
  const score = (model: Model, x: ExtractorName) => addCounts(emptyCounts(), tallyPages(labDir, held, [x], engineWith(model)).counts.overall);
  for (const x of opts.extractors) {
    const lab = score(base, x);
    byExtractor[x] = CURVE_SIZES.map((k) => {
      if (k === 0) return { corrected: 0, counts: lab, adopted: lab };
      const examples = [...labExamples(labDir, pool.slice(0, k), [x])];
      const counts = score(addLayer(base, trainLayer(base, examples, { style: opts.style })), x);
      const { layer } = paperLayer(base, examples);
      return { corrected: k, counts, adopted: layer ? score(addLayer(base, layer), x) : lab };
    });
    ceiling[x] = ceilingCounts(labDir, held, x);
  }
  return { style: opts.style, paper: opts.paper, heldApart: held.length, heldFrom, byExtractor, ceiling };
}

/** Whether a curve meets the goal: after 3 corrected pages, strictF1 has come at least half way to 1. */
export function meetsGoal(points: readonly CurvePoint[]): boolean {
  const at = (k: number) => figures((points.find((p) => p.corrected === k) as CurvePoint).counts).strictF1;
  const s0 = at(0);
  return at(3) >= s0 + (1 - s0) / 2;
}
