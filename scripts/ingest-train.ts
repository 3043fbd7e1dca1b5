import { writeFileSync } from "node:fs";
import path from "node:path";
import { labConfig, REPO_ROOT } from "@/lab/config";
import { ensureLab, type PageEntry } from "@/lab/generate";
import { labStackPairs, labWrapPairs, splitHeldOut, trainOnLab } from "@/lab/score/training";
import { wrapPairFeatures } from "@/lib/ingest/model/stack-wrap";
import { EXTRACTORS } from "@/lab/truth";
import { modelToJson } from "@/lib/ingest/model/model";
import { calibrateStackRoles, trainStackRoles, type PairFeatures, type StackPair, type StackRolesJson } from "@/lib/ingest/model/stack-roles";

/*
 * npm run ingest:train: trains the import engine's line labeller on the segmentation lab's
 * dev split (every page through every extractor: a perceptron and a CRF, averaged, lab/score/training.ts
 * `LAB_TRAINER`) and writes lib/ingest/model/weights.json,
 * then the two-part stacks' model (which part is the title, lib/ingest/model/stack-roles.ts)
 * on the same pages' stacks into stack-roles.json (`--only stack-roles`: that one alone, in
 * seconds), then the wrap model (a kicker over its title, or one title wrapped,
 * lib/ingest/model/stack-wrap.ts) on the same pages' headline lines into stack-wrap.json
 * (`--only stack-wrap`, a minute). Deterministic: the same lab gives the same files. Every tenth dev page is held
 * out of the labeller's training to fit the temperature that makes confidence honest.
 *
 * With --paper, retrains that paper's own model instead: the lab model (weights.json) plus
 * a layer learned from the paper's accepted imports in the database (DATABASE_PATH), which
 * imports of the paper use from then on. The desk's Papers page does the same.
 *
 *   npm run ingest:train [-- --epochs N] [--limit N] [--out file] [--only labeller|stack-roles|stack-wrap]
 *   npm run ingest:train -- --paper 荣昌报
 */
/**
 * Weights smaller than this (in log-odds) are left out of the file: measured on held-out
 * dev pages they change no figure, and the file is a tenth of the size (it is sent to the
 * browser, where the import form previews the engine's reading).
 */
const MIN_WEIGHT = 0.03;

type Only = "labeller" | "stack-roles" | "stack-wrap" | null;

function args(argv: string[]): { epochs: number | undefined; limit: number | null; out: string; paper: string | null; only: Only } {
  const a = { epochs: undefined as number | undefined, limit: null as number | null, out: path.join(REPO_ROOT, "lib/ingest/model/weights.json"), paper: null as string | null, only: null as Only };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (v === undefined || !["--epochs", "--limit", "--out", "--paper", "--only"].includes(k ?? "")) throw new Error(`unexpected argument ${k}`);
    i++;
    if (k === "--epochs") a.epochs = Number(v);
    else if (k === "--limit") a.limit = Number(v);
    else if (k === "--out") a.out = path.resolve(v);
    else if (k === "--only") {
      if (v !== "labeller" && v !== "stack-roles" && v !== "stack-wrap") throw new Error(`--only takes labeller, stack-roles or stack-wrap, not ${v}`);
      a.only = v;
    } else a.paper = v.trim();
  }
  return a;
}

async function trainPaper(paper: string): Promise<void> {
  const { retrainPaperModel } = await import("@/services/paper-models");
  const t0 = performance.now();
  const outcome = await retrainPaperModel({ paper, trainedById: null });
  if (!outcome.ok) {
    process.stderr.write(`error: ${paper} has no accepted imports to learn from\n`);
    process.exit(2);
  }
  process.stdout.write(`${paper}: retrained on ${outcome.pages} corrected page(s) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

async function main(): Promise<void> {
  const a = args(process.argv.slice(2));
  if (a.paper) return trainPaper(a.paper);
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const lab = await ensureLab({ ...labConfig(), log });
  const dev: PageEntry[] = lab.manifest.pages.filter((p) => p.split === "dev");
  if (a.only === null || a.only === "labeller") {
    const model = trainOnLab(lab.dir, splitHeldOut(dev, a.limit), { extractors: EXTRACTORS, epochs: a.epochs, log });
    model.trainedOn = { lab: lab.manifest.key, split: "dev", ...model.trainedOn };
    const json = modelToJson(model, MIN_WEIGHT);
    writeFileSync(a.out, `${JSON.stringify(json)}\n`);
    log(`${Object.keys(json.weights).length} features kept; ${a.out}`);
  }
  const pages = a.limit === null ? dev : dev.slice(0, a.limit);
  const pairModel = (file: string, what: string, pairs: StackPair[], features?: PairFeatures) => {
    const heldOut = calibrateStackRoles(pairs, features);
    const json: StackRolesJson = { version: 1, trainedOn: { lab: lab.manifest.key, split: "dev", stacks: pairs.length }, heldOut, weights: trainStackRoles(pairs, { features }) };
    const out = path.join(path.dirname(a.out), file);
    writeFileSync(out, `${JSON.stringify(json)}\n`);
    log(`${what}: ${pairs.length}, ${Object.keys(json.weights).length} features kept; ${out}`);
    log(`held out by fifths, right by |score|: ${heldOut.map((b) => `${b.minScore}+ ${b.right} of ${b.stacks}`).join(", ")}`);
  };
  if (a.only === null || a.only === "stack-roles") pairModel("stack-roles.json", "stack roles, two-part stacks", labStackPairs(lab.dir, pages));
  if (a.only === null || a.only === "stack-wrap") pairModel("stack-wrap.json", "stack wrap, pairs of headline lines", labWrapPairs(lab.dir, pages), wrapPairFeatures);
}

main().catch((e: unknown) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
