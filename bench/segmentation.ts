import { labConfig } from "@/lab/config";
import { ensureLab, type PageEntry } from "@/lab/generate";
import { SPLITS, type Split } from "@/lab/plan";
import { FIGURE_NAMES, figures, type Counts, type Figures } from "@/lab/score/metrics";
import { scorePdfLab, type RegionCounts } from "@/lab/score/pdf";
import { SAMPLES, scoreLab, selectPages, type DetailedReport, type Selection } from "@/lab/score/run";
import { STYLE_NAMES, isStyleName, type StyleName } from "@/lab/styles";
import { calibrate, type Reliability } from "@/lab/score/calibration";
import { ceilingCounts } from "@/lab/score/ceiling";
import { noticeCounts } from "@/lab/score/notices";
import { CURVE_SIZES, learningCurve, meetsGoal, type LearningCurve } from "@/lab/score/learning";
import { EXTRACTORS, type ExtractorName } from "@/lab/truth";
import { table as columns } from "./support/report";

/*
 * The segmentation lab's scorer: today's import engine on the generated pages (every
 * extractor's text of each) and on the two real samples. Generates the lab first when it
 * is missing or stale (minutes), then scores (seconds). See lab/README.md.
 *
 *   npm run bench:segmentation                        tables for dev and test
 *   npm run -s bench:segmentation -- --json           one JSON object (test split unless --split)
 *   options: --split dev|test|all  --extractor pdfjs,markdown  --style county-weekly  --limit N  --no-samples
 *   npm run bench:segmentation -- --input pdf         the PDF importer on each page's page.pdf instead of the
 *                                                     extracted texts (plus region IoU against the truth boxes)
 *   more options: --no-extras (only the figures: no ceiling, confidence or learning curve)  --ceiling (the ceiling even with --no-extras)  --notices (the notice's figures even with --no-extras)
 *                 --curve-style city-epaper --curve-paper 重庆日报
 *                 --curve-only (only the learning curve)  --curve-on dev (measure it on the paper's dev pages
 *                 after those it learns from: how a paper's layer is tuned, never on the test pages)
 *
 * After the figures (text input): how honest the engine's confidence is (test split), and the
 * learning curve of a paper whose style the model never saw (trained once without that style,
 * kept beside the lab), before and after 1, 3 and 10 corrected pages.
 */
