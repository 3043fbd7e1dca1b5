import os from "node:os";
import autocannon, { type Options } from "autocannon";
import { listFeedArticles, listSitemapData } from "@/db/queries/public/feed";
import { saveArticleActionId } from "@/e2e/support/live-server";
import { articlePath, pagePath } from "@/lib/public";
import { samplePool } from "./support/corpus";
import { createEditors, Newsroom, type BenchEditor } from "./support/editors";
import { median, ms, percentile, table } from "./support/report";
import { runBench, treeCpuSeconds } from "./support/servers";
import { startSeededSite } from "./support/site";

/*
 * Junk traffic against the reader site, side by side in one run (issue 16, finding 1): the crowd
 * of bench:load (200 reader connections asking for the home page and published articles without
 * pause, 20 editors autosaving long articles every 2–4 s) alone, then with 16 more connections of
 * junk-URL traffic (/articles/N?zz=<new number> each time), then with 16 connections of searches
 * nobody asked before. The three phases take turns, several rounds, and each figure is the median
 * of its rounds: the machine's other load drifts, and taking turns spreads the drift over all three.
 * The server is `npm start`'s (scripts/serve.ts), on the production build, on a seeded archive
 * (100 issues × 4 pages × 10 published articles), as behind a reverse proxy on the same machine
 * (TRUST_PROXY=loopback): the attacker is one client address (X-Forwarded-For), the readers others.
 *
 *   npm run bench:cache-attack                 3 rounds of 3 phases, 10 s each
 *   BENCH_SECONDS=20 BENCH_ROUNDS=5 npm run bench:cache-attack
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const READERS = Number(process.env.BENCH_READERS ?? 200);
const EDITORS = Number(process.env.BENCH_EDITORS ?? 20);
const ATTACKERS = 16;
/** An attack runs this long before the phase is measured, so the queue is already full of it. */
const RAMP_MS = 3000;
/** The attacker's address, and the reader's who asks for pages nobody asked for before (documentation ranges, RFC 5737). */
const ATTACKER = { "x-forwarded-for": "203.0.113.66" };
const READER = { "x-forwarded-for": "198.51.100.7" };

type Attack = { name: string; requests: NonNullable<Options["requests"]> };

/** /articles/N?zz=1, ?zz=2, …: a page that ignores the parameter, at a new address every time. */
function junkUrls(articles: readonly string[]): Attack {
  let n = 0;
  return {
    name: `junk URLs (${ATTACKERS} connections)`,
    requests: [{ path: "/", headers: ATTACKER, setupRequest: (r) => ({ ...r, path: `${articles[n % articles.length]}?zz=${++n}` }) }],
  };
}

/**
 * Searches nobody asked before: two characters of real text (each matches many stories, the
 * costliest kind), then three, so that no two requests share a page.
 */
function uniqueSearches(): Attack {
  const counts = new Map<string, number>();
  for (const p of samplePool().paragraphs) for (const c of p) if (/\p{Script=Han}/u.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([c]) => c);
  const k = common.length;
  let n = 0;
  const query = (i: number) => {
    const [a, b, c] = [common[i % k], common[Math.floor(i / k) % k], common[Math.floor(i / (k * k)) % k]];
    return i < k * k ? `${a}${b}` : `${a}${b}${c}${Math.floor(i / (k * k * k)) || ""}`;
  };
  return {
    name: `unique searches (${ATTACKERS} connections)`,
    requests: [{ path: "/search", headers: ATTACKER, setupRequest: (r) => ({ ...r, path: `/search?${new URLSearchParams({ q: query(n++) }).toString()}` }) }],
  };
}

type Figures = {
  phase: string;
  readers: { rps: number; p50: number; p99: number; errors: number };
  saves: { count: number; p50: number; p99: number; failed: number };
  attack: { rps: number; statuses: Map<number, number> } | null;
  /** Share of one core used by the server's main process and by its render process (when it has one). */
  cpu: { main: number; renders: number };
  /** Issue pages nobody had asked for, one every NEW_PAGE_EVERY_MS: what a reader waits for after a publish. */
  newPages: { count: number; p50: number; max: number; busy: number };
};

const NEW_PAGE_EVERY_MS = 500;

