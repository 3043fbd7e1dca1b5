import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/e2e/support/live-server";
import { median, ms, percentile, table } from "./support/report";
import { startPostgres } from "./support/postgres";

/*
 * Chinese search on both engines (issue 18), side by side on the same archive: the readers' search
 * (SQLite FTS5 trigram / PostgreSQL pg_trgm GIN, with each engine's index-backed path for one- and
 * two-character terms) and the desk's search over every article. No server: the query functions on
 * a fresh database per engine, as a page calls them. Each engine runs in a process of its own (the
 * engine is chosen once per process, by DATABASE_URL); a private PostgreSQL 15 with fsync on is
 * started for its run.
 *
 *   npm run bench:search        BENCH_ENGINES=sqlite,postgres  BENCH_ISSUES=100  BENCH_RUNS=30
 */

const ENGINES = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",").map((s) => s.trim()).filter(Boolean);
const ISSUES = Number(process.env.BENCH_ISSUES ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const RESULT = "BENCH_RESULT ";

const QUERIES = [
  { label: "荣 (1 char)", q: "荣" },
  { label: "科技 (2 chars)", q: "科技" },
  { label: "乡村振兴 (4 chars)", q: "乡村振兴" },
  { label: "经济 发展 (two terms)", q: "经济 发展" },
  { label: "no such word", q: "不存在的词语" },
] as const;

type Timing = { matches: number; p50: number; p99: number };
type Figures = { engine: string; articles: number; seedMs: number; reader: Timing[]; desk: Timing[] };

async function measure(engine: string): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-search-bench-"));
  process.env.DATABASE_PATH = path.join(dir, "folio.db");
  const { getDb, closeDb } = await import("@/db");
  if (engine === "postgres") {
    const { migratePostgres } = await import("@/db/postgres-engine");
    await migratePostgres(getDb() as Parameters<typeof migratePostgres>[0]);
  }
  const { seedArchive, seedSectionsAndUsers } = await import("./support/seed");
  const { searchPublishedArticles } = await import("@/db/queries/public/search");
  const { listDeskArticles } = await import("@/db/queries/articles");
  await seedSectionsAndUsers();
  const archive = await seedArchive({ issues: ISSUES });
  const time = async (fn: () => Promise<number>): Promise<Timing> => {
    const matches = await fn();
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await fn();
      samples.push(performance.now() - t0);
    }
    return { matches, p50: median(samples), p99: percentile(samples, 99) };
  };
  const reader: Timing[] = [];
  const desk: Timing[] = [];
  for (const { q } of QUERIES) {
    // The first page of results, as the search page asks for it.
    reader.push(await time(async () => (await searchPublishedArticles({ q, page: 1, pageSize: 20 })).total));
    desk.push(await time(async () => (await listDeskArticles({ q })).total));
  }
  await closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
  return { engine, articles: archive.articles, seedMs: archive.ms, reader, desk };
}

async function main() {
  const one = process.env.BENCH_ENGINE;
  if (one) {
    console.log(RESULT + JSON.stringify(await measure(one)));
    return;
  }
  const results: Figures[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-search-engines-"));
  for (const engine of ENGINES) {
    if (engine !== "sqlite" && engine !== "postgres") throw new Error(`unknown engine ${engine}: sqlite or postgres`);
    const postgres = engine === "postgres" ? startPostgres(path.join(dir, "pg"), await freePort(55470)) : null;
    const env: NodeJS.ProcessEnv = { ...process.env, BENCH_ENGINE: engine };
    if (postgres) env.DATABASE_URL = postgres.url;
    else delete env.DATABASE_URL;
    try {
      const child = spawn(process.execPath, [...process.execArgv, __filename], { env, stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      const code = await new Promise((resolve) => child.on("exit", resolve));
      const line = out.split("\n").find((l) => l.startsWith(RESULT));
      if (code !== 0 || !line) throw new Error(`${engine}: the measuring process ended with ${String(code)}\n${out}`);
      results.push(JSON.parse(line.slice(RESULT.length)) as Figures);
    } finally {
      postgres?.stop();
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });

  const first = results[0];
  if (!first) return;
  console.log(`archive: ${ISSUES} issues, ${first.articles} published articles on each engine; median and p99 of ${RUNS} runs after one warm-up\n`);
  for (const [title, pick] of [
    ["readers' search (/search, first 20 hits)", (f: Figures) => f.reader],
    ["desk search (every article, first 200 listed)", (f: Figures) => f.desk],
  ] as const) {
    const rows = QUERIES.map(({ label }, i) => [
      label,
      ...results.flatMap((f) => {
        const t = pick(f)[i] as Timing;
        return [String(t.matches), `${ms(t.p50)} / ${ms(t.p99)}`];
      }),
    ]);
    console.log(table([title, ...results.flatMap((f) => [`${f.engine} matches`, `${f.engine} p50 / p99 ms`])], rows));
    console.log("");
  }
  for (const f of results) console.log(`${f.engine}: archive seeded (search index kept by triggers) in ${(f.seedMs / 1000).toFixed(1)} s`);
  // The engines must agree on what a query finds, or the figures compare different work.
  for (const f of results.slice(1)) {
    for (const [i, { label }] of QUERIES.entries()) {
      if (f.reader[i]?.matches !== first.reader[i]?.matches || f.desk[i]?.matches !== first.desk[i]?.matches)
        console.log(`MISMATCH ${label}: ${first.engine} ${first.reader[i]?.matches}/${first.desk[i]?.matches}, ${f.engine} ${f.reader[i]?.matches}/${f.desk[i]?.matches}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