const USAGE =
  "usage: npm run bench:segmentation -- [--input text|pdf] [--json] [--split dev|test|all] [--extractor name[,name]] [--style name[,name]] [--limit N] [--no-samples] [--no-extras] [--ceiling] [--notices] [--curve-style name --curve-paper name] [--curve-only] [--curve-on dev|test]\n" +
  `  extractors: ${EXTRACTORS.join(", ")}\n  styles: ${STYLE_NAMES.join(", ")}`;

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n${USAGE}\n`);
  process.exit(2);
}

type Args = {
  input: "text" | "pdf";
  json: boolean;
  split: Split | "all" | null;
  extractors: ExtractorName[];
  styles: StyleName[];
  limit: number | null;
  samples: boolean;
  extras: boolean;
  /** Also the ceiling of each extractor's reading (every line labelled right); part of the extras. */
  ceiling: boolean;
  /** Also how the "columns read across" notice does on the test split; part of the extras. */
  notices: boolean;
  curveStyle: StyleName;
  curvePaper: string;
  curveOnly: boolean;
  curveOn: "dev" | "test";
};

function parseArgs(argv: string[]): Args {
  const args: Args = {
    input: "text",
    json: false,
    split: null,
    extractors: [...EXTRACTORS],
    styles: [...STYLE_NAMES],
    limit: null,
    samples: true,
    extras: true,
    ceiling: false,
    notices: false,
    curveStyle: "city-epaper",
    curvePaper: "重庆日报",
    curveOnly: false,
    curveOn: "test",
  };
  const list = (v: string | undefined, flag: string) => {
    if (!v) fail(`${flag} needs a value`);
    return v.split(",").map((s) => s.trim()).filter(Boolean);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--json") args.json = true;
    else if (a === "--input") {
      const v = argv[++i];
      if (v !== "text" && v !== "pdf") fail("--input is text or pdf");
      args.input = v;
    }
    else if (a === "--no-samples") args.samples = false;
    else if (a === "--no-extras") args.extras = false;
    else if (a === "--ceiling") args.ceiling = true;
    else if (a === "--notices") args.notices = true;
    else if (a === "--curve-style") {
      const v = argv[++i] ?? "";
      if (!isStyleName(v)) fail(`unknown style ${v}`);
      args.curveStyle = v;
    } else if (a === "--curve-paper") {
      const v = argv[++i];
      if (!v) fail("--curve-paper needs a paper's name");
      args.curvePaper = v;
    } else if (a === "--curve-only") args.curveOnly = true;
    else if (a === "--curve-on") {
      const v = argv[++i];
      if (v !== "dev" && v !== "test") fail("--curve-on is dev or test");
      args.curveOn = v;
    }
    else if (a === "--split") {
      const v = argv[++i];
      if (v !== "dev" && v !== "test" && v !== "all") fail("--split is dev, test or all");
      args.split = v;
    } else if (a === "--extractor") {
      const names = list(argv[++i], a);
      for (const n of names) if (!(EXTRACTORS as readonly string[]).includes(n)) fail(`unknown extractor ${n}`);
      args.extractors = names as ExtractorName[];
    } else if (a === "--style") {
      const names = list(argv[++i], a);
      for (const n of names) if (!isStyleName(n)) fail(`unknown style ${n}`);
      args.styles = names as StyleName[];
    } else if (a === "--limit") {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n <= 0) fail("--limit needs a positive whole number");
      args.limit = n;
    } else if (a === "-h" || a === "--help") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`unexpected argument ${a}`);
  }
  return args;
}

const f3 = (n: number) => n.toFixed(3);
const round4 = (fig: Figures): Figures => Object.fromEntries(FIGURE_NAMES.map((k) => [k, Math.round(fig[k] * 10_000) / 10_000])) as Figures;

const sureShare = (c: Counts) => (c.sure ? f3(c.sureRight / c.sure) : "-");

function table(title: string, rows: [string, Counts, number | null][]): string {
  const head = ["", "inputs", "truth", "predicted", ...FIGURE_NAMES, "sure", "sureRight"];
  return `${title}\n${columns(head, rows.map(([name, c, inputs]) => [name, inputs === null ? "" : String(inputs), String(c.truth), String(c.predicted), ...FIGURE_NAMES.map((k) => f3(figures(c)[k])), String(c.sure), sureShare(c)]))}`;
}

function reportTables(name: string, r: DetailedReport, pageList: readonly PageEntry[], sel: Selection): string {
  const pages = pageList.length;
  const rows: [string, Counts, number | null][] = [];
  const perExtractor = pages;
  for (const x of sel.extractors) {
    const c = r.counts.byExtractor[x];
    if (c) rows.push([x, c, perExtractor]);
  }
  const s = r.counts.byExtractor[SAMPLES];
  if (s) rows.push([SAMPLES, s, 2]);
  rows.push(["overall", r.counts.overall, r.inputs]);
  const styles: [string, Counts, number | null][] = Object.entries(r.counts.byStyle).map(([k, c]) => [k, c, pageList.filter((p) => p.style === k).length * sel.extractors.length]);
  return `${table(`${name}: ${pages} lab pages${sel.samples ? " and the 2 samples" : ""}, ${r.articles} truth articles (sure: articles given confidence ≥ 0.9; sureRight: the share of them strictly right)`, rows)}\n\n${table(`${name}, by house style (all extractors)`, styles)}`;
}

function reliabilityTable(title: string, r: Reliability): string {
  const rows = r.bins.map((b) => `  ${b.from.toFixed(2)}–${b.to.toFixed(2)}  ${String(b.decisions).padStart(8)}  ${b.decisions ? f3(b.confidence) : "    -"}  ${b.decisions ? f3(b.right / b.decisions) : "    -"}`);
  const sure = r.sure.decisions ? f3(r.sure.right / r.sure.decisions) : "-";
  return [`${title}: of ${r.sure.decisions} decisions made with confidence ≥ 0.9, ${sure} right`, "  confidence  decisions  mean   right", ...rows].join("\n");
}

function curveTable(c: LearningCurve): string {
  const head =
    `learning curve: ${c.paper} (${c.style}, a style the model was trained without), strictF1 on ${c.heldApart} held-apart ${c.heldFrom} pages of it after N corrected pages; ` +
    "each extractor's first row with the layer as trained, its second as the desk reads (the layer when it reads the corrected pages no worse, leaving one out); ceiling: every line labelled right";
  const cols = [...CURVE_SIZES.map((k) => `N=${k}`.padStart(7)), "ceiling".padStart(9)];
  const rows = Object.entries(c.byExtractor).flatMap(([x, pts]) => {
    const s0 = figures((pts[0] as (typeof pts)[number]).counts).strictF1;
    const vals = (k: "counts" | "adopted") => pts.map((p) => f3(figures(p[k]).strictF1).padStart(7)).join("");
    const ceiling = f3(figures(c.ceiling[x] as Counts).strictF1).padStart(9);
    return [
      `  ${x.padEnd(17)}${vals("counts")}${ceiling}   goal at N=3: ${f3(s0 + (1 - s0) / 2)} ${meetsGoal(pts) ? "met" : "not met"}`,
      `  ${"  as adopted".padEnd(17)}${vals("adopted")}`,
    ];
  });
  return [head, `  ${"".padEnd(17)}${cols.join("")}`, ...rows].join("\n");
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = labConfig();
  const t0 = performance.now();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const lab = await ensureLab({ ...config, log });
  const tGenerated = performance.now();
  const base = { extractors: args.extractors, styles: args.styles, limit: args.limit, samples: args.samples };
  if (args.input === "pdf") return pdfReport(args, lab, config.workers, tGenerated);

  if (args.json) {
    const sel: Selection = { ...base, split: args.split ?? "test" };
    const r = await scoreLab(lab.dir, selectPages(lab.manifest.pages, sel), sel, { workers: config.workers });
    const byExtractor = Object.fromEntries(Object.entries(r.byExtractor).map(([k, v]) => [k, round4(v)]));
    process.stdout.write(`${JSON.stringify({ pages: r.pages, articles: r.articles, overall: round4(r.overall), byExtractor }, null, 2)}\n`);
    return;
  }

  const curve = () => curveTable(learningCurve(lab.dir, lab.manifest.pages, { style: args.curveStyle, paper: args.curvePaper, extractors: args.extractors, heldApart: 40, heldFrom: args.curveOn, log }));
  if (args.curveOnly) {
    process.stdout.write(`${curve()}\n`);
    return;
  }
  const splits: (Split | "all")[] = args.split ? [args.split] : [...SPLITS];
  const out: string[] = [];
  for (const split of splits) {
    const sel: Selection = { ...base, split };
    const pages = selectPages(lab.manifest.pages, sel);
    out.push(reportTables(split, await scoreLab(lab.dir, pages, sel, { workers: config.workers }), pages, sel));
    if (args.ceiling || args.extras) {
      const rows = args.extractors.map((x): [string, Counts, number | null] => [x, ceilingCounts(lab.dir, pages, x), pages.length]);
      out.push(table(`${split}, the ceiling: the same pages with every line labelled right (the truth's labels), what the reading and the assembly allow`, rows));
    }
  }
  const tScored = performance.now();
  if (args.extras) {
    // Calibration on a spread of test pages (every third), each read through every extractor.
    const test = selectPages(lab.manifest.pages, { ...base, split: "test", limit: null }).filter((_, i) => i % 3 === 0);
    const cal = calibrate(lab.dir, test, args.extractors);
    out.push(
      `confidence on ${test.length} test pages × ${args.extractors.length} extractors:\n${reliabilityTable("what a line is (its role)", cal.roles)}\n${reliabilityTable("whether an article starts at a line", cal.starts)}`,
    );
    out.push(curve());
  }
  if (args.extras || args.notices) {
    // The notice on the test split: every page read through every extractor.
    const test = selectPages(lab.manifest.pages, { ...base, split: "test", limit: null });
    const counts = noticeCounts(lab.dir, test, args.extractors);
    const rows = Object.entries(counts).map(([x, c]) => [x, String(c.across), String(c.acrossFlagged), String(c.others), String(c.othersFlagged)]);
    out.push(`the "columns read across" notice on ${test.length} test pages (read across: fewer than half of the line ends inside a sentence go on with the next line in the truth)\n${columns(["", "read across", "flagged", "others", "flagged"], rows)}`);
  }
  const m = lab.manifest;
  out.push(
    `lab ${m.key} in ${lab.dir}: ${m.pages.length} pages of ${m.issues} issues, ${m.pages.reduce((s, p) => s + p.articles, 0)} truth articles, ${m.dropped} corpus articles left out; ` +
      `${lab.generated ? `generated now in ${((tGenerated - t0) / 1000).toFixed(0)} s` : `generated earlier in ${m.seconds} s`}; scored in ${((tScored - tGenerated) / 1000).toFixed(1)} s`,
  );
  process.stdout.write(`${out.join("\n\n")}\n`);
}