/** The median round of each figure; counts (errors, saves, answers) are summed over the rounds. */
function medianOf(rounds: Figures[]): Figures {
  const mid = (pick: (f: Figures) => number) => median(rounds.map(pick));
  const sum = (pick: (f: Figures) => number) => rounds.reduce((total, f) => total + pick(f), 0);
  const statuses = new Map<number, number>();
  for (const f of rounds) for (const [status, count] of f.attack?.statuses ?? []) statuses.set(status, (statuses.get(status) ?? 0) + count);
  const first = rounds[0] as Figures;
  return {
    phase: first.phase,
    readers: { rps: mid((f) => f.readers.rps), p50: mid((f) => f.readers.p50), p99: mid((f) => f.readers.p99), errors: sum((f) => f.readers.errors) },
    saves: { count: sum((f) => f.saves.count), p50: mid((f) => f.saves.p50), p99: mid((f) => f.saves.p99), failed: sum((f) => f.saves.failed) },
    attack: first.attack ? { rps: mid((f) => f.attack?.rps ?? 0), statuses } : null,
    cpu: { main: mid((f) => f.cpu.main), renders: mid((f) => f.cpu.renders) },
    newPages: { count: sum((f) => f.newPages.count), p50: mid((f) => f.newPages.p50), max: Math.max(...rounds.map((f) => f.newPages.max)), busy: sum((f) => f.newPages.busy) },
  };
}

