import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "./connection";
import { openPublicGenerationReader } from "./public-generation";

const dirs: string[] = [];
const closers: (() => void)[] = [];

afterEach(() => {
  for (const close of closers.splice(0).reverse()) close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A migrated database in a fresh folder: its file, a writer connection and a reader. */
function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-generation-"));
  dirs.push(dir);
  const file = path.join(dir, "folio.db");
  const db = openDatabase(file);
  const sqlite = db.$client;
  closers.push(() => db.$closeNow());
  const reader = openPublicGenerationReader(file);
  closers.push(() => reader.close());
  return { file, sqlite, reader };
}

let sqlite: Database.Database;
let reader: ReturnType<typeof openPublicGenerationReader>;
let authorId: number;

beforeEach(() => {
  ({ sqlite, reader } = setup());
  authorId = Number(sqlite.prepare("insert into users (email, name, role, password_hash) values ('e@x', '编辑', 'editor', 'x')").run().lastInsertRowid);
});

function insertArticle(state: string, title = "稿件"): number {
  return Number(
    sqlite
      .prepare("insert into articles (title, body, body_text, author_id, state) values (?, ?, ?, ?, ?)")
      .run(title, JSON.stringify({ type: "doc", content: [] }), title, authorId, state).lastInsertRowid,
  );
}

/** Whether `write` replaced the token, as the reader (another connection) sees it right after. */
function changes(write: () => unknown): boolean {
  const before = reader.current();
  write();
  return reader.current() !== before;
}

const run = (sql: string, ...params: unknown[]) => () => sqlite.prepare(sql).run(...params);

describe("public generation", () => {
  it("starts with one random token", () => {
    const token = reader.current();
    expect(token).toMatch(/^[0-9a-f]{16}$/);
    expect(reader.current()).toBe(token);
    expect(sqlite.prepare("select count(*) as n from public_generation").get()).toEqual({ n: 1 });
    const other = setup();
    expect(other.reader.current()).not.toBe(token);
  });

  it("changes when an article is published", () => {
    expect(changes(() => insertArticle("published"))).toBe(true);
    const id = insertArticle("draft");
    expect(changes(run("update articles set state = 'approved' where id = ?", id))).toBe(false);
    expect(changes(run("update articles set state = 'scheduled', scheduled_at = 1 where id = ?", id))).toBe(false);
    expect(changes(run("update articles set state = 'published', published_at = 2 where id = ?", id))).toBe(true);
    const draft = insertArticle("draft");
    expect(changes(run("update articles set state = 'published' where id = ?", draft))).toBe(true);
  });

  it("changes on every write to a published article, unpublishing and deleting included", () => {
    const id = insertArticle("published");
    expect(changes(run("update articles set title = '新标题' where id = ?", id))).toBe(true);
    expect(changes(run("update articles set correction = '更正' where id = ?", id))).toBe(true);
    // Even a write that changes nothing a reader sees: the trigger does not look at columns.
    expect(changes(run("update articles set version = version + 1 where id = ?", id))).toBe(true);
    expect(changes(run("update articles set state = 'unpublished', unpublish_reason = '撤稿' where id = ?", id))).toBe(true);
    // Unpublished, and then reworked as a draft: no public page shows it any more.
    expect(changes(run("update articles set state = 'draft' where id = ?", id))).toBe(false);

    const other = insertArticle("published");
    expect(changes(run("delete from articles where id = ?", other))).toBe(true);
  });

  it("changes when a draft part is linked into or out of a jump chain, which published stories follow", () => {
    const head = insertArticle("published");
    const middle = insertArticle("draft");
    const tail = insertArticle("published");
    expect(changes(run(`update articles set continues_id = ${middle} where id = ?`, tail))).toBe(true);
    expect(changes(run(`update articles set continues_id = ${head} where id = ?`, middle))).toBe(true);
    expect(changes(run("update articles set continues_id = null where id = ?", middle))).toBe(true);
    // The draft's own text is not public: editing it still changes nothing.
    expect(changes(run("update articles set body_text = '改' where id = ?", middle))).toBe(false);
  });

  it("does not change on drafts and other unpublished work", () => {
    for (const state of ["draft", "in_review", "changes_requested", "approved", "scheduled", "unpublished"]) {
      let id = 0;
      expect(
        changes(() => (id = insertArticle(state))),
        `insert ${state}`,
      ).toBe(false);
      expect(changes(run("update articles set title = '改', body_text = '改' where id = ?", id)), `update ${state}`).toBe(false);
      expect(changes(run("delete from articles where id = ?", id)), `delete ${state}`).toBe(false);
    }
    // Autosave of a draft, many times over.
    const draft = insertArticle("draft");
    expect(
      changes(() => {
        for (let i = 0; i < 20; i++) sqlite.prepare("update articles set body_text = ?, version = version + 1 where id = ?").run(`草稿${i}`, draft);
      }),
    ).toBe(false);
    // Desk-only tables.
    expect(changes(run("insert into audit_log (actor_id, action) values (?, 'x')", authorId))).toBe(false);
    expect(changes(run("update users set name = '新名' where id = ?", authorId))).toBe(false);
  });

  it("changes on writes to issues, pages and sections", () => {
    let issueId = 0;
    expect(changes(() => (issueId = Number(sqlite.prepare("insert into issues (paper, date) values ('荣昌报', '2024-03-08')").run().lastInsertRowid)))).toBe(true);
    expect(changes(run("update issues set issue_no = 12 where id = ?", issueId))).toBe(true);
    let pageId = 0;
    expect(changes(() => (pageId = Number(sqlite.prepare("insert into pages (issue_id, number, name) values (?, 1, '要闻')").run(issueId).lastInsertRowid)))).toBe(true);
    expect(changes(run("update pages set name = '综合' where id = ?", pageId))).toBe(true);
    let sectionId = 0;
    expect(changes(() => (sectionId = Number(sqlite.prepare("insert into sections (slug, name) values ('yaowen', '要闻')").run().lastInsertRowid)))).toBe(true);
    expect(changes(run("update sections set hidden = 1 where id = ?", sectionId))).toBe(true);
    expect(changes(run("delete from sections where id = ?", sectionId))).toBe(true);
    expect(changes(run("delete from pages where id = ?", pageId))).toBe(true);
    expect(changes(run("delete from issues where id = ?", issueId))).toBe(true);
  });

  it("changes once per write, whatever the number of rows, and rolls back with the write", () => {
    const ids = [insertArticle("published"), insertArticle("published"), insertArticle("draft")];
    const before = reader.current();
    sqlite.prepare(`update articles set title = title || '!' where id in (${ids.join(",")})`).run();
    const after = reader.current();
    expect(after).not.toBe(before);
    // A transaction that fails leaves the token as it was.
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare("update articles set title = 'x' where id = ?").run(ids[0]);
        throw new Error("rollback");
      })(),
    ).toThrow("rollback");
    expect(reader.current()).toBe(after);
  });

  it("is read by the reader as soon as another connection commits", () => {
    const { file, sqlite: writer, reader: own } = setup();
    const second = openPublicGenerationReader(file);
    closers.push(() => second.close());
    const user = Number(writer.prepare("insert into users (email, name, role, password_hash) values ('r@x', '审', 'reviewer', 'x')").run().lastInsertRowid);
    const tokens = new Set<string>([own.current()]);
    for (let i = 0; i < 5; i++) {
      writer.prepare("insert into articles (title, body, author_id, state) values ('t', '{}', ?, 'published')").run(user);
      const now = own.current();
      expect(second.current()).toBe(now);
      expect(writer.prepare("select token from public_generation where id = 1").get()).toEqual({ token: now });
      tokens.add(now);
    }
    expect(tokens.size).toBe(6);
  });

  it("says so when the row is missing or the file does not exist", () => {
    sqlite.prepare("delete from public_generation").run();
    expect(() => reader.current()).toThrow(/public_generation has no row/);
    expect(() => openPublicGenerationReader(path.join(os.tmpdir(), `folio-missing-${process.pid}-${Date.now()}.db`))).toThrow();
  });
});
