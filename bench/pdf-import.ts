import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS } from "../e2e/support/chromium";
import { labConfig } from "@/lab/config";
import { readManifest } from "@/lab/generate";
import { importPdf } from "@/lib/pdf/import";
import { chromiumPath } from "./support/browser";
import { goal, median, table } from "./support/report";
import { makeTempDir, requireBuild, runBench, startFolio } from "./support/servers";

/*
 * The PDF importer's speed and the printed page's weight:
 *
 * 1. A 4-page issue PDF (the first county-paper issue of the lab's test split, joined with
 *    pdfunite; typeset from the demo text when the lab is not generated) imported as the upload
 *    route does it: text and layout of every page, page images (pdftoppm, WebP ×3), photos.
 *    Cold (a fresh process: pdf.js loads) and warm (the median of BENCH_RUNS more).
 * 2. The reader's printed page on a phone (412×823 CSS px, device pixel ratio 1.75): the bytes
 *    transferred until the first screen is drawn (document, styles, the page image), on
 *    `npm start`'s server over the demo database. Needs `npm run build`.
 *
 *   npm run bench:pdf-import
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

function labIssue(dir: string): string | null {
  const { cacheDir } = labConfig();
  const keys = fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : [];
  for (const key of keys) {
    const manifest = readManifest(path.join(cacheDir, key));
    if (!manifest) continue;
    const pages = manifest.pages.filter((p) => p.split === "test" && p.style === "county-weekly");
    const issue = pages[0]?.issueId;
    const files = pages.filter((p) => p.issueId === issue).map((p) => path.join(cacheDir, key, p.dir, "page.pdf"));
    if (files.length < 2) continue;
    const out = path.join(dir, `${issue}.pdf`);
    execFileSync("pdfunite", [...files, out]);
    return out;
  }
  return null;
}

async function demoIssue(dir: string): Promise<string> {
  const { ingest } = await import("@/lib/ingest");
  const { typesetDemoPage } = await import("@/db/seed/demo-print");
  const files: string[] = [];
  for (const [i, file] of ["rongchang-2024-03-08-p1.md", "rongchang-feature-page.txt", "rongchang-2024-03-08-p1.md", "rongchang-feature-page.txt"].entries()) {
    const reading = ingest(fs.readFileSync(path.join(__dirname, "..", "db", "demo", file)));
    const f = path.join(dir, `p${i + 1}.pdf`);
    fs.writeFileSync(f, await typesetDemoPage({ reading, date: "2024-03-08", page: i + 1, pageName: "要闻" }));
    files.push(f);
  }
  const out = path.join(dir, "issue.pdf");
  execFileSync("pdfunite", [...files, out]);
  return out;
}

async function importTimes(file: string): Promise<string[][]> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const rows: string[][] = [];
  const once = async (label: string) => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const r = await importPdf(bytes);
    const cpu = process.cpuUsage(cpu0);
    const ms = performance.now() - t0;
    const articles = r.pages.reduce((n, p) => n + p.segmentation.articles.length, 0);
    const images = r.pages.reduce((n, p) => n + p.images.reduce((s, i) => s + i.bytes.length, 0), 0);
    return { label, ms, text: r.ms.text, images: r.ms.images, cpu: (cpu.user + cpu.system) / 1000, pages: r.pages.length, articles, photos: r.pages.reduce((n, p) => n + p.photos.length, 0), imageKb: images / 1024 };
  };
  const cold = await once("cold (pdf.js loads)");
  const warm: Awaited<ReturnType<typeof once>>[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await once("warm"));
  const med = (k: "ms" | "text" | "images" | "cpu") => median(warm.map((w) => w[k]));
  for (const r of [cold, { ...cold, label: `warm, median of ${RUNS}`, ms: med("ms"), text: med("text"), images: med("images"), cpu: med("cpu") }]) {
    rows.push([r.label, String(r.pages), String(r.articles), String(r.photos), `${(r.imageKb / r.pages).toFixed(0)} KB`, `${(r.text / 1000).toFixed(2)} s`, `${(r.images / 1000).toFixed(2)} s`, `${(r.ms / 1000).toFixed(2)} s`, `${(r.cpu / 1000).toFixed(2)} s`]);
  }
  return rows;
}

async function printedPageWeight(): Promise<{ rows: string[][]; firstScreen: number }> {
  requireBuild();
  const dir = makeTempDir("folio-bench-pdf-");
  const databasePath = path.join(dir, "folio.db");
  execFileSync(path.join(__dirname, "..", "node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join(__dirname, "..", "scripts", "seed.ts"), "--demo"], {
    env: { ...process.env, DATABASE_PATH: databasePath },
    stdio: "ignore",
  });
  const server = await startFolio({ databasePath });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const rows: string[][] = [];
  let firstScreen = 0;
  try {
    for (const [label, viewport, scale] of [
      ["phone 412×823 @1.75", { width: 412, height: 823 }, 1.75],
      ["desktop 1280×900 @1", { width: 1280, height: 900 }, 1],
    ] as const) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: scale });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      const bytes = new Map<string, number>();
      const types = new Map<string, string>();
      cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
      cdp.on("Network.loadingFinished", (e) => bytes.set(e.requestId, e.encodedDataLength));
      await page.goto(`${server.origin}/issues/2024-03-08/3`, { waitUntil: "load" });
      await page.waitForTimeout(500);
      const by = (t: string) => [...bytes].filter(([id]) => types.get(id) === t).reduce((s, [, b]) => s + b, 0);
      const total = [...bytes.values()].reduce((s, b) => s + b, 0);
      const src = await page.locator("figure img").first().evaluate((img: HTMLImageElement) => img.currentSrc.split("/").pop() ?? "");
      rows.push([label, src, `${(by("Document") / 1024).toFixed(1)} KB`, `${(by("Stylesheet") / 1024).toFixed(1)} KB`, `${(by("Image") / 1024).toFixed(1)} KB`, `${(by("Script") / 1024).toFixed(1)} KB`, `${(total / 1024).toFixed(1)} KB`]);
      if (label.startsWith("phone")) firstScreen = total;
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return { rows, firstScreen };
}

runBench(async () => {
  const dir = makeTempDir("folio-bench-issue-");
  const file = labIssue(dir) ?? (await demoIssue(dir));
  console.log(`4-page issue PDF: ${path.basename(file)}, ${(fs.statSync(file).size / 1024).toFixed(0)} KB; load average ${loadavg()}`);
  const rows = await importTimes(file);
  console.log(table(["import", "pages", "articles", "photos", "images a page", "text+layout", "page images", "total", "CPU"], rows));
  const warm = rows[1]?.[7] ?? "";
  console.log(goal("4-page issue imported in < 5 s (warm)", warm, Number.parseFloat(warm) < 5));
  const weight = await printedPageWeight();
  console.log(`\nprinted page (/issues/2024-03-08/3), transferred until load, cache off; load average ${loadavg()}`);
  console.log(table(["screen", "image chosen", "HTML", "CSS", "images", "scripts", "total"], weight.rows));
  console.log(goal("first screen on a phone < 150 KB", `${(weight.firstScreen / 1024).toFixed(1)} KB`, weight.firstScreen < 150 * 1024));
});