async function main() {
  let editors: BenchEditor[] = [];
  let sectionId = 0;
  console.log(`Seeding the archive and ${EDITORS} editors, starting npm start's server … (${SECONDS} s per phase)`);
  const site = await startSeededSite({
    env: { TRUST_PROXY: "loopback" },
    beforeStart: async () => {
      ({ editors, sectionId } = await createEditors(EDITORS));
    },
  });
  const origin = site.next.origin;
  // Every issue page of the archive, none asked for yet: the probe takes the next one each time.
  const newPages = (await listSitemapData()).issues.flatMap(({ date, pages }) => pages.map((n) => pagePath(date, n)));
  const articles = (await listFeedArticles({ limit: 50 })).map((a) => articlePath(a));
  const readerPaths = ["/", ...articles];
  for (const p of readerPaths) {
    const res = await fetch(origin + p, { redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`reader page ${p} answers ${res.status}`);
  }
  const newsroom = new Newsroom(origin, saveArticleActionId(), editors, sectionId);
  await newsroom.signIn();
  await Promise.all(editors.map((_, i) => newsroom.save(i, `预热 ${i}`)));

  // Every save from now on is timed; each phase takes those that started inside it.
  const saves: { startedAt: number; ms: number; ok: boolean }[] = [];
  newsroom.startAutosaving(({ ms: took, ok }, startedAt) => saves.push({ startedAt, ms: took, ok }));

  /** CPU seconds so far of the server's processes: the render process (--render-process) and the rest. */
  function serverCpu(): { main: number; renders: number } {
    let main = 0;
    let renders = 0;
    for (const { cpu, command } of treeCpuSeconds(site.next.pid)) {
      if (command.includes("--render-process")) renders += cpu;
      else main += cpu;
    }
    return { main, renders };
  }

  async function phase(name: string, attack: Attack | null): Promise<Figures> {
    const statuses = new Map<number, number>();
    const attacker = attack
      ? autocannon({ url: origin, connections: ATTACKERS, duration: 3600, timeout: 30, requests: attack.requests })
      : null;
    attacker?.on("response", (_client: unknown, status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1));
    if (attacker) await new Promise((resolve) => setTimeout(resolve, RAMP_MS));
    statuses.clear();
    const cpuBefore = serverCpu();
    const from = performance.now();
    const probe = { running: true, times: [] as number[], busy: 0 };
    const probing = (async () => {
      while (probe.running) {
        const page = newPages.shift();
        if (!page) break;
        const started = performance.now();
        const res = await fetch(origin + page, { headers: READER });
        await res.arrayBuffer();
        if (res.status === 503) probe.busy += 1;
        else probe.times.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, NEW_PAGE_EVERY_MS));
      }
    })();
    const readers = await autocannon({ url: origin, connections: READERS, duration: SECONDS, timeout: 30, requests: readerPaths.map((p) => ({ method: "GET", path: p })) });
    const to = performance.now();
    probe.running = false;
    await probing;
    const cpuAfter = serverCpu();
    attacker?.stop();
    const attackResult = attacker ? await attacker : null;
    const inPhase = saves.filter((s) => s.startedAt >= from && s.startedAt < to);
    const times = inPhase.map((s) => s.ms);
    const seconds = (to - from) / 1000;
    const answered = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    return {
      phase: name,
      readers: { rps: readers.requests.average, p50: readers.latency.p50, p99: readers.latency.p99, errors: readers.errors + readers.timeouts + readers.non2xx },
      saves: { count: inPhase.length, p50: percentile(times, 50), p99: percentile(times, 99), failed: inPhase.filter((s) => !s.ok).length },
      attack: attackResult ? { rps: answered / seconds, statuses: new Map(statuses) } : null,
      cpu: { main: (cpuAfter.main - cpuBefore.main) / seconds, renders: (cpuAfter.renders - cpuBefore.renders) / seconds },
      newPages: { count: probe.times.length + probe.busy, p50: percentile(probe.times, 50), max: Math.max(0, ...probe.times), busy: probe.busy },
    };
  }

  console.log(`${readerPaths.length} reader pages, ${READERS} reader connections, ${EDITORS} editors autosaving 30–60 KB every 2–4 s; ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}\n`);
  // Warm-up, not in the figures.
  await autocannon({ url: origin, connections: READERS, duration: Math.min(5, SECONDS), requests: readerPaths.map((p) => ({ method: "GET", path: p })) });

  const attacks = { junk: junkUrls(articles), search: uniqueSearches() };
  const rounds: Record<"quiet" | "junk" | "search", Figures[]> = { quiet: [], junk: [], search: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    rounds.quiet.push(await phase("no attack", null));
    rounds.junk.push(await phase(attacks.junk.name, attacks.junk));
    rounds.search.push(await phase(attacks.search.name, attacks.search));
    console.log(`round ${round}/${ROUNDS}: readers ${[rounds.quiet, rounds.junk, rounds.search].map((r) => r.at(-1)!.readers.rps.toFixed(0)).join(" / ")} req/s (no attack / junk / searches)`);
  }
  await newsroom.stop();
  const quiet = medianOf(rounds.quiet);
  const junk = medianOf(rounds.junk);
  const search = medianOf(rounds.search);
  const rows = [quiet, junk, search];
  const answers = (statuses: Map<number, number>) =>
    [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(" ") || "none";

  console.log(`\nMedians of ${ROUNDS} rounds of ${SECONDS} s (counts: all rounds)`);
  console.log(
    table(
      ["phase", "readers req/s", "p50", "p99", "errors", "autosaves", "p50", "p99", "failed", "attack answers/s", "attack answers", "CPU main", "CPU renders"],
      rows.map((r) => [
        r.phase,
        r.readers.rps.toFixed(0),
        `${ms(r.readers.p50)} ms`,
        `${ms(r.readers.p99)} ms`,
        String(r.readers.errors),
        String(r.saves.count),
        `${ms(r.saves.p50)} ms`,
        `${ms(r.saves.p99)} ms`,
        String(r.saves.failed),
        r.attack ? r.attack.rps.toFixed(0) : "",
        r.attack ? answers(r.attack.statuses) : "",
        `${(r.cpu.main * 100).toFixed(0)}%`,
        `${(r.cpu.renders * 100).toFixed(0)}%`,
      ]),
    ),
  );

  console.log("\nUnder attack, as a share of the figures without it (goal: within 20%)");
  const compare = (quiet: Figures, attacked: Figures) => {
    const checks = [
      { what: "readers req/s", ratio: attacked.readers.rps / quiet.readers.rps, ok: (r: number) => r >= 0.8 },
      { what: "readers p99", ratio: attacked.readers.p99 / quiet.readers.p99, ok: (r: number) => r <= 1.2 },
      { what: "autosave p50", ratio: attacked.saves.p50 / quiet.saves.p50, ok: (r: number) => r <= 1.2 },
      { what: "autosave p99", ratio: attacked.saves.p99 / quiet.saves.p99, ok: (r: number) => r <= 1.2 },
    ];
    return checks.map((c) => [attacked.phase, c.what, `${(c.ratio * 100).toFixed(0)}%`, c.ok(c.ratio) ? "PASS" : "MISS"]);
  };
  console.log(table(["attack", "figure", "attacked / quiet", ""], [...compare(quiet, junk), ...compare(quiet, search)]));
  console.log(
    `\nA page nobody had asked for (an issue page, one every ${NEW_PAGE_EVERY_MS} ms: what readers wait for after a publish)\n` +
      table(
        ["phase", "asked", "p50", "slowest", "503 (retry)"],
        rows.map((r) => [r.phase, String(r.newPages.count), `${ms(r.newPages.p50)} ms`, `${ms(r.newPages.max)} ms`, String(r.newPages.busy)]),
      ),
  );
  if (newsroom.failures.length) console.log(`\nsave failures: ${newsroom.failures.length}; first 5: ${newsroom.failures.slice(0, 5).join(" | ")}`);
}

runBench(main);
