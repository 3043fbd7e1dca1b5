import path from "node:path";
import argon2 from "argon2";
import Database from "better-sqlite3";
import { and, eq, type SQL } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "../../db/schema";
import { articleRevisions, articles, auditLog, issues, pages, sections, users } from "../../db/schema";
import type { ArticleState, Role } from "../../lib/vocabulary";
import type { Db } from "../../db/connection";
import { withDatabase } from "./database";

/*
 * Arranging and checking state in the run's database, on either engine: every helper here is
 * async and goes through e2e/support/database.ts (the app's own engines and schema), so a renamed
 * column fails the type check here, not in the middle of a test run, and a spec that uses them
 * runs on SQLite and on PostgreSQL alike. Only `openTestDb` opens the SQLite file itself, for the
 * specs that work on the file (backups, a held write lock): those stay SQLite-only.
 */

export type TestDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The run's SQLite file (or another one given), opened synchronously with the app's schema. Close it with `db.$client.close()`. */
export function openTestDb(file?: string, { readonly = false }: { readonly?: boolean } = {}): TestDb {
  const dir = process.env.FOLIO_E2E_DIR;
  const target = file ?? (dir ? path.join(dir, "folio.db") : undefined);
  if (!target) throw new Error("FOLIO_E2E_DIR is not set: run through playwright.config.ts");
  const sqlite = new Database(target, { readonly, fileMustExist: readonly });
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema });
}

/** Opens the SQLite file synchronously, runs `work` and closes it again, also when `work` throws (the SQLite-only specs). */
export function withSqliteFile<T>(work: (db: TestDb) => T, file?: string): T {
  const db = openTestDb(file);
  try {
    return work(db);
  } finally {
    db.$client.close();
  }
}

export const DEMO_PASSWORD = "folio-demo";

let counter = 0;
/** A fresh user for one test, so tests never depend on each other's changes. */
export async function createTestUser(role: Role, password = "test-password-123") {
  const email = `${role}-${Date.now()}-${counter++}@test.folio`;
  const passwordHash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19968, timeCost: 2, parallelism: 1 });
  await withDatabase(async (db) => {
    await db.insert(users).values({ email, name: `测试${role}`, role, passwordHash });
  });
  return { email, password, role };
}

/** Audit entries (on either engine), oldest first. */
export async function auditActions(filter: { action?: string; actorEmail?: string; targetId?: string } = {}): Promise<{ action: string; actor_email: string | null; target_id: string | null }[]> {
  const where: SQL[] = [];
  if (filter.action !== undefined) where.push(eq(auditLog.action, filter.action));
  if (filter.actorEmail !== undefined) where.push(eq(auditLog.actorEmail, filter.actorEmail));
  if (filter.targetId !== undefined) where.push(eq(auditLog.targetId, filter.targetId));
  return withDatabase(async (db) =>
    db
      .select({ action: auditLog.action, actor_email: auditLog.actorEmail, target_id: auditLog.targetId })
      .from(auditLog)
      .where(and(...where))
      .orderBy(auditLog.id),
  );
}

type ArrangedArticle = {
  title: string;
  state?: Exclude<ArticleState, "changes_requested">;
  sectionSlug?: string;
  issueId?: number | null;
  pageId?: number | null;
  position?: number;
  body?: string;
  authorEmail?: string;
};

/** The id of a section by its slug (the seeded ones: news, economy, …). */
export async function sectionIdBySlug(db: Db, slug: string): Promise<number> {

  const [row] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug)).limit(1);
  if (!row) throw new Error(`no section ${slug}`);
  return row.id;
}

/**
 * Puts an article straight into the database (the run's, or `where`: a SQLite file or a
 * postgres:// URL) in a given state, for tests about what happens next (the stories that reach a
 * state through the desk are tested elsewhere).
 */
export async function arrangeArticle(a: ArrangedArticle, where?: string): Promise<number> {

  return withDatabase(async (db) => {
    const [author] = await db.select({ id: users.id }).from(users).where(eq(users.email, a.authorEmail ?? "editor@folio.local")).limit(1);
    if (!author) throw new Error(`no user ${a.authorEmail ?? "editor@folio.local"}`);
    const sectionId = a.sectionSlug ? await sectionIdBySlug(db, a.sectionSlug) : null;
    const text = a.body ?? `${a.title}的正文。`;
    const body = { type: "doc" as const, content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text }] }] };
    const now = Date.now();
    const state = a.state ?? "draft";
    const submitted = state === "draft" ? null : new Date(now - 60_000);
    const published = state === "published" || state === "unpublished" ? new Date(now - 30_000) : null;
    return db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(articles)
        .values({
          state,
          issueId: a.issueId ?? null,
          pageId: a.pageId ?? null,
          position: a.position ?? 0,
          sectionId,
          title: a.title,
          body,
          bodyText: text,
          charCount: text.length,
          authorId: author.id,
          submittedAt: submitted,
          publishedAt: published,
          firstPublishedAt: published,
          unpublishedAt: state === "unpublished" ? new Date(now) : null,
        })
        .returning({ id: articles.id });
      const id = inserted!.id;
      await tx.insert(articleRevisions).values({
        articleId: id,
        version: 1,
        kind: "create",
        authorId: author.id,
        snapshot: { kicker: null, title: a.title, subtitle: null, rubric: null, byline: null, source: null, reporters: [], correspondents: [], photographers: [], sectionId, body },
      });
      return id;
    });
  }, where);
}

/** A fresh issue with its pages, for tests that publish whole issues. */
export async function arrangeIssue(date: string, pageCount = 1): Promise<{ issueId: number; pageIds: number[] }> {
  return withDatabase((db) =>
    db.transaction(async (tx) => {
      const [issue] = await tx.insert(issues).values({ paper: "荣昌报", date, pageCount, issueNo: 99, totalIssueNo: 9999 }).returning({ id: issues.id });
      const pageIds: number[] = [];
      for (let n = 1; n <= pageCount; n++) {
        const [page] = await tx.insert(pages).values({ issueId: issue!.id, number: n, name: `第${n}版` }).returning({ id: pages.id });
        pageIds.push(page!.id);
      }
      return { issueId: issue!.id, pageIds };
    }),
  );
}

export async function articleState(id: number): Promise<{ state: ArticleState; version: number; published_at: Date | null; body_text: string }> {
  const [row] = await withDatabase(async (db) =>
    db
      .select({ state: articles.state, version: articles.version, published_at: articles.publishedAt, body_text: articles.bodyText })
      .from(articles)
      .where(eq(articles.id, id))
      .limit(1),
  );
  if (!row) throw new Error(`no article ${id}`);
  return row;
}
