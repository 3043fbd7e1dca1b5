import { and, count, eq, inArray } from "drizzle-orm";
import { articleRevisions } from "../db/schema";
import { withDatabase } from "./support/database";
import { arrangeArticle, DEMO_PASSWORD, sectionIdBySlug } from "./support/db";
import { expect, test } from "./support/fixtures";
import {
  articleFields,
  bodyTextHash,
  BUSY_PATTERN,
  freePort,
  killServer,
  paragraphsBody,
  postSaveArticle,
  saveArticleActionId,
  scratchDatabase,
  seedDemoDatabase,
  signInOverHttp,
  sleep,
  startServer,
  type LiveServer,
} from "./support/live-server";
import { articleVersions, checkSaves, type AcknowledgedSave } from "./support/save-ledger";

// Its own production server on its own database, killed with SIGKILL mid-burst and restarted on it,
// again and again; the shared webServer of playwright.config.ts is not touched. On SQLite the
// database is a file of its own (WAL, synchronous = FULL); in a run on PostgreSQL (E2E_DATABASE_URL)
// a database of its own on that server, so the kill lands on an app process holding open
// transactions and pooled connections, and PostgreSQL must roll back whatever was cut off.
// (CI's test server runs without fsync: the server itself is not killed here, the app is.)
const FIRST_PORT = Number(process.env.CRASH_PORT ?? 3293);
// Ten kills in npm test: each costs a production server restart (about 7 s), and the two passes
// (SQLite and PostgreSQL) together must keep CI under its 30 minutes. CRASH_KILLS=100 soaks longer.
const KILLS = Number(process.env.CRASH_KILLS ?? 10);
const CHAINS = 6;

const FILLER = "城区主干道改造工程正式开工，预计年底完工，届时沿线交通将明显改善。".repeat(12);

test("every save acknowledged before a SIGKILL is there after restart, with its revision and audit row; nothing half-written", async () => {
  // Under a minute on an idle machine; ten restarts of a production server take far longer on a loaded one.
  test.setTimeout(360_000);
  const database = await scratchDatabase("crash");
  const { dbPath, databaseUrl, where } = database;
  await seedDemoDatabase(dbPath, databaseUrl);
  const ids: number[] = [];
  for (let i = 0; i < CHAINS; i++) ids.push(await arrangeArticle({ title: `断电测试稿件${i + 1}`, sectionSlug: "news" }, where));
  const sectionId = await withDatabase((db) => sectionIdBySlug(db, "news"), where);
  const actionId = saveArticleActionId();

  const acknowledged: AcknowledgedSave[] = [];
  const refusals: string[] = [];
  let cutMidRequest = 0;
  let busyLines = 0;
  let server: LiveServer | undefined;
  const port = await freePort(FIRST_PORT);
  try {
    server = await startServer({ port, dbPath, databaseUrl });
    // The session survives restarts: its secret is the auth-secret file beside the database.
    const cookie = await signInOverHttp(server.baseUrl, "editor@folio.local", DEMO_PASSWORD);

    for (let kill = 1; kill <= KILLS; kill++) {
      const live: LiveServer = server;
      const versions = await articleVersions(where, ids);
      // Each chain is one editor's autosave on one article: the next save starts from the version the last one returned.
      const chains = ids.map(async (articleId) => {
        let version = versions.get(articleId) as number;
        for (let n = 0; ; n++) {
          const body = paragraphsBody([`第${kill}次断电前 稿件${articleId} 第${n}次保存 基于v${version} ${Math.random().toString(36).slice(2)}`, FILLER, FILLER]);
          let answer;
          try {
            answer = await postSaveArticle(live.baseUrl, cookie, actionId, {
              articleId,
              baseVersion: version,
              fields: articleFields(`断电测试稿件${articleId}`, sectionId),
              body,
              note: null,
              autosave: true,
            });
          } catch (e) {
            // The kill: a refused connection is a save never sent, anything else was cut in flight.
            if ((e as { cause?: { code?: string } }).cause?.code !== "ECONNREFUSED") cutMidRequest += 1;
            return;
          }
          if (answer.result?.ok && typeof answer.result.version === "number") {
            acknowledged.push({ articleId, version: answer.result.version, textHash: bodyTextHash(body) });
            version = answer.result.version;
          } else {
            refusals.push(`${answer.status} ${answer.result?.message ?? "no action result"}`);
            return;
          }
        }
      });
      await sleep(300 + Math.random() * 2200);
      await killServer(live);
      await Promise.all(chains);
      busyLines += live.log.filter((l) => BUSY_PATTERN.test(l)).length;

      // Restart on the same database, then look at what survived.
      server = await startServer({ port, dbPath, databaseUrl });
      const report = await checkSaves(where, acknowledged, ids);
      expect(report.integrity, `after kill ${kill}`).toBe(databaseUrl ? "n/a" : "ok");
      expect(report.missing, `after kill ${kill}`).toEqual([]);
      expect(report.halfWritten, `after kill ${kill}`).toEqual([]);
      expect(report.inconsistent, `after kill ${kill}`).toEqual([]);
    }
    busyLines += server.log.filter((l) => BUSY_PATTERN.test(l)).length;
    const [stored] = await withDatabase(
      (db) => db.select({ n: count() }).from(articleRevisions).where(and(eq(articleRevisions.kind, "save"), inArray(articleRevisions.articleId, ids))),
      where,
    );
    console.log(
      `crash safety: ${KILLS} SIGKILLs, ${acknowledged.length} acknowledged saves over ${CHAINS} articles, all present in full; ` +
        `${cutMidRequest} saves cut in flight (${stored!.n - acknowledged.length} of them committed before the kill, none half-written); ` +
        `integrity ${databaseUrl ? "(PostgreSQL's own)" : "ok"}; busy lines: ${busyLines}`,
    );
    expect(refusals).toEqual([]);
    expect(busyLines).toBe(0);
    // The kills must land while saves are being written, or the test proves nothing.
    expect(acknowledged.length).toBeGreaterThan(KILLS * 2);
    expect(cutMidRequest).toBeGreaterThan(0);
  } finally {
    if (server) await killServer(server);
    await database.remove();
  }
});
