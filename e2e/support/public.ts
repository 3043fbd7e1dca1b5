import type { Locator } from "@playwright/test";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { articleApprovals, articleComments, articleLocks, articlePhotos, articleRevisions, articles, articleViews, issues, pages, pendingRevisions, users } from "../../db/schema";
import type { ArticleLanguage, ArticleState } from "../../lib/vocabulary";
import { withDatabase } from "./database";
import { sectionIdBySlug } from "./db";

/** The issue `npm run db:seed -- --demo` publishes: page 1 要闻 (8 stories) and page 3 专题 (1 story). */
export const DEMO_DATE = "2024-03-08";

export type ArrangedArticle = {
  state: ArticleState;
  title: string;
  paragraphs: string[];
  kicker?: string | null;
  subtitle?: string | null;
  byline?: string | null;
  language?: ArticleLanguage;
  /** Printed page (of the demo issue unless `issueDate` says otherwise); omitted: a web-only story. */
  page?: number;
  issueDate?: string;
  position?: number;
  sectionSlug?: string | null;
  publishedAt?: Date | null;
  firstPublishedAt?: Date | null;
  scheduledAt?: Date | null;
  unpublishedAt?: Date | null;
  unpublishReason?: string | null;
};

/** An issue with its pages, as accepting an import creates it (nothing on it is published yet). */
export async function arrangeIssue(issue: { date: string; issueNo: number; totalIssueNo: number; pages: { number: number; name: string }[] }): Promise<void> {

  await withDatabase((db) =>
    db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(issues)
        .values({ paper: "荣昌报", date: issue.date, issueNo: issue.issueNo, totalIssueNo: issue.totalIssueNo, pageCount: 4 })
        .returning({ id: issues.id });
      const id = inserted!.id;
      for (const p of issue.pages) await tx.insert(pages).values({ issueId: id, number: p.number, name: p.name });
    }),
  );
}

/**
 * Writes an article straight into the run's database, as the desk would have
 * left it in that state (body JSON and body_text agree; search_index follows
 * through its triggers). The author is the demo editor.
 */
export async function arrangeArticle(a: ArrangedArticle): Promise<number> {

  return withDatabase(async (db) => {
    const [author] = await db.select({ id: users.id }).from(users).where(eq(users.email, "editor@folio.local")).limit(1);
    if (!author) throw new Error("no demo editor");
    let issueId: number | null = null;
    let pageId: number | null = null;
    if (a.page !== undefined) {
      const [row] = await db
        .select({ issueId: issues.id, pageId: pages.id })
        .from(pages)
        .innerJoin(issues, eq(issues.id, pages.issueId))
        .where(and(eq(issues.date, a.issueDate ?? DEMO_DATE), eq(pages.number, a.page)))
        .limit(1);
      if (!row) throw new Error(`issue ${a.issueDate ?? DEMO_DATE} has no page ${a.page}`);
      ({ issueId, pageId } = row);
    }
    const sectionId = a.sectionSlug == null ? null : await sectionIdBySlug(db, a.sectionSlug);
    const now = new Date();
    const wasPublic = a.state === "published" || a.state === "unpublished";
    const publishedAt = a.publishedAt !== undefined ? a.publishedAt : wasPublic ? now : null;
    const firstPublishedAt = a.firstPublishedAt !== undefined ? a.firstPublishedAt : publishedAt;
    const body = { type: "doc" as const, content: a.paragraphs.map((text) => ({ type: "paragraph" as const, content: [{ type: "text" as const, text }] })) };
    const bodyText = a.paragraphs.join("\n");
    const [inserted] = await db
      .insert(articles)
      .values({
        state: a.state,
        issueId,
        pageId,
        position: a.position ?? 0,
        sectionId,
        kicker: a.kicker ?? null,
        title: a.title,
        subtitle: a.subtitle ?? null,
        byline: a.byline ?? null,
        body,
        bodyText,
        charCount: Array.from(bodyText.replace(/\s/g, "")).length,
        language: a.language ?? "zh-CN",
        authorId: author.id,
        submittedAt: a.state === "draft" ? null : now,
        scheduledAt: a.scheduledAt ?? null,
        publishedAt,
        firstPublishedAt,
        unpublishedAt: a.unpublishedAt ?? (a.state === "unpublished" ? now : null),
        unpublishReason: a.unpublishReason ?? (a.state === "unpublished" ? "测试撤下" : null),
        createdAt: now,
        updatedAt: new Date(Math.max(now.getTime(), publishedAt?.getTime() ?? 0)),
      })
      .returning({ id: articles.id });
      const id = inserted!.id;
    return id;
  });
}

