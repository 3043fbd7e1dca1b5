import "server-only";
import { and, asc, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit";
import { photoProblemsOfArticles } from "@/db/queries/media";
import { articles, issues, pages, sections, type Article, type Issue, type Page } from "@/db/schema";
import type { PageStatus } from "@/lib/vocabulary";
import { firstRow, onlyRow } from "@/db/raw";

export type NewIssue = Omit<typeof issues.$inferInsert, "id" | "version" | "createdAt" | "updatedAt">;

/** Inserts an issue and its pages (call inside a transaction): for seeding an archive without going through imports. */
export async function insertIssueWithPages(db: DbOrTx, values: NewIssue, pageList: readonly { number: number; name: string | null }[]): Promise<{ issue: Issue; pages: Page[] }> {
  const issue = onlyRow(await db.insert(issues).values(values).returning());
  const rows: Page[] = [];
  for (const p of pageList) rows.push(onlyRow(await db.insert(pages).values({ issueId: issue.id, number: p.number, name: p.name }).returning()));
  return { issue, pages: rows };
}

/** What is known of an issue beyond its date: written when the issue is made, and into fields still empty later. */
export type IssueFacts = Partial<Pick<Issue, "paper" | "issueNo" | "totalIssueNo" | "pageCount" | "weekday" | "lunarDate">>;

/**
 * The issue of a date and its page of a number, made when missing (call inside a transaction):
 * an accepted import and an article placed by hand go through this one rule. Known facts fill
 * what an earlier page left empty; a page name given renames the page.
 */
export async function ensureIssueAndPage(
  db: DbOrTx,
  { date, pageNumber, pageName, known }: { date: string; pageNumber: number; pageName: string | null; known: IssueFacts },
): Promise<{ issue: Issue; page: Page; issueCreated: boolean; pageCreated: boolean }> {
  let issue = firstRow(await db.select().from(issues).where(eq(issues.date, date)));
  const issueCreated = !issue;
  if (!issue) {
    issue = onlyRow(await db
      .insert(issues)
      .values({ date, ...known, paper: known.paper ?? "" })
      .returning());
  } else {
    const fill = Object.fromEntries(Object.entries(known).filter(([k, v]) => v != null && v !== "" && issue?.[k as keyof IssueFacts] == null));
    if (Object.keys(fill).length > 0) issue = onlyRow(await db.update(issues).set(fill).where(eq(issues.id, issue.id)).returning());
  }
  let page = firstRow(await db
    .select()
    .from(pages)
    .where(and(eq(pages.issueId, issue.id), eq(pages.number, pageNumber))));
  const pageCreated = !page;
  if (!page) page = onlyRow(await db.insert(pages).values({ issueId: issue.id, number: pageNumber, name: pageName }).returning());
  else if (pageName && page.name !== pageName) {
    page = onlyRow(await db.update(pages).set({ name: pageName }).where(eq(pages.id, page.id)).returning());
  }
  return { issue, page, issueCreated, pageCreated };
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
> & {
  sectionName: string | null;
  /** A photo it shows is not ready for readers (processing, failed, no alt text): it cannot be published yet. */
  photosNotReady: boolean;
};

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
  const photoProblems = await photoProblemsOfArticles(db, { articleIds: rows.map((r) => r.id) });
  return pageRows.map((p) => ({ ...p, articles: rows.filter((a) => a.pageId === p.id).map((a) => ({ ...a, photosNotReady: photoProblems.has(a.id) })) }));
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

/**
 * The desk's account of an issue's pages: how many the printed issue has, and for each page what
 * it is online (its articles, or not digitised, ads only, skipped). A page marked without a row
 * yet (nothing imported) gets one, so readers can be told what it is. Pages with articles keep
 * them whatever their mark.
 */
export async function setIssuePages({
  issueId,
  pageCount,
  statuses,
  actor,
}: {
  issueId: number;
  pageCount: number;
  statuses: ReadonlyMap<number, PageStatus>;
  actor: { id: number; email: string };
}): Promise<void> {
  await getDb().transaction(async (tx) => {
    const now = new Date();
    await tx.update(issues).set({ pageCount, updatedAt: now }).where(eq(issues.id, issueId));
    const existing = new Map((await tx.select().from(pages).where(eq(pages.issueId, issueId))).map((p) => [p.number, p]));
    for (const [number, status] of statuses) {
      const page = existing.get(number);
      if (!page) {
        // An unmarked page needs no row: it is simply not there yet.
        if (status !== "articles") await tx.insert(pages).values({ issueId, number, status });
      } else if (page.status !== status) {
        await tx.update(pages).set({ status, updatedAt: now }).where(eq(pages.id, page.id));
      }
    }
    await insertAuditEntry(
      { actorId: actor.id, actorEmail: actor.email, action: "issue.pages", targetType: "issue", targetId: issueId, detail: { pageCount, statuses: Object.fromEntries(statuses) } },
      tx,
    );
  });
}

/** Where an article is to be printed: an issue date, a page number (and its name), and its order there (1 = first; null = last). */
export type Placement = { issueDate: string; pageNumber: number; pageName: string | null; position: number | null };

export type PlaceOutcome =
  | { ok: true; issueCreated: boolean; pageCreated: boolean; position: number | null }
  | { ok: false; reason: "not_found" }
  // A story linked across pages (下转/上接) stays in its issue: moving one part elsewhere would break the chain.
  | { ok: false; reason: "jump" };

/**
 * Puts an article on a page of an issue (making the issue or page as accepting an import would),
 * at an order on the page, or takes it out of print (`placement` null). The other articles of the
 * page keep their order around it and the page is renumbered densely. Placement is layout, not
 * text: like the issue desk's reordering and an accept that only moves a story, it starts no new
 * review round and makes no revision; the audit row records where it was and where it went.
 */
export async function placeArticle({
  articleId,
  placement,
  actor,
  ip,
  now = new Date(),
}: {
  articleId: number;
  placement: Placement | null;
  actor: { id: number; email: string };
  ip: string | null;
  now?: Date;
}): Promise<PlaceOutcome> {
  return getDb().transaction(
    async (tx) => {
      const article = firstRow(await tx.select().from(articles).where(eq(articles.id, articleId)));
      if (!article) return { ok: false, reason: "not_found" } as const;
      const before = await placementOf(tx, article);
      const inChain =
        article.continuesId != null || firstRow(await tx.select({ id: articles.id }).from(articles).where(eq(articles.continuesId, article.id))) !== undefined;
      if (!placement) {
        if (inChain) return { ok: false, reason: "jump" } as const;
        await tx.update(articles).set({ issueId: null, pageId: null, position: 0, updatedAt: now }).where(eq(articles.id, article.id));
        await auditPlacement(tx, { article, actor, ip, before, after: null });
        return { ok: true, issueCreated: false, pageCreated: false, position: null } as const;
      }
      // The paper of the latest issue that names one (an import without a masthead may have made one without).
      const latest = firstRow(await tx.select({ paper: issues.paper }).from(issues).where(ne(issues.paper, "")).orderBy(desc(issues.date)).limit(1));
      const { issue, page, issueCreated, pageCreated } = await ensureIssueAndPage(tx, {
        date: placement.issueDate,
        pageNumber: placement.pageNumber,
        pageName: placement.pageName,
        known: { paper: latest?.paper ?? "" },
      });
      if (inChain && article.issueId !== issue.id) return { ok: false, reason: "jump" } as const;
      const others = (await tx
        .select({ id: articles.id, position: articles.position })
        .from(articles)
        .where(and(eq(articles.pageId, page.id), ne(articles.id, article.id)))
        .orderBy(asc(articles.position), asc(articles.id)));
      const at = placement.position == null ? others.length : Math.min(Math.max(placement.position - 1, 0), others.length);
      const order = [...others.slice(0, at).map((o) => o.id), article.id, ...others.slice(at).map((o) => o.id)];
      for (const [position, id] of order.entries()) {
        if (id === article.id) {
          await tx.update(articles).set({ issueId: issue.id, pageId: page.id, position, updatedAt: now }).where(eq(articles.id, id));
        } else if (others.find((o) => o.id === id)?.position !== position) {
          await tx.update(articles).set({ position }).where(eq(articles.id, id));
        }
      }
      await auditPlacement(tx, { article, actor, ip, before, after: { date: issue.date, page: page.number, position: at + 1 } });
      return { ok: true, issueCreated, pageCreated, position: at + 1 } as const;
    },
    { behavior: "immediate" },
  );
}

type PlacementRecord = { date: string; page: number; position: number } | null;

/** Where an article is printed now: issue date, page and its order there (1 = first), or null. */
export async function getPrintPlacement({ article }: { article: Article }): Promise<PlacementRecord> {
  return await placementOf(getDb(), article);
}

/** The dates of the latest issues, newest first (the placement form offers them). */
export async function listRecentIssueDates({ limit = 30 }: { limit?: number } = {}): Promise<string[]> {
  return (await getDb()
    .select({ date: issues.date })
    .from(issues)
    .orderBy(desc(issues.date))
    .limit(limit))
    .map((r) => r.date);
}

async function placementOf(db: DbOrTx, article: Article): Promise<PlacementRecord> {
  if (!article.pageId) return null;
  const row = firstRow(await db
    .select({ date: issues.date, page: pages.number })
    .from(pages)
    .innerJoin(issues, eq(issues.id, pages.issueId))
    .where(eq(pages.id, article.pageId)));
  if (!row) return null;
  const ahead = (await db
    .select({ id: articles.id })
    .from(articles)
    .where(
      and(
        eq(articles.pageId, article.pageId),
        or(sql`${articles.position} < ${article.position}`, and(eq(articles.position, article.position), sql`${articles.id} < ${article.id}`)),
      ),
    )).length;
  return { ...row, position: ahead + 1 };
}

async function auditPlacement(
  db: DbOrTx,
  { article, actor, ip, before, after }: { article: Article; actor: { id: number; email: string }; ip: string | null; before: PlacementRecord; after: PlacementRecord },
) {
  await insertAuditEntry(
    { actorId: actor.id, actorEmail: actor.email, action: "article.place", targetType: "article", targetId: article.id, detail: { from: before, to: after }, ip },
    db,
  );
}
