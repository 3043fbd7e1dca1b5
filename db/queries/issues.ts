import "server-only";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { articles, issues, pages, sections, type Article, type Issue, type Page } from "@/db/schema";
import { firstRow, onlyRow } from "@/db/raw";

export type NewIssue = Omit<typeof issues.$inferInsert, "id" | "version" | "createdAt" | "updatedAt">;

/** Inserts an issue and its pages (call inside a transaction): for seeding an archive without going through imports. */
export async function insertIssueWithPages(db: DbOrTx, values: NewIssue, pageList: readonly { number: number; name: string | null }[]): Promise<{ issue: Issue; pages: Page[] }> {
  const issue = onlyRow(await db.insert(issues).values(values).returning());
  const rows: Page[] = [];
  for (const p of pageList) rows.push(onlyRow(await db.insert(pages).values({ issueId: issue.id, number: p.number, name: p.name }).returning()));
  return { issue, pages: rows };
}

/** The issue and page an article is printed on, if any. */
export async function getArticlePlacement({ issueId, pageId }: { issueId: number | null; pageId: number | null }) {
  const db = getDb();
  const issue = issueId ? firstRow(await db.select().from(issues).where(eq(issues.id, issueId))) : undefined;
  const page = pageId ? firstRow(await db.select().from(pages).where(eq(pages.id, pageId))) : undefined;
  return { issue, page };
}

export async function getIssueByDate({ date }: { date: string }): Promise<Issue | undefined> {
  return firstRow(await getDb().select().from(issues).where(eq(issues.date, date)));
}

export type IssueListRow = Issue & { pages: number; articles: number; published: number };

export async function listIssues({ limit = 100 }: { limit?: number } = {}): Promise<IssueListRow[]> {
  return (await getDb()
    .select({
      issue: issues,
      pages: sql<number>`(select count(*) from ${pages} where ${pages.issueId} = ${issues.id})`,
      articles: sql<number>`(select count(*) from ${articles} where ${articles.issueId} = ${issues.id})`,
      published: sql<number>`(select count(*) from ${articles} where ${articles.issueId} = ${issues.id} and ${articles.state} = 'published')`,
    })
    .from(issues)
    .orderBy(desc(issues.date))
    .limit(limit))
    .map((r) => ({ ...r.issue, pages: r.pages, articles: r.articles, published: r.published }));
}

export type DeskArticleRow = Pick<
  Article,
  | "id"
  | "state"
  | "kicker"
  | "title"
  | "subtitle"
  | "byline"
  | "position"
  | "pageId"
  | "sectionId"
  | "jumpToPage"
  | "jumpFromPage"
  | "continuesId"
  | "version"
  | "updatedAt"
> & { sectionName: string | null };

export type PageWithArticles = Page & { articles: DeskArticleRow[] };

/** The issue's pages in order, each with its articles in print order. */
export async function listPagesWithArticles({ issueId }: { issueId: number }): Promise<PageWithArticles[]> {
  const db = getDb();
  const pageRows = (await db.select().from(pages).where(eq(pages.issueId, issueId)).orderBy(asc(pages.number)));
  if (pageRows.length === 0) return [];
  const rows = (await db
    .select({
      id: articles.id,
      state: articles.state,
      kicker: articles.kicker,
      title: articles.title,
      subtitle: articles.subtitle,
      byline: articles.byline,
      position: articles.position,
      pageId: articles.pageId,
      sectionId: articles.sectionId,
      jumpToPage: articles.jumpToPage,
      jumpFromPage: articles.jumpFromPage,
      continuesId: articles.continuesId,
      version: articles.version,
      updatedAt: articles.updatedAt,
      sectionName: sections.name,
    })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(
      inArray(
        articles.pageId,
        pageRows.map((p) => p.id),
      ),
    )
    .orderBy(asc(articles.position), asc(articles.id)));
  return pageRows.map((p) => ({ ...p, articles: rows.filter((a) => a.pageId === p.id) }));
}

/** Sets a continuation (上接) part to belong to its head article; both keep their pages. */
export async function linkJumpPart({ partId, headId }: { partId: number; headId: number | null }): Promise<void> {
  await getDb().update(articles).set({ continuesId: headId }).where(eq(articles.id, partId));
}

/** Swaps an article with its neighbour in print order on its page. Returns false at either end. */
export async function moveArticleOnPage({ articleId, direction }: { articleId: number; direction: "up" | "down" }): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const article = firstRow(await tx.select().from(articles).where(eq(articles.id, articleId)));
    if (!article?.pageId) return false;
    const siblings = (await tx
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.pageId, article.pageId))
      .orderBy(asc(articles.position), asc(articles.id)));
    const index = siblings.findIndex((s) => s.id === articleId);
    const target = index + (direction === "up" ? -1 : 1);
    if (index < 0 || target < 0 || target >= siblings.length) return false;
    const order = siblings.map((s) => s.id);
    [order[index], order[target]] = [order[target] as number, order[index] as number];
    // Renumber the page so positions stay dense whatever earlier accepts left.
    for (const [position, id] of order.entries()) await tx.update(articles).set({ position }).where(eq(articles.id, id));
    return true;
  });
}

export async function markIssuePublished({ issueId, at = new Date() }: { issueId: number; at?: Date }): Promise<void> {
  await getDb().update(issues).set({ publishedAt: at, updatedAt: at }).where(eq(issues.id, issueId));
}
