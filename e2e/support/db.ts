import path from "node:path";
import argon2 from "argon2";
import Database from "better-sqlite3";

/** The run's real SQLite file (or another one given), opened beside the server to arrange and check state. */
export function openTestDb(file?: string): Database.Database {
  const dir = process.env.FOLIO_E2E_DIR;
  const target = file ?? (dir ? path.join(dir, "folio.db") : undefined);
  if (!target) throw new Error("FOLIO_E2E_DIR is not set: run through playwright.config.ts");
  const db = new Database(target);
  db.pragma("busy_timeout = 5000");
  return db;
}

export const DEMO_PASSWORD = "folio-demo";

let counter = 0;
/** A fresh user for one test, so tests never depend on each other's changes. */
export async function createTestUser(role: "admin" | "editor" | "reviewer", password = "test-password-123") {
  const email = `${role}-${Date.now()}-${counter++}@test.folio`;
  const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19968, timeCost: 2, parallelism: 1 });
  const db = openTestDb();
  db.prepare("insert into users (email, name, role, password_hash) values (?, ?, ?, ?)").run(email, `测试${role}`, role, hash);
  db.close();
  return { email, password, role };
}

export function auditActions(filter: { action?: string; actorEmail?: string; targetId?: string } = {}): { action: string; actor_email: string | null; target_id: string | null }[] {
  const db = openTestDb();
  const rows = db
    .prepare(
      `select action, actor_email, target_id from audit_log
       where (? is null or action = ?) and (? is null or actor_email = ?) and (? is null or target_id = ?)
       order by id`,
    )
    .all(filter.action ?? null, filter.action ?? null, filter.actorEmail ?? null, filter.actorEmail ?? null, filter.targetId ?? null, filter.targetId ?? null) as {
    action: string;
    actor_email: string | null;
    target_id: string | null;
  }[];
  db.close();
  return rows;
}

type ArrangedArticle = {
  title: string;
  state?: "draft" | "in_review" | "approved" | "scheduled" | "published" | "unpublished";
  sectionSlug?: string;
  issueId?: number | null;
  pageId?: number | null;
  position?: number;
  body?: string;
  authorEmail?: string;
};

/**
 * Puts an article straight into the database in a given state, for tests about what happens
 * next (the stories that reach a state through the desk are tested elsewhere).
 */
export function arrangeArticle(a: ArrangedArticle, dbFile?: string): number {
  const db = openTestDb(dbFile);
  const author = db.prepare("select id from users where email = ?").get(a.authorEmail ?? "editor@folio.local") as { id: number };
  const section = a.sectionSlug ? (db.prepare("select id from sections where slug = ?").get(a.sectionSlug) as { id: number }) : null;
  const text = a.body ?? `${a.title}的正文。`;
  const body = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
  const now = Date.now();
  const state = a.state ?? "draft";
  const submitted = state === "draft" ? null : now - 60_000;
  const published = state === "published" || state === "unpublished" ? now - 30_000 : null;
  const info = db
    .prepare(
      `insert into articles (state, issue_id, page_id, position, section_id, title, body, body_text, char_count, author_id, submitted_at, published_at, first_published_at, unpublished_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(state, a.issueId ?? null, a.pageId ?? null, a.position ?? 0, section?.id ?? null, a.title, body, text, text.length, author.id, submitted, published, published, state === "unpublished" ? now : null);
  const id = Number(info.lastInsertRowid);
  db.prepare("insert into article_revisions (article_id, version, kind, author_id, snapshot) values (?, 1, 'create', ?, ?)").run(
    id,
    author.id,
    JSON.stringify({ kicker: null, title: a.title, subtitle: null, rubric: null, byline: null, source: null, reporters: [], correspondents: [], photographers: [], sectionId: section?.id ?? null, body: JSON.parse(body) }),
  );
  db.close();
  return id;
}

/** A fresh issue with one page, for tests that publish whole issues. */
export function arrangeIssue(date: string, pageCount = 1): { issueId: number; pageIds: number[] } {
  const db = openTestDb();
  const issueId = Number(db.prepare("insert into issues (paper, date, page_count, issue_no, total_issue_no) values ('荣昌报', ?, ?, 99, 9999)").run(date, pageCount).lastInsertRowid);
  const pageIds: number[] = [];
  for (let n = 1; n <= pageCount; n++) pageIds.push(Number(db.prepare("insert into pages (issue_id, number, name) values (?, ?, ?)").run(issueId, n, `第${n}版`).lastInsertRowid));
  db.close();
  return { issueId, pageIds };
}

export function articleState(id: number): { state: string; version: number; published_at: number | null; body_text: string } {
  const db = openTestDb();
  const row = db.prepare("select state, version, published_at, body_text from articles where id = ?").get(id) as {
    state: string;
    version: number;
    published_at: number | null;
    body_text: string;
  };
  db.close();
  return row;
}
