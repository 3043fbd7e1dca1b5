import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { saveArticle } from "@/db/queries/article-workflow";
import { getArticleById } from "@/db/queries/articles";
import { listFeedArticles } from "@/db/queries/public/feed";
import { getUserById } from "@/db/queries/users";
import { startPostgres } from "./support/postgres";
import { BUSY_PATTERN, freePort, killServer, saveArticleActionId, seedDemoDatabase, sleep, startServer, type LiveServer } from "@/e2e/support/live-server";
import { checkSaves } from "@/e2e/support/save-ledger";
import { articlePath } from "@/lib/public";
import { createEditors, largeBody, Newsroom } from "./support/editors";

// The newsroom on deadline: editors autosaving long articles through the real saveArticleAction
// while readers hammer the public site, on production servers (started as `npm start` does) and
// a database seeded like the e2e server. Prints throughput and latency for both, errors, "database
// busy" and lost saves (every acknowledged save looked up in the database afterwards).
//
// BENCH_SETUPS lists what is measured, one after the other, each in a process of its own (a
// process runs on one engine): `sqlite` (one server on the SQLite file, the default) and
// `postgres:N` (N servers on one PostgreSQL behind a round-robin TCP proxy, as behind a load
// balancer; a private PostgreSQL 15 with fsync on is started for it by scripts/postgres-server.sh).
// With more than one setup, a table side by side closes the run.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const EDITORS = Number(process.env.BENCH_EDITORS ?? 20);
const READERS = Number(process.env.BENCH_READERS ?? 200);
const FIRST_PORT = Number(process.env.BENCH_PORT ?? 3294);
// BENCH_SAVE=explicit posts every save as the Save button does: the answer carries the re-rendered page.
const AUTOSAVE = process.env.BENCH_SAVE !== "explicit";
// Node accepts one new connection per event-loop turn, so a crowd arriving at once on a busy
// server is let in slowly: the readers' connections are all admitted before the measured window.
const ADMISSION_LIMIT_MS = 120_000;

const SETUPS = (process.env.BENCH_SETUPS ?? "sqlite").split(",").map((s) => s.trim()).filter(Boolean);
const RESULT = "BENCH_RESULT ";

type Setup = { engine: "sqlite" | "postgres"; processes: number; name: string };
function setupOf(text: string): Setup {
  const [engine, n] = text.split(":");
  if (engine !== "sqlite" && engine !== "postgres") throw new Error(`unknown setup ${text}: sqlite or postgres:N`);
  const processes = Math.max(1, Number(n ?? 1));
  return { engine, processes, name: `${engine === "sqlite" ? "SQLite" : "PostgreSQL"}, ${processes} process${processes > 1 ? "es" : ""}` };
}

type Figures = { setup: string; readers: { rps: number; p50: number; p99: number; errors: number }; saves: { rps: number; p50: number; p99: number; errors: number }; busy: number; lost: number; acknowledged: number; saveMs: number; ok: boolean };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-load-"));
const dbPath = path.join(dir, "folio.db");

