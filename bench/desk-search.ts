import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/*
 * The desk's search (its own FTS5 trigram index over every article, migration 0014) against
 * scanning every article with LIKE, on one archive, side by side; and what the index adds to a
 * save. No server: the query functions on a temporary database, as a desk page calls them.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-desk-search-"));
process.env.DATABASE_PATH = path.join(dir, "folio.db");

const ISSUES = Number(process.env.BENCH_ISSUES ?? 250);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

async function main() {
  const { seedArchive, seedSectionsAndUsers } = await import("./support/seed");
  const { median, ms, ratio, table } = await import("./support/report");
  const { listDeskArticles } = await import("@/db/queries/articles");
  const { saveArticle } = await import("@/db/queries/article-workflow");
  const { getUserByEmail } = await import("@/db/queries/users");
  const { getSectionBySlug } = await import("@/db/queries/sections");
  const { likeScan, withoutDeskSearchTriggers } = await import("@/db/testing/desk-search-baseline");
  const { paragraphs } = await import("@/db/testing/builders");

  await seedSectionsAndUsers();
  const archive = await seedArchive({ issues: ISSUES });
  console.log(`archive: ${archive.issues} issues, ${archive.articles} articles (seeded in ${(archive.ms / 1000).toFixed(1)} s)\n`);

  const time = async (fn: () => Promise<unknown>) => {
    await fn();
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await fn();
      samples.push(performance.now() - t0);
    }
    return median(samples);
  };
  const local = (await getSectionBySlug({ slug: "local" }))?.id;
  const cases: { label: string; q: string; filters?: Parameters<typeof listDeskArticles>[0] }[] = [
    { label: "科技 (2 chars)", q: "科技" },
    { label: "荣 (1 char)", q: "荣" },
    { label: "乡村振兴 (4 chars)", q: "乡村振兴" },
    { label: "乡村振兴 + section + state", q: "乡村振兴", filters: { sectionId: local, state: "published" } },
    { label: "经济 发展 (two terms)", q: "经济 发展" },
    { label: "no such word", q: "不存在的词语" },
  ];
  const rows: string[][] = [];
  for (const { label, q, filters } of cases) {
    const indexed = await listDeskArticles({ q, ...filters });
    const scanned = await listDeskArticles({ q, ...filters }, { match: likeScan });
    if (indexed.total !== scanned.total) throw new Error(`${label}: the index found ${indexed.total}, the scan ${scanned.total}`);
    const desk = await time(() => listDeskArticles({ q, ...filters }));
    const like = await time(() => listDeskArticles({ q, ...filters }, { match: likeScan }));
    rows.push([label, String(indexed.total), ms(desk), ms(like), ratio(like / desk)]);
  }
  console.log(table(["query (first 200 listed, newest change first)", "matches", "desk index ms", "LIKE scan ms", "scan / index"], rows));

  // What the index adds to a save: the same saves with its triggers and without them.
  const editor = await getUserByEmail({ email: "editor@folio.local" });
  if (!editor) throw new Error("no editor");
  const actor = { id: editor.id, role: editor.role, email: editor.email };
  const drafts = (await listDeskArticles({}, { limit: 60 })).rows;
  const body = (round: number) => paragraphs(`第${round}轮保存。`.repeat(300));
  const bodyKb = (Buffer.byteLength(JSON.stringify(body(0))) / 1024).toFixed(1);
  const saveAll = async (round: number) => {
    const samples: number[] = [];
    for (const d of drafts) {
      const t0 = performance.now();
      const outcome = await saveArticle({ id: d.id, baseVersion: d.version + round, changes: { body: body(round) }, note: null, actor, ip: null });
      samples.push(performance.now() - t0);
      if (!outcome.ok) throw new Error(`save refused: ${outcome.reason}`);
    }
    return median(samples);
  };
  const withIndex = await saveAll(0);
  const withoutIndex = await withoutDeskSearchTriggers(() => saveAll(1));
  console.log(`\nsave of a ${bodyKb} KB body (median of ${drafts.length}): with the desk index ${ms(withIndex)} ms, without ${ms(withoutIndex)} ms`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