const PDF_FIGURES = [...FIGURE_NAMES, "iouAtLeast90", "meanIou"] as const;

function pdfFigures(c: Counts, r: RegionCounts): Record<(typeof PDF_FIGURES)[number], number> {
  const share = (n: number, d: number) => (d === 0 ? 0 : n / d);
  return { ...figures(c), iouAtLeast90: share(r.iouAtLeast, r.matched), meanIou: share(r.iouSum, r.matched) };
}

function pdfTable(title: string, rows: [string, number, Counts, RegionCounts][]): string {
  const head = ["", "pages", "truth", "predicted", ...PDF_FIGURES];
  return `${title}\n${columns(head, rows.map(([name, pages, c, r]) => [name, String(pages), String(c.truth), String(c.predicted), ...PDF_FIGURES.map((k) => f3(pdfFigures(c, r)[k]))]))}`;
}

/** The PDF importer (lib/ingest/pdf) on each selected page's PDF: the text figures plus region IoU. */
async function pdfReport(args: Args, lab: Awaited<ReturnType<typeof ensureLab>>, workers: number, t0: number): Promise<void> {
  const splits: (Split | "all")[] = args.split ? [args.split] : args.json ? ["test"] : [...SPLITS];
  const out: string[] = [];
  const json: Record<string, unknown> = {};
  for (const split of splits) {
    const sel: Selection = { extractors: args.extractors, styles: args.styles, limit: args.limit, samples: false, split };
    const pages = selectPages(lab.manifest.pages, sel);
    const t = await scorePdfLab(lab.dir, pages, workers);
    const rows: [string, number, Counts, RegionCounts][] = [
      ...Object.entries(t.byStyle).map(([k, v]): [string, number, Counts, RegionCounts] => [k, pages.filter((p) => p.style === k).length, v.counts, v.regions]),
      ["overall", t.pages, t.counts, t.regions],
    ];
    out.push(pdfTable(`${split}, PDF input: ${t.pages} lab pages, ${t.articles} truth articles, ${(t.ms / Math.max(1, t.pages)).toFixed(0)} ms a page (read and segment, in ${workers} processes)`, rows));
    json[split] = { pages: t.pages, articles: t.articles, overall: Object.fromEntries(Object.entries(pdfFigures(t.counts, t.regions)).map(([k, v]) => [k, Math.round(v * 10_000) / 10_000])) };
  }
  if (args.json) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  else process.stdout.write(`${out.join("\n\n")}\n\nscored in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
