import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { searchPublishedArticles } from "@/db/queries/public/search";
import { PUBLIC_RENDERS } from "@/lib/limits";
import { launchChromium } from "./support/browser";
import { goal, kb, ms, ratio, table } from "./support/report";
import { makeTempDir, requireBuild, runBench, startFolio, startStatic } from "./support/servers";
import { startSeededSite, typicalArticleUrl } from "./support/site";

/*
 * The public site under load, side by side with a static copy of the same HTML served
 * by a minimal node:http server on the same machine: `npm start`'s server (scripts/serve.ts) on the existing build
 * on a seeded archive (100 issues × 4 pages × 10 published articles), autocannon with
 * 50 connections against each URL of both servers in turn, and the bytes a reader's
 * browser downloads for one article page. Needs `npm run build` first.
 *
 *   npm run bench:public              20 s per measurement
 *   BENCH_SECONDS=5 npm run bench:public
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 50;
const QUERIES = { two: "科技", four: "乡村振兴" } as const;

const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

type Load = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

/** autocannon against one URL. */
async function load(url: string, seconds: number, { connections = CONNECTIONS } = {}): Promise<Load> {
  const r = await autocannon({ url, connections, duration: seconds, timeout: 30 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/** Bytes a browser downloads for the page, gzip as served, by resource type. */
async function transferred(url: string): Promise<{ byType: Map<string, { count: number; bytes: number }>; encodings: Set<string> }> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ extraHTTPHeaders: { "accept-encoding": "gzip" } });
    const page = await context.newPage();
    const byType = new Map<string, { count: number; bytes: number }>();
    const encodings = new Set<string>();
    const pending: Promise<void>[] = [];
    page.on("requestfinished", (request) => {
      pending.push(
        (async () => {
          const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
          const type = request.resourceType();
          const entry = byType.get(type) ?? { count: 0, bytes: 0 };
          entry.count += 1;
          entry.bytes += sizes.responseBodySize + sizes.responseHeadersSize;
          byType.set(type, entry);
          const encoding = response ? await response.headerValue("content-encoding") : null;
          if (["document", "script", "stylesheet"].includes(type)) encodings.add(`${type}:${encoding ?? "identity"}`);
        })(),
      );
    });
    await page.goto(url, { waitUntil: "networkidle" });
    await Promise.all(pending);
    return { byType, encodings };
  } finally {
    await browser.close();
  }
}

