import { writeFileSync } from "node:fs";
import path from "node:path";
import { labConfig, REPO_ROOT } from "@/lab/config";
import { ensureLab, type PageEntry } from "@/lab/generate";
import { LAB_TRAINING, splitHeldOut, trainOnLab } from "@/lab/score/training";
import { EXTRACTORS } from "@/lab/truth";
import { modelToJson } from "@/lib/ingest/model/model";

/*
 * npm run ingest:train: trains the import engine's line labeller on the segmentation lab's
 * dev split (every page through every extractor) and writes lib/ingest/model/weights.json.
 * Deterministic: the same lab gives the same file. Every tenth dev page is held out of
 * training to fit the temperature that makes confidence honest.
 *
 * With --paper, retrains that paper's own model instead: the lab model (weights.json) plus
 * a layer learned from the paper's accepted imports in the database (DATABASE_PATH), which
 * imports of the paper use from then on. The desk's Papers page does the same.
 *
 *   npm run ingest:train [-- --epochs N] [--limit N] [--out file]
 *   npm run ingest:train -- --paper 荣昌报
 */
/**
 * Weights smaller than this (in log-odds) are left out of the file: measured on held-out
 * dev pages they change no figure, and the file is a tenth of the size (it is sent to the
 * browser, where the import form previews the engine's reading).
 */
const MIN_WEIGHT = 0.03;

function args(argv: string[]): { epochs: number; limit: number | null; out: string; paper: string | null } {
  const a = { epochs: LAB_TRAINING.epochs as number, limit: null as number | null, out: path.join(REPO_ROOT, "lib/ingest/model/weights.json"), paper: null as string | null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (v === undefined || !["--epochs", "--limit", "--out", "--paper"].includes(k ?? "")) throw new Error(`unexpected argument ${k}`);
    i++;
    if (k === "--epochs") a.epochs = Number(v);
    else if (k === "--limit") a.limit = Number(v);
    else if (k === "--out") a.out = path.resolve(v);
    else a.paper = v.trim();
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
  const model = trainOnLab(lab.dir, splitHeldOut(dev, a.limit), { extractors: EXTRACTORS, epochs: a.epochs, log });
  model.trainedOn = { lab: lab.manifest.key, split: "dev", ...model.trainedOn };
  const json = modelToJson(model, MIN_WEIGHT);
  writeFileSync(a.out, `${JSON.stringify(json)}\n`);
  log(`${Object.keys(json.weights).length} features kept; ${a.out}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
