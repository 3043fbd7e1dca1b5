import { labConfig } from "@/lab/config";
import { ensureLab, type PageEntry } from "@/lab/generate";
import { engineWith } from "@/lab/score/engine";
import { addCounts, emptyCounts, FIGURE_NAMES, figures, type Counts } from "@/lab/score/metrics";
import { tallyPages } from "@/lab/score/run";
import { LAB_TRAINER, LAB_TRAINING, splitHeldOut, trainOnLab, type Trainer } from "@/lab/score/training";
import { EXTRACTORS } from "@/lab/truth";
import { table as columns } from "./support/report";

/*
 * The held-out check that decides a training setting or a feature (README, "The segmentation
 * lab"): the line labeller trained as `npm run ingest:train` trains it, on four fifths of
 * the lab's dev split, then the engine with that model on the fifth left out, once per
 * shuffling seed. The order of the examples alone moves these figures by about 0.02 overall,
 * so a change is compared with the same seeds, several of them, before it is kept. The test
 * split is never read.
 *
 *   npm run bench:holdout [-- --seeds 13,2] [--fifth 0] [--epochs 15] [--limit N] [--trainer perceptron|crf|averaged]
 *
 * About 8 minutes a seed with the perceptron alone, about twice that with the lab's averaged
 * trainer, which trains a CRF too (measured beside one other job: the perceptron, seed 13, read
 * the left-out fifth at articleF1 0.902, strictF1 0.717, the figures the README gave for it then).
 */
type Args = { seeds: number[]; fifth: number; epochs: number | null; limit: number | null; trainer: Trainer };

function parseArgs(argv: string[]): Args {
  const a: Args = { seeds: [LAB_TRAINING.seed, 2], fifth: 0, epochs: null, limit: null, trainer: LAB_TRAINER };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i], argv[i + 1]];
    const n = Number(v);
    if (k === "--seeds" && v && v.split(",").every((x) => Number.isInteger(Number(x)))) a.seeds = v.split(",").map(Number);
    else if (k === "--fifth" && Number.isInteger(n) && n >= 0 && n < 5) a.fifth = n;
    else if (k === "--epochs" && Number.isInteger(n) && n > 0) a.epochs = n;
    else if (k === "--limit" && Number.isInteger(n) && n > 0) a.limit = n;
    else if (k === "--trainer" && (v === "perceptron" || v === "crf" || v === "averaged")) a.trainer = v;
    else {
      process.stderr.write(`error: unexpected ${k ?? ""} ${v ?? ""}\nusage: npm run bench:holdout -- [--seeds 13,2] [--fifth 0-4] [--epochs N] [--limit N] [--trainer perceptron|crf|averaged]\n`);
      process.exit(2);
    }
  }
  return a;
}

const f3 = (x: number) => x.toFixed(3);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const lab = await ensureLab({ ...labConfig(), log });
  const dev: PageEntry[] = lab.manifest.pages.filter((p) => p.split === "dev");
  const cap = (xs: PageEntry[]) => (args.limit === null ? xs : xs.slice(0, args.limit));
  const left = cap(dev.filter((_, i) => i % 5 === args.fifth));
  const rest = cap(dev.filter((_, i) => i % 5 !== args.fifth));
  log(`training on ${rest.length} dev pages (a tenth of them for the temperature), reading the ${left.length} left out (fifth ${args.fifth}), seeds ${args.seeds.join(", ")}, trainer ${args.trainer}, ${args.epochs ?? "its usual"} epochs`);
  const rows: [string, Counts][] = [];
  const all = emptyCounts();
  for (const seed of args.seeds) {
    const t0 = performance.now();
    const model = trainOnLab(lab.dir, splitHeldOut(rest), { extractors: EXTRACTORS, epochs: args.epochs ?? undefined, seed, trainer: args.trainer, log });
    const t = tallyPages(lab.dir, left, EXTRACTORS, engineWith(model));
    log(`seed ${seed}: trained and read in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    for (const x of EXTRACTORS) rows.push([`seed ${seed} ${x}`, t.counts.byExtractor[x] ?? emptyCounts()]);
    rows.push([`seed ${seed} overall`, t.counts.overall]);
    addCounts(all, t.counts.overall);
  }
  if (args.seeds.length > 1) rows.push(["all seeds overall", all]);
  const table = columns(["", ...FIGURE_NAMES], rows.map(([name, c]) => [name, ...FIGURE_NAMES.map((k) => f3(figures(c)[k]))]));
  process.stdout.write(`held-out dev fifth ${args.fifth}: ${left.length} pages × ${EXTRACTORS.length} extractors, trained on ${rest.length}\n${table}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