async function main() {
  requireBuild();
  console.log(`Seeding the archive and starting npm start's server … (${SECONDS} s per measurement, ${CONNECTIONS} connections)`);
  const site = await startSeededSite();
  const { next, archive } = site;
  console.log(`archive: ${archive.issues} issues, ${archive.articles} published articles, seeded in ${(archive.ms / 1000).toFixed(1)} s`);

  const articlePath = await typicalArticleUrl(next.origin, archive);
  const targets = [
    { name: "home", path: "/", file: "home.html" },
    { name: "article", path: articlePath, file: "article.html" },
    { name: `search "${QUERIES.two}" (2 chars)`, path: `/search?q=${encodeURIComponent(QUERIES.two)}`, file: "search-2.html" },
    { name: `search "${QUERIES.four}" (4 chars)`, path: `/search?q=${encodeURIComponent(QUERIES.four)}`, file: "search-4.html" },
  ];
  // The same pages never served from memory: the cost of rendering them (after a publish, or a new query),
  // on a second server on the same database with the page cache off. As many connections as one
  // client may have renders waiting (lib/limits.ts): more from one address would be turned away (503).
  const uncachedServer = await startFolio({ databasePath: site.databasePath, env: { PUBLIC_PAGE_CACHE_MB: "0" } });
  const UNCACHED_CONNECTIONS = PUBLIC_RENDERS.perClient;
  const uncached = [
    { name: "article, uncached", path: articlePath, file: "article.html" },
    { name: `search "${QUERIES.two}", uncached`, path: `/search?q=${encodeURIComponent(QUERIES.two)}`, file: "search-2.html" },
    { name: `search "${QUERIES.four}", uncached`, path: `/search?q=${encodeURIComponent(QUERIES.four)}`, file: "search-4.html" },
  ];

  // The static copies: the very HTML our server sends for each URL.
  const staticDir = makeTempDir("folio-bench-static-");
  for (const t of targets) {
    const res = await fetch(next.origin + t.path);
    if (!res.ok) throw new Error(`${t.path}: HTTP ${res.status}`);
    fs.writeFileSync(path.join(staticDir, t.file), await res.text());
  }
  const statik = await startStatic({ dir: staticDir });
  for (const q of Object.values(QUERIES)) {
    console.log(`search "${q}": ${(await searchPublishedArticles({ q, page: 1, pageSize: 1 })).total} hits`);
  }
  console.log(`article: ${articlePath}, ${kb(fs.statSync(path.join(staticDir, "article.html")).size)} of HTML`);
  // Both servers and the load generator share this machine's cores: note what else is running.
  console.log(`${os.cpus().length} CPUs, load average ${loadavg()} before the runs\n`);

  // Warm-up: JIT, SQLite page cache and React's module graph before anything is measured.
  for (const t of targets) await load(next.origin + t.path, Math.min(3, SECONDS));

  const rows: { name: string; ours: Load; base: Load }[] = [];
  const staticByFile = new Map<string, Load>();
  for (const t of targets) {
    const ours = await load(next.origin + t.path, SECONDS);
    const base = await load(`${statik.origin}/${t.file}`, SECONDS);
    staticByFile.set(t.file, base);
    rows.push({ name: t.name, ours, base });
  }
  for (const t of uncached) {
    const ours = await load(uncachedServer.origin + t.path, SECONDS, { connections: UNCACHED_CONNECTIONS });
    rows.push({ name: t.name, ours, base: staticByFile.get(t.file)! });
  }
  // The same URLs one request at a time: the time to serve one page, without queueing.
  const single: { name: string; r: Load }[] = [];
  for (const t of [...targets, ...uncached]) {
    single.push({ name: t.name, r: await load((uncached.includes(t) ? uncachedServer : next).origin + t.path, Math.min(5, SECONDS), { connections: 1 }) });
  }

  console.log(
    `Under load: ${CONNECTIONS} connections (uncached: ${UNCACHED_CONNECTIONS}, page cache off), ${SECONDS} s each; ours = npm start (Next behind the public page cache), static = the same HTML from node:http (load average after: ${loadavg()})`,
  );
  console.log(
    table(
      ["page", "ours req/s", "static req/s", "ratio", "ours p50", "static p50", "ours p99", "static p99", "p99 ratio"],
      rows.map(({ name, ours, base }) => [
        name,
        ours.rps.toFixed(0),
        base.rps.toFixed(0),
        ratio(ours.rps / base.rps),
        `${ms(ours.p50)} ms`,
        `${ms(base.p50)} ms`,
        `${ms(ours.p99)} ms`,
        `${ms(base.p99)} ms`,
        ratio(ours.p99 / Math.max(base.p99, 1)),
      ]),
    ),
  );
  const failures = rows.flatMap(({ name, ours, base }) => [
    ...(ours.errors + ours.non2xx > 0 ? [`${name} (ours): ${ours.errors} errors, ${ours.non2xx} non-2xx`] : []),
    ...(base.errors + base.non2xx > 0 ? [`${name} (static): ${base.errors} errors, ${base.non2xx} non-2xx`] : []),
  ]);
  if (failures.length > 0) console.log(`\nwarning: ${failures.join("; ")}`);

  console.log(`\nOne connection (service time, no queueing), ${Math.min(5, SECONDS)} s each`);
  console.log(table(["page", "req/s", "p50", "p99"], single.map(({ name, r }) => [name, r.rps.toFixed(0), `${ms(r.p50)} ms`, `${ms(r.p99)} ms`])));

  const { byType, encodings } = await transferred(next.origin + articlePath);
  const counted = ["document", "script", "stylesheet"];
  const pageBytes = counted.reduce((sum, type) => sum + (byType.get(type)?.bytes ?? 0), 0);
  console.log(`\nArticle page in Chromium (Accept-Encoding: gzip; body + headers as transferred)`);
  console.log(
    table(
      ["resource", "requests", "bytes"],
      [...byType.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, v]) => [counted.includes(type) ? type : `${type} (not counted)`, String(v.count), kb(v.bytes)]),
    ),
  );
  console.log(`encodings: ${[...encodings].sort().join(", ")}`);

  const article = rows.find((r) => r.name === "article");
  const searches = rows.filter((r) => r.name.startsWith("search") && !r.name.endsWith("uncached"));
  console.log("\nGoals");
  if (article) {
    const share = article.ours.rps / article.base.rps;
    console.log(goal("article throughput ≥ 50% of static", `${(share * 100).toFixed(1)}%`, share >= 0.5));
    console.log(goal(`article p99 < 50 ms (${CONNECTIONS} connections)`, `${ms(article.ours.p99)} ms`, article.ours.p99 < 50));
  }
  for (const s of searches) console.log(goal(`${s.name} p99 < 100 ms (${CONNECTIONS} connections)`, `${ms(s.ours.p99)} ms`, s.ours.p99 < 100));
  console.log(goal("article page HTML + JS + CSS < 100 KB", kb(pageBytes), pageBytes < 100 * 1024));
}

runBench(main);
