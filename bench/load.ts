import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { saveArticle } from "@/db/queries/article-workflow";
import { getArticleById } from "@/db/queries/articles";
import { listFeedArticles } from "@/db/queries/public/feed";
import { getUserById } from "@/db/queries/users";
import { BUSY_PATTERN, freePort, killServer, saveArticleActionId, seedDemoDatabase, sleep, startServer } from "@/e2e/support/live-server";
import { checkSaves } from "@/e2e/support/save-ledger";
import { articlePath } from "@/lib/public";
import { createEditors, largeBody, Newsroom } from "./support/editors";

// The newsroom on deadline: editors autosaving long articles through the real saveArticleAction
// while readers hammer the public site, on one production server (started as `npm start` does)
// and one SQLite file seeded like the e2e server. Prints throughput and latency for both, errors,
// SQLITE_BUSY and lost saves (every acknowledged save looked up in the database afterwards).

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const EDITORS = Number(process.env.BENCH_EDITORS ?? 20);
const READERS = Number(process.env.BENCH_READERS ?? 200);
const FIRST_PORT = Number(process.env.BENCH_PORT ?? 3294);
// BENCH_SAVE=explicit posts every save as the Save button does: the answer carries the re-rendered page.
const AUTOSAVE = process.env.BENCH_SAVE !== "explicit";
// Node accepts one new connection per event-loop turn, so a crowd arriving at once on a busy
// server is let in slowly: the readers' connections are all admitted before the measured window.
const ADMISSION_LIMIT_MS = 120_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-load-"));
const dbPath = path.join(dir, "folio.db");

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** The SQLite part of a save (read, version check, update, revision, audit row) timed in-process, server stopped. */
async function sqliteSaveMs(editor: { articleId: number; version: number }): Promise<number> {
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

async function main() {
  console.log(`seeding ${dbPath} …`);
  await seedDemoDatabase(dbPath);
  process.env.DATABASE_PATH = dbPath;
  const { editors, sectionId } = await createEditors(EDITORS);
  const readerPaths = ["/", ...(await listFeedArticles({ limit: 50 })).map((a) => articlePath(a))];

  const server = await startServer({ port: await freePort(FIRST_PORT), dbPath });
  try {
    const newsroom = new Newsroom(server.baseUrl, saveArticleActionId(), editors, sectionId, AUTOSAVE);
    await newsroom.signIn();
    for (const p of readerPaths) {
      const res = await fetch(server.baseUrl + p, { redirect: "manual" });
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
      url: server.baseUrl,
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
    await killServer(server, "SIGTERM");
    const busyLines = server.log.filter((l) => BUSY_PATTERN.test(l)).length;
    const ledger = checkSaves(
      dbPath,
      newsroom.acknowledged,
      editors.map((e) => e.articleId),
    );
    const lost = ledger.missing.length + ledger.halfWritten.length + ledger.inconsistent.length;

    readMs.sort((a, b) => a - b);
    saveMs.sort((a, b) => a - b);
    const readerErrors = readErrors + readNon2xx;
    const row = (name: string, count: number, p50: number, p99: number, errors: number) =>
      `${name.padEnd(40)}${(count / windowSeconds).toFixed(1).padStart(8)}${p50.toFixed(0).padStart(9)}${p99.toFixed(0).padStart(9)}${String(count).padStart(10)}${String(errors).padStart(8)}`;
    console.log(`\n${"".padEnd(40)}${"req/s".padStart(8)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"requests".padStart(10)}${"errors".padStart(8)}`);
    console.log(row(`readers (${READERS} connections)`, readMs.length, percentile(readMs, 50), percentile(readMs, 99), readerErrors));
    console.log(row(`${AUTOSAVE ? "autosaves" : "explicit saves"} (${EDITORS} editors, 30–60 KB)`, saveMs.length, percentile(saveMs, 50), percentile(saveMs, 99), windowSaveFailures));
    console.log(`\nSQLITE_BUSY: ${busyLines} in the server log, ${newsroom.busyAnswers} in save answers (goal 0)`);
    console.log(`acknowledged saves: ${newsroom.acknowledged.length} (warm-up included), lost or half-written: ${lost} (goal 0); integrity_check: ${ledger.integrity}`);
    console.log(
      `WAL at the end of the load: ${(walBytes / 1024 / 1024).toFixed(1)} MB; ` +
        `the database transaction of one save, alone: ${(await sqliteSaveMs(editors[0] as (typeof editors)[number])).toFixed(1)} ms (median)`,
    );
    if (readErrors + readNon2xx) console.log(`reader errors: ${readErrors} failed or over 60 s, ${readNon2xx} not 2xx`);
    if (newsroom.failures.length) console.log(`save failures over the whole run: ${newsroom.failures.length}; first 5: ${newsroom.failures.slice(0, 5).join(" | ")}`);
    for (const line of [...ledger.missing, ...ledger.halfWritten, ...ledger.inconsistent].slice(0, 10)) console.log(`  ${line}`);
    const errorLines = server.log.filter((l) => /error/i.test(l));
    if (errorLines.length) console.log(`server log errors (first 5):\n  ${errorLines.slice(0, 5).join("\n  ")}`);
    const ok = readerErrors === 0 && newsroom.failures.length === 0 && busyLines + newsroom.busyAnswers === 0 && lost === 0 && ledger.integrity === "ok";
    console.log(`\ngoals (0 errors, 0 SQLITE_BUSY, 0 lost saves): ${ok ? "met" : "NOT met"}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await killServer(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