/** Each incoming connection to the next server in turn (TCP, as a load balancer in TCP mode): no process is preferred, a session's requests land on any. */
function roundRobin(ports: number[], port: number): Promise<net.Server> {
  let next = 0;
  const proxy = net.createServer((client) => {
    const upstream = net.connect(ports[next++ % ports.length] as number, "127.0.0.1");
    client.pipe(upstream).pipe(client);
    const close = () => (client.destroy(), upstream.destroy());
    client.on("error", close);
    upstream.on("error", close);
  });
  return new Promise((resolve) => proxy.listen(port, "127.0.0.1", () => resolve(proxy)));
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** The database part of a save (read, version check, update, revision, audit row) timed in-process, servers stopped. */
async function databaseSaveMs(editor: { articleId: number; version: number }): Promise<number> {
  const author = await getUserById({ id: (await getArticleById({ id: editor.articleId }))?.authorId ?? 0 });
  if (!author) throw new Error("bench article without author");
  const actor = { id: author.id, role: author.role, email: author.email };
  const samples: number[] = [];
  for (let n = 0; n < 30; n++) {
    const body = largeBody(`直接保存 ${n}`, n);
    const started = performance.now();
    const outcome = await saveArticle({ id: editor.articleId, baseVersion: editor.version, changes: { body }, note: null, actor, ip: null });
    samples.push(performance.now() - started);
    if (!outcome.ok) throw new Error(`direct save refused: ${outcome.reason}`);
    editor.version = outcome.article.version;
  }
  return percentile(
    samples.sort((a, b) => a - b),
    50,
  );
}

async function runSetup(setup: Setup): Promise<Figures> {
  const postgres = setup.engine === "postgres" ? (process.env.DATABASE_URL ?? null) : null;
  if (setup.engine === "postgres" && !postgres) throw new Error("a postgres setup runs with the DATABASE_URL its parent started");
  if (setup.engine === "sqlite" && process.env.DATABASE_URL) throw new Error("a sqlite setup runs without DATABASE_URL");
  const where = postgres ?? dbPath;
  console.log(`${setup.name}: seeding ${postgres ? "a private PostgreSQL" : dbPath} …`);
  await seedDemoDatabase(dbPath);
  process.env.DATABASE_PATH = dbPath;
  const { editors, sectionId } = await createEditors(EDITORS);
  const readerPaths = ["/", ...(await listFeedArticles({ limit: 50 })).map((a) => articlePath(a))];

  const servers: LiveServer[] = [];
  let proxy: net.Server | null = null;
  try {
    for (let i = 0; i < setup.processes; i++) servers.push(await startServer({ port: await freePort(FIRST_PORT + 1 + i * 3), dbPath }));
    if (setup.processes > 1) proxy = await roundRobin(servers.map((s) => s.port), await freePort(FIRST_PORT + 20));
    const baseUrl = proxy ? `http://localhost:${(proxy.address() as net.AddressInfo).port}` : (servers[0] as LiveServer).baseUrl;
    const newsroom = new Newsroom(baseUrl, saveArticleActionId(), editors, sectionId, AUTOSAVE);
    await newsroom.signIn();
    for (const p of readerPaths) {
      const res = await fetch(baseUrl + p, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`reader page ${p} answers ${res.status}`);
    }

    const saveMs: number[] = [];
    // Warm-up: one save per editor (not in the figures).
    await Promise.all(editors.map((_, i) => newsroom.save(i, `预热 ${i}`)));

    // Editors autosave from now on; readers arrive all at once, as a crowd does.
    let measuring = false;
    let windowSaveFailures = 0;
    const inWindow = { from: Infinity, to: Infinity };
    newsroom.startAutosaving(({ ms, ok }, startedAt) => {
      if (startedAt < inWindow.from || startedAt >= inWindow.to) return;
      saveMs.push(ms);
      if (!ok) windowSaveFailures += 1;
    });
    // Closed loop: each reader connection asks again as soon as it has its answer.
    const readers = autocannon({
      url: baseUrl,
      connections: READERS,
      duration: 3600, // stopped below
      // A reader's browser waits this long; a slower answer counts as an error.
      timeout: 60,
      requests: readerPaths.map((p) => ({ method: "GET", path: p })),
    });
    const admitted = new Set<unknown>();
    const readMs: number[] = [];
    let readNon2xx = 0;
    let readErrors = 0;
    readers.on("response", (client: unknown, status: number, _bytes: number, ms: number) => {
      admitted.add(client);
      if (!measuring) return;
      if (status >= 200 && status < 300) readMs.push(ms);
      else readNon2xx += 1;
    });
    readers.on("reqError", () => {
      if (measuring) readErrors += 1;
    });
    const admissionStart = performance.now();
    while (admitted.size < READERS && performance.now() - admissionStart < ADMISSION_LIMIT_MS) await sleep(100);
    const admissionMs = performance.now() - admissionStart;
    console.log(
      `${EDITORS} editors signed in and autosaving; ${admitted.size}/${READERS} reader connections answered after ${(admissionMs / 1000).toFixed(1)} s; ` +
        `now ${SECONDS} s measured on ${readerPaths.length} reader pages …`,
    );

    // The window: requests answered in it (readers) or started in it (saves).
    measuring = true;
    inWindow.from = performance.now();
    await sleep(SECONDS * 1000);
    measuring = false;
    inWindow.to = performance.now();
    const windowSeconds = SECONDS;
    readers.stop();
    await Promise.all([readers, newsroom.stop()]);

    const walBytes = fs.existsSync(`${dbPath}-wal`) ? fs.statSync(`${dbPath}-wal`).size : 0;
    for (const server of servers) await killServer(server, "SIGTERM");
    const busyLines = servers.flatMap((s) => s.log).filter((l) => BUSY_PATTERN.test(l) || /database busy/i.test(l)).length;
    const ledger = await checkSaves(
      where,
      newsroom.acknowledged,
      editors.map((e) => e.articleId),
    );
    const lost = ledger.missing.length + ledger.halfWritten.length + ledger.inconsistent.length;

    readMs.sort((a, b) => a - b);
    saveMs.sort((a, b) => a - b);
    const readerErrors = readErrors + readNon2xx;
    const row = (name: string, count: number, p50: number, p99: number, errors: number) =>
      `${name.padEnd(40)}${(count / windowSeconds).toFixed(1).padStart(8)}${p50.toFixed(0).padStart(9)}${p99.toFixed(0).padStart(9)}${String(count).padStart(10)}${String(errors).padStart(8)}`;
    console.log(`\n${setup.name}${proxy ? " behind a round-robin proxy" : ""}`);
    console.log(`${"".padEnd(40)}${"req/s".padStart(8)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"requests".padStart(10)}${"errors".padStart(8)}`);
    console.log(row(`readers (${READERS} connections)`, readMs.length, percentile(readMs, 50), percentile(readMs, 99), readerErrors));
    console.log(row(`${AUTOSAVE ? "autosaves" : "explicit saves"} (${EDITORS} editors, 30–60 KB)`, saveMs.length, percentile(saveMs, 50), percentile(saveMs, 99), windowSaveFailures));
    console.log(`\ndatabase busy: ${busyLines} in the server logs, ${newsroom.busyAnswers} in save answers (goal 0)`);
    console.log(`acknowledged saves: ${newsroom.acknowledged.length} (warm-up included), lost or half-written: ${lost} (goal 0); integrity_check: ${ledger.integrity}`);
    const saveAloneMs = await databaseSaveMs(editors[0] as (typeof editors)[number]);
    console.log(`${postgres ? "" : `WAL at the end of the load: ${(walBytes / 1024 / 1024).toFixed(1)} MB; `}the database transaction of one save, alone: ${saveAloneMs.toFixed(1)} ms (median)`);
    if (readErrors + readNon2xx) console.log(`reader errors: ${readErrors} failed or over 60 s, ${readNon2xx} not 2xx`);
    if (newsroom.failures.length) console.log(`save failures over the whole run: ${newsroom.failures.length}; first 5: ${newsroom.failures.slice(0, 5).join(" | ")}`);
    for (const line of [...ledger.missing, ...ledger.halfWritten, ...ledger.inconsistent].slice(0, 10)) console.log(`  ${line}`);
    const busyExamples = servers.flatMap((s) => s.log).filter((l) => /database busy/i.test(l));
    if (busyExamples.length) console.log(`database busy in the server logs (first 3):\n  ${busyExamples.slice(0, 3).join("\n  ")}`);
    const errorLines = servers.flatMap((s) => s.log).filter((l) => /error/i.test(l));
    if (errorLines.length) console.log(`server log errors (first 5):\n  ${errorLines.slice(0, 5).join("\n  ")}`);
    const ok = readerErrors === 0 && newsroom.failures.length === 0 && busyLines + newsroom.busyAnswers === 0 && lost === 0 && (ledger.integrity === "ok" || (postgres !== null && ledger.integrity === "n/a"));
    console.log(`\ngoals (0 errors, 0 database busy, 0 lost saves): ${ok ? "met" : "NOT met"}`);
    return {
      setup: setup.name,
      readers: { rps: readMs.length / windowSeconds, p50: percentile(readMs, 50), p99: percentile(readMs, 99), errors: readerErrors },
      saves: { rps: saveMs.length / windowSeconds, p50: percentile(saveMs, 50), p99: percentile(saveMs, 99), errors: windowSaveFailures },
      busy: busyLines + newsroom.busyAnswers,
      lost,
      acknowledged: newsroom.acknowledged.length,
      saveMs: saveAloneMs,
      ok,
    };
  } finally {
    for (const server of servers) await killServer(server);
    proxy?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Each setup in a process of its own (the engine is chosen once per process), then the figures side by side. */
async function main() {
  const one = process.env.BENCH_SETUP;
  if (one) {
    const figures = await runSetup(setupOf(one));
    console.log(RESULT + JSON.stringify(figures));
    process.exitCode = figures.ok ? 0 : 1;
    return;
  }
  const results: Figures[] = [];
  for (const [i, setup] of SETUPS.entries()) {
    const postgres = setupOf(setup).engine === "postgres" ? startPostgres(path.join(dir, `pg-${i}`), await freePort(FIRST_PORT + 40)) : null;
    const env: NodeJS.ProcessEnv = { ...process.env, BENCH_SETUP: setup };
    if (postgres) env.DATABASE_URL = postgres.url;
    else delete env.DATABASE_URL;
    const child = spawn(process.execPath, [...process.execArgv, __filename], { env, stdio: ["ignore", "pipe", "inherit"] });
    let rest = "";
    child.stdout.on("data", (d: Buffer) => {
      const lines = (rest + d.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) {
        if (line.startsWith(RESULT)) results.push(JSON.parse(line.slice(RESULT.length)) as Figures);
        else console.log(line);
      }
    });
    await new Promise((resolve) => child.on("exit", resolve));
    postgres?.stop();
    console.log("");
  }
  fs.rmSync(dir, { recursive: true, force: true });
  if (results.length > 1) {
    const cell = (f: Figures["readers"]) => `${f.rps.toFixed(0).padStart(7)} ${f.p50.toFixed(0).padStart(5)} ${f.p99.toFixed(0).padStart(5)} ${String(f.errors).padStart(4)}`;
    console.log(`side by side (req/s, p50 ms, p99 ms, errors; ${SECONDS} s each)`);
    console.log(`${"".padEnd(28)}${"readers".padEnd(25)}${"autosaves".padEnd(25)}busy  lost  one save alone`);
    for (const r of results) console.log(`${r.setup.padEnd(28)}${cell(r.readers).padEnd(25)}${cell(r.saves).padEnd(25)}${String(r.busy).padStart(4)}${String(r.lost).padStart(6)}  ${r.saveMs.toFixed(1)} ms`);
  }
  process.exitCode = results.length === SETUPS.length && results.every((r) => r.ok) ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
