/**
 * A second writer on the live database, for the backup test: back-to-back transactions shaped
 * like an article save (body update, revision, audit row; now and then a new article). For each
 * transaction it prints, as one JSON line, the database state it began from and the state it
 * committed, read inside the transaction, so the test knows every state the file passed through.
 * Stops after the current transaction when a line arrives on stdin.
 *
 *   npx tsx e2e/support/write-load.ts <database-file>
 */
import readline from "node:readline";
import { asc, eq, sql } from "drizzle-orm";
import { articleRevisions, articles, auditLog, users } from "../../db/schema";
import { openTestDb } from "./db";
import { databaseState } from "./db-state";

const file = process.argv[2];
if (!file) throw new Error("usage: write-load.ts <database-file>");
const db = openTestDb(file);

const author = db.select({ id: users.id }).from(users).orderBy(asc(users.id)).get()!.id;
const doc = (text: string) => ({ type: "doc" as const, content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text }] }] });
const insertArticle = (title: string, text: string) =>
  db.insert(articles).values({ title, body: doc(text), bodyText: text, authorId: author }).returning({ id: articles.id }).get().id;

let articleId = insertArticle("备份负载测试", "开始");
let seq = 0;
const save = () =>
  db.transaction(
    (tx) => {
      const begin = databaseState(db);
      seq += 1;
      if (seq % 10 === 0) articleId = insertArticle(`备份负载测试 ${seq}`, `新稿 ${seq}`);
      const text = `第 ${seq} 次保存：${"荣昌".repeat(seq % 50)}`;
      const { version } = tx
        .update(articles)
        .set({ body: doc(text), bodyText: text, version: sql`${articles.version} + 1`, updatedAt: new Date() })
        .where(eq(articles.id, articleId))
        .returning({ version: articles.version })
        .get()!;
      tx.insert(articleRevisions).values({ articleId, version, kind: "save", note: "write-load", authorId: author, snapshot: {} as never }).run();
      tx.insert(auditLog).values({ actorId: author, action: "article.save", targetType: "article", targetId: String(articleId), detail: { version, seq } }).run();
      return { begin, commit: databaseState(db) };
    },
    { behavior: "immediate" },
  );

let stopping = false;
readline.createInterface({ input: process.stdin }).once("line", () => (stopping = true));
process.stdin.once("end", () => (stopping = true));

function step() {
  if (stopping) {
    db.$client.close();
    process.stdout.write(`${JSON.stringify({ done: seq })}\n`);
    process.exit(0);
  }
  const { begin, commit } = save();
  process.stdout.write(`${JSON.stringify({ seq, at: Date.now(), begin, commit })}\n`);
  setImmediate(step);
}
step();
