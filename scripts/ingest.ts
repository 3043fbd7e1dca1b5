import { readFileSync } from "node:fs";
import { IngestError, ingest, toContractJson, type IngestHints, type Segmentation } from "@/lib/ingest";
import { segmentPdf } from "@/lib/ingest/pdf";
import { isPdf, PdfError, readPdf } from "@/lib/pdf/read";

const USAGE = "usage: npm run -s ingest -- <file|-> [--page N] [--date YYYY-MM-DD]   (raw text, or a print PDF: a page or a whole issue)";

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { file: string; hints: IngestHints } {
  let file: string | null = null;
  const hints: IngestHints = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--page") {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n <= 0) fail("--page needs a positive whole number");
      hints.page = n;
    } else if (a === "--date") {
      const d = argv[++i] ?? "";
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) fail("--date needs YYYY-MM-DD");
      hints.date = d;
    } else if (a === "-h" || a === "--help") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (file === null && (a === "-" || !a.startsWith("-"))) file = a;
    else fail(`unexpected argument ${a}\n${USAGE}`);
  }
  if (file === null) fail(USAGE);
  return { file, hints };
}

function readInput(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file === "-" ? 0 : file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") fail(`no such file: ${file}`);
    if (code === "EISDIR") fail(`${file} is a directory`);
    fail(`cannot read ${file === "-" ? "stdin" : file} (${code ?? "unknown error"})`);
  }
}

async function main(): Promise<void> {
  const { file, hints } = parseArgs(process.argv.slice(2));
  const bytes = readInput(file);
  try {
    // A PDF is read by its geometry (lib/ingest/pdf): the same contract, plus pages and boxes.
    const seg: Segmentation = isPdf(bytes) ? segmentPdf(await readPdf(bytes), hints) : ingest(bytes, hints);
    process.stdout.write(`${JSON.stringify(toContractJson(seg), null, 2)}\n`);
  } catch (e) {
    if (e instanceof IngestError || e instanceof PdfError) fail(e.message);
    fail(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

void main();
