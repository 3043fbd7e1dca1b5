import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { labConfig } from "@/lab/config";
import { ensureLab, type PageEntry } from "@/lab/generate";
import { engineWith } from "@/lab/score/engine";
import { goldLabels } from "@/lab/score/labels";
import { strictMatches } from "@/lab/score/metrics";
import { classifyMiss } from "@/lab/score/misses";
import { truthFields } from "@/lab/score/run";
import { LAB_TRAINING, splitHeldOut, trainOnLab } from "@/lab/score/training";
import { EXTRACTORS, PAGE_FILES, type ExtractorName, type PageTruth } from "@/lab/truth";
import { labelLines } from "@/lib/ingest/labeller";
import { asKept, modelFromJson, modelToJson, type Model, type ModelJson } from "@/lib/ingest/model/model";
import { readPage } from "@/lib/ingest/page";

/*
 * The line labeller's misses on the held-out dev fifth, classified (README, "The segmentation
 * lab"): the labeller trained as `bench:holdout` trains it, on four fifths of the lab's dev
 * split, then each truth article of the fifth left out that the engine does not strictly
 * match, named by the first of its lines the labeller got wrong (lab/score/misses.ts). The
 * classes say what evidence the labeller lacks; the test split is never read.
 *
 *   npm run bench:misses [-- --fifth 0] [--seed 13] [--extractors pdftotext-raw,pdfjs,markdown]
 *                        [--model file | --save file] [--detail file]
 *
 * --model reads a model saved before with --save (training takes about 20 minutes: a perceptron and a CRF); --detail
 * writes each miss with the lines around it, their truth and decoded labels.
 */
type Args = { fifth: number; seed: number; extractors: ExtractorName[]; model: string | null; save: string | null; detail: string | null };

function parseArgs(argv: string[]): Args {
  const a: Args = { fifth: 0, seed: LAB_TRAINING.seed, extractors: ["pdftotext-raw", "pdfjs", "markdown"], model: null, save: null, detail: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i], argv[i + 1]];
    const n = Number(v);
    if (k === "--fifth" && Number.isInteger(n) && n >= 0 && n < 5) a.fifth = n;
    else if (k === "--seed" && Number.isInteger(n)) a.seed = n;
    else if (k === "--extractors" && v && v.split(",").every((x) => (EXTRACTORS as readonly string[]).includes(x))) a.extractors = v.split(",") as ExtractorName[];
    else if (k === "--model" && v) a.model = v;
    else if (k === "--save" && v) a.save = v;
    else if (k === "--detail" && v) a.detail = v;
    else {
      process.stderr.write(
        `error: unexpected ${k ?? ""} ${v ?? ""}\nusage: npm run bench:misses -- [--fifth 0-4] [--seed N] [--extractors ${EXTRACTORS.join(",")}] [--model file | --save file] [--detail file]\n`,
      );
      process.exit(2);
    }
  }
  return a;
}

const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const lab = await ensureLab({ ...labConfig(), log });
  const dev: PageEntry[] = lab.manifest.pages.filter((p) => p.split === "dev");
  const left = dev.filter((_, i) => i % 5 === args.fifth);
  let model: Model;
  if (args.model) model = modelFromJson(JSON.parse(readFileSync(args.model, "utf8")) as ModelJson);
  else {
    log(`training on the dev pages outside fifth ${args.fifth}, seed ${args.seed}`);
    model = asKept(trainOnLab(lab.dir, splitHeldOut(dev.filter((_, i) => i % 5 !== args.fifth)), { extractors: EXTRACTORS, seed: args.seed, log }));
    if (args.save) writeFileSync(args.save, JSON.stringify(modelToJson(model)));
  }
  const engine = engineWith(model);
  const kinds = new Map<string, number>();
  const byExtractor = new Map<string, number>();
  const detail: string[] = [];
  let truthArticles = 0;
  for (const entry of left) {
    const dir = path.join(lab.dir, entry.dir);
    const truth = JSON.parse(readFileSync(path.join(dir, PAGE_FILES.truth), "utf8")) as PageTruth;
    const fields = truth.articles.map(truthFields);
    for (const x of args.extractors) {
      const text = readFileSync(path.join(dir, PAGE_FILES.text(x)), "utf8");
      const right = new Set(strictMatches(fields, engine(text).articles).map((m) => m.truth));
      const { reading } = readPage(text);
      const gold = goldLabels(truth, reading);
      const decoded = labelLines(reading, model).labels;
      truthArticles += fields.length;
      fields.forEach((f, ti) => {
        if (right.has(ti)) return;
        const miss = classifyMiss(gold.labels, gold.owners, decoded, ti);
        count(kinds, miss.kind);
        count(byExtractor, x);
        if (!args.detail) return;
        detail.push(`\n=== ${entry.id} ${x} article ${ti} ${miss.kind} | kicker ${f.kicker} | title ${f.title} | subtitle ${f.subtitle} | byline ${f.byline}`);
        const at = Math.max(miss.line, 0);
        for (let j = Math.max(0, at - 5); j < Math.min(reading.lines.length, at + 5); j++) {
          const mark = j === miss.line ? ">>" : "  ";
          detail.push(`${mark} ${String(j).padStart(4)} truth ${(gold.labels[j] ?? "").padEnd(3)} decoded ${(decoded[j] ?? "").padEnd(3)} ${reading.lines[j]?.text.slice(0, 60)}`);
        }
      });
    }
  }
  const missed = [...kinds.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(`held-out dev fifth ${args.fifth} (${left.length} pages; ${args.extractors.join(", ")}): ${missed} of ${truthArticles} truth articles not strictly matched\n`);
  process.stdout.write(`by extractor: ${[...byExtractor].map(([k, v]) => `${k} ${v}`).join(", ")}\n`);
  for (const [k, v] of [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) process.stdout.write(`${String(v).padStart(5)}  ${k}\n`);
  if (args.detail) writeFileSync(args.detail, detail.join("\n") + "\n");
}

main().catch((e: unknown) => {
  process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
