import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { getArticleById } from "@/db/queries/articles";
import { saveArticle } from "@/db/queries/article-workflow";
import { actorOf, anArticle, aUser, paragraphs } from "@/db/testing/builders";
import { expectedError, isDatabaseBusy } from "@/lib/errors";
import { openPostgres } from "./postgres-engine";

/*
 * "Database busy" on PostgreSQL (runs in npm test's PostgreSQL stage): DB_BUSY_TIMEOUT_MS bounds how
 * long a save waits for another's lock and a request for a pooled connection; then the person is
 * told to retry (503 / 数据库正忙) and nothing was written, as with SQLite's busy_timeout.
 */

const onPostgres = process.env.FOLIO_TEST_ENGINE === "postgres";
// Read when the app's pool opens (getDb, on the first query below).
process.env.DB_BUSY_TIMEOUT_MS = "300";
afterAll(removeTemporaryDatabase);

/** The error a promise rejects with (or "resolved"), and how long it took. */
async function outcome(work: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await work.then(
    () => "resolved",
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started };
}

describe.runIf(onPostgres)("a busy PostgreSQL", () => {
  it("refuses a save that waits past DB_BUSY_TIMEOUT_MS for another's lock, writes nothing, and saves once the lock is gone", async () => {
    const editor = await aUser({ role: "editor" });
    const article = await anArticle({ author: editor, title: "锁住的稿件" });
    // Another process (a script, a stuck transaction) holds the article's row.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("begin");
      await other.query("select id from articles where id = $1 for update", [article.id]);
      const save = (title: string) =>
        saveArticle({ id: article.id, baseVersion: article.version, changes: { title, body: paragraphs("正文。") }, note: null, actor: actorOf(editor), ip: null });
      const { error, ms } = await outcome(save("等锁的标题"));
      expect(isDatabaseBusy(error), String(error)).toBe(true);
      expect(expectedError(error)?.code).toBe("busy");
      expect(ms).toBeGreaterThanOrEqual(250);
      expect(ms).toBeLessThan(4000);
      await other.query("rollback");
      expect((await getArticleById({ id: article.id }))?.title).toBe("锁住的稿件");
      expect(await save("锁放开以后")).toMatchObject({ ok: true, article: { title: "锁放开以后" } });
    } finally {
      await other.end();
    }
  });

  it("tells a request that finds no free pooled connection within the time that the database is busy", async () => {
    const db = openPostgres(process.env.DATABASE_URL!, { poolSize: 1, busyTimeoutMs: 200 });
    try {
      let release!: () => void;
      const holding = db.$pool.connect().then((client) => new Promise<void>((resolve) => (release = () => (client.release(), resolve()))));
      while (!release) await new Promise((resolve) => setTimeout(resolve, 5));
      const { error, ms } = await outcome(db.$pool.query("select 1"));
      expect(isDatabaseBusy(error), String(error)).toBe(true);
      expect(ms).toBeLessThan(3000);
      release();
      await holding;
      expect((await db.$pool.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.$close();
    }
  });

  it("leaves real failures alone", async () => {
    const db = openPostgres(process.env.DATABASE_URL!, { poolSize: 1 });
    try {
      const { error } = await outcome(db.$pool.query("insert into users (email) values (null)"));
      expect(isDatabaseBusy(error)).toBe(false);
      expect(expectedError(error)).toBeNull();
    } finally {
      await db.$close();
    }
  });
});
