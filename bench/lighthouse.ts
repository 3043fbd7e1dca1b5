import os from "node:os";
import type { Result as LighthouseResult } from "lighthouse";
import { CHROMIUM_ARGS } from "../e2e/support/chromium";
import { chromiumPath } from "./support/browser";
import { goal, median, table } from "./support/report";
import { requireBuild, runBench } from "./support/servers";
import { seedLeadPhotos } from "./support/photos";
import { startSeededSite, typicalArticleUrl } from "./support/site";

/*
 * Lighthouse 12 (mobile profile: emulated phone, simulated slow 4G and 4× CPU slowdown)
 * on a typical article page of the seeded archive, one with a lead photo (a camera-sized upload,
 * processed as the app processes it), served by `npm start`'s server of the existing build.
 * Chromium is Debian's (or CHROMIUM_PATH), started by chrome-launcher, the launcher Lighthouse
 * itself depends on. Also printed: what the phone fetched for the first screen (goal < 150 KB)
 * and the layout shift (goal 0). The performance score follows the host's load, so it runs
 * several times (BENCH_RUNS, default 3) and reports the median, as Lighthouse advises.
 * Needs `npm run build` first.
 *
 *   npm run bench:lighthouse
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const GOALS = [
  { id: "performance", min: 95 },
  { id: "accessibility", min: 100 },
  { id: "best-practices", min: 95 },
  { id: "seo", min: 100 },
] as const;

const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];

const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_ARGS];

type ChromeLauncher = typeof import("chrome-launcher");
type Lighthouse = (typeof import("lighthouse"))["default"];

const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

async function runOnce(lighthouse: Lighthouse, launcher: ChromeLauncher, url: string): Promise<LighthouseResult> {
  // A fresh browser per run: nothing cached from the previous one.
  const chrome = await launcher.launch({ chromePath: chromiumPath(), chromeFlags: CHROME_FLAGS, logLevel: "error" });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: GOALS.map((g) => g.id) });
    if (!result) throw new Error("Lighthouse returned no result");
    if (result.lhr.runtimeError) throw new Error(`${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

const score = (lhr: LighthouseResult, id: string) => {
  const s = lhr.categories[id]?.score;
  return s == null ? Number.NaN : Math.round(s * 100);
};

/** Failed audits of a category, the weighted ones first: what cost the points. */
function printShortfalls(lhr: LighthouseResult) {
  for (const g of GOALS) {
    const category = lhr.categories[g.id];
    if (!category || category.score === 1) continue;
    const failed = category.auditRefs
      .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
      .filter(({ audit }) => audit && audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== "informative" && audit.scoreDisplayMode !== "notApplicable")
      .sort((a, b) => b.ref.weight - a.ref.weight);
    if (failed.length === 0) continue;
    console.log(`\n${category.title}: below full marks in the median run`);
    for (const { ref, audit } of failed.slice(0, 8)) {
      console.log(`  - ${audit?.title}${audit?.displayValue ? ` (${audit.displayValue})` : ""}${ref.weight ? `, weight ${ref.weight}` : ""}`);
      // Console errors are bugs, not tuning: show them.
      if (ref.id === "errors-in-console" && audit?.details?.type === "table") {
        for (const item of audit.details.items.slice(0, 5)) {
          const where = item.sourceLocation as { url?: string } | undefined;
          console.log(`      ${String(item.description ?? "").slice(0, 200)} ${where?.url ?? ""}`);
        }
      }
    }
  }
}

/** What the phone fetched to show the page (lazy pictures below the fold are not fetched), by request. */
function printFirstScreen(lhr: LighthouseResult) {
  const requests = lhr.audits["network-requests"]?.details;
  if (requests?.type !== "table") return;
  const rows = (requests.items as { url?: string; resourceType?: string; transferSize?: number; mimeType?: string }[]).filter((r) => (r.transferSize ?? 0) > 0);
  const total = rows.reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  console.log(`
First screen on the phone (median-performance run): ${rows.length} requests, ${(total / 1024).toFixed(1)} KB transferred`);
  console.log(table(["resource", "type", "transferred"], rows.map((r) => [new URL(r.url ?? "", "http://x").pathname.slice(0, 60), r.mimeType ?? r.resourceType ?? "", `${((r.transferSize ?? 0) / 1024).toFixed(1)} KB`])));
  console.log(goal("first-screen bytes < 150 KB", `${(total / 1024).toFixed(1)} KB`, total < 150 * 1024));
}

async function main() {
  requireBuild();
  console.log("Seeding the archive and starting the server …");
  const { next, archive } = await startSeededSite({ beforeStart: () => seedLeadPhotos().then(() => undefined) });
  const url = next.origin + (await typicalArticleUrl(next.origin, archive));
  console.log(`article: ${url}`);

  // Both are ES modules, loaded when needed.
  let lighthouse: Lighthouse;
  let launcher: ChromeLauncher;
  try {
    lighthouse = (await import("lighthouse")).default;
    launcher = await import("chrome-launcher");
  } catch (e) {
    console.log(`Lighthouse cannot run here: it failed to load (${e instanceof Error ? e.message : String(e)}).`);
    process.exitCode = 1;
    return;
  }

  const runs: LighthouseResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = loadavg();
    try {
      runs.push(await runOnce(lighthouse, launcher, url));
    } catch (e) {
      console.log(`Lighthouse cannot run here: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
      return;
    }
    console.log(`run ${i + 1}: ${GOALS.map((g) => `${g.id} ${score(runs[i] as LighthouseResult, g.id)}`).join(", ")}  (load average before: ${before})`);
  }

  const first = runs[0] as LighthouseResult;
  console.log(`\nLighthouse ${first.lighthouseVersion}, ${first.configSettings.formFactor}, throttling: ${first.configSettings.throttlingMethod}; median of ${runs.length} runs`);
  console.log(
    table(
      ["metric", "median", "runs"],
      METRICS.map((id) => {
        const values = runs.map((r) => r.audits[id]?.numericValue ?? Number.NaN);
        const mid = runs.find((r) => r.audits[id]?.numericValue === median(values)) ?? first;
        return [first.audits[id]?.title ?? id, mid.audits[id]?.displayValue ?? String(median(values)), runs.map((r) => r.audits[id]?.displayValue ?? "—").join(" / ")];
      }),
    ),
  );

  console.log("\nScores and goals (median, all runs in brackets)");
  for (const g of GOALS) {
    const all = runs.map((r) => score(r, g.id));
    const m = median(all);
    console.log(goal(`${(first.categories[g.id]?.title ?? g.id).padEnd(15)} ≥ ${g.min}`, `${m} [${all.join(", ")}]`, m >= g.min));
  }

  // The run whose performance score is the median one.
  const byPerformance = [...runs].sort((a, b) => score(a, "performance") - score(b, "performance"));
  const middle = byPerformance[byPerformance.length >> 1] as LighthouseResult;
  printFirstScreen(middle);
  const cls = median(runs.map((r) => r.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN));
  console.log(goal("Cumulative Layout Shift = 0", String(cls), cls === 0));
  printShortfalls(middle);
}

runBench(main);