/**
 * Deletes arranged stories with what the desk wrote about them (the search indexes and notices
 * follow by trigger and cascade) and, optionally, an arranged issue with its pages: later specs that count what is
 * on a demo page, or take the latest issue for today's paper, then see the paper as the seed left it.
 */
export async function removeArranged({ articleIds, issueDate }: { articleIds: number[]; issueDate?: string }): Promise<void> {

  await withDatabase((db) =>
    db.transaction(async (tx) => {
      if (articleIds.length > 0) {
        // Whatever the desk wrote about them (revisions, approvals, comments, locks, seen marks) goes first.
        for (const table of [articleRevisions, pendingRevisions, articleApprovals, articleComments, articleLocks, articleViews, articlePhotos]) {
          await tx.delete(table).where(inArray(table.articleId, articleIds));
        }
        await tx.delete(articles).where(inArray(articles.id, articleIds));
      }
      if (issueDate) {
        const [issue] = await tx.select({ id: issues.id }).from(issues).where(eq(issues.date, issueDate)).limit(1);
        if (issue) {
          await tx.delete(pages).where(eq(pages.issueId, issue.id));
          await tx.delete(issues).where(eq(issues.id, issue.id));
        }
      }
    }),
  );
}

/** Ids of every story a reader may see: published heads (a jumped story's later parts are read through its head). */
export async function publishedStoryIds(): Promise<number[]> {

  const rows = await withDatabase(async (db) =>
    db
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.state, "published"), isNull(articles.continuesId)))
      .orderBy(asc(articles.id)),
  );
  return rows.map((r) => r.id);
}

/**
 * Headlines of the demo issue's page in print order, as the newsroom placed them. The demo
 * stories come first; other specs may place more published stories after them.
 */
export async function publishedTitlesOnPage(pageNumber: number): Promise<string[]> {

  const rows = await withDatabase(async (db) =>
    db
      .select({ title: articles.title })
      .from(articles)
      .innerJoin(pages, eq(pages.id, articles.pageId))
      .innerJoin(issues, eq(issues.id, pages.issueId))
      .where(and(eq(issues.date, DEMO_DATE), eq(pages.number, pageNumber), eq(articles.state, "published"), isNull(articles.continuesId)))
      .orderBy(asc(articles.position), asc(articles.id)),
  );
  return rows.map((r) => r.title);
}

export async function articleIdByTitle(title: string): Promise<number> {

  const [row] = await withDatabase(async (db) =>
    db
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.title, title), eq(articles.state, "published")))
      .orderBy(asc(articles.id))
      .limit(1),
  );
  if (!row) throw new Error(`no published article titled ${title}`);
  return row.id;
}

/** Article ids linked from the HTML or XML text (/articles/123 and /articles/123-some-slug). */
export function linkedArticleIds(text: string): number[] {
  return [...new Set([...text.matchAll(/\/articles\/(\d+)(?=[-"'<\s/?#]|$)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

/** Whether `first` comes before `second` in document order (both must match one element). */
export async function comesBefore(first: Locator, second: Locator): Promise<boolean> {

  const other = await second.elementHandle();
  return first.evaluate((a, b) => (b ? (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 : false), other);
}
