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
import Database from "better-sqlite3";
import { databaseState } from "./db-state";

const file = process.argv[2];
if (!file) throw new Error("usage: write-load.ts <database-file>");
const db = new Database(file, { fileMustExist: true });
db.pragma("busy_timeout = 5000");

const author = (db.prepare("select id from users order by id limit 1").get() as { id: number }).id;
const doc = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const insertArticle = db.prepare("insert into articles (title, body, body_text, author_id) values (?, ?, ?, ?)");
const updateArticle = db.prepare("update articles set body = ?, body_text = ?, version = version + 1, updated_at = ? where id = ?");
const versionOf = db.prepare("select version from articles where id = ?");
const insertRevision = db.prepare("insert into article_revisions (article_id, version, kind, note, author_id, snapshot) values (?, ?, 'save', 'write-load', ?, '{}')");
const insertAudit = db.prepare("insert into audit_log (actor_id, action, target_type, target_id, detail) values (?, 'article.save', 'article', ?, ?)");

let articleId = Number(insertArticle.run("备份负载测试", doc("开始"), "开始", author).lastInsertRowid);
let seq = 0;
const save = db.transaction(() => {
  const begin = databaseState(db);
  seq += 1;
  if (seq % 10 === 0) articleId = Number(insertArticle.run(`备份负载测试 ${seq}`, doc(`新稿 ${seq}`), `新稿 ${seq}`, author).lastInsertRowid);
  const text = `第 ${seq} 次保存：${"荣昌".repeat(seq % 50)}`;
  updateArticle.run(doc(text), text, Date.now(), articleId);
  const { version } = versionOf.get(articleId) as { version: number };
  insertRevision.run(articleId, version, author);
  insertAudit.run(author, String(articleId), JSON.stringify({ version, seq }));
  return { begin, commit: databaseState(db) };
});

let stopping = false;
readline.createInterface({ input: process.stdin }).once("line", () => (stopping = true));
process.stdin.once("end", () => (stopping = true));

function step() {
  if (stopping) {
    db.close();
    process.stdout.write(`${JSON.stringify({ done: seq })}\n`);
    process.exit(0);
  }
  const { begin, commit } = save.immediate();
  process.stdout.write(`${JSON.stringify({ seq, at: Date.now(), begin, commit })}\n`);
  setImmediate(step);
}
step();
