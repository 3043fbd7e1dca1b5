import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, issues, pages, sections, type Issue } from "@/db/schema";
import type { ArticleBody } from "@/lib/article-body/types";
import { isoDateInZone, pageOffset, planSearch, type PublicArticle, type PublicIssue, type PublicPageRef, type SearchPlan } from "@/lib/public";

/*
 * Every read of the public reader site. Only articles in state 'published'
 * leave this module; an issue, a page or a section is public while it has at
 * least one. A jumped story (下转/上接) is stored as a head article and parts
 * whose continuesId points back along the chain; readers get one article:
 * the head, with its published parts merged in page order.
 */

const PUBLISHED = "published" as const;
const isPublished = eq(articles.state, PUBLISHED);
const isHead = isNull(articles.continuesId);

/** An issue is public while one of its articles is published. */
const issueIsPublic = sql`exists (select 1 from ${articles} where ${articles.issueId} = ${issues.id} and ${articles.state} = ${PUBLISHED})`;

/** The article's calendar day: its issue's date, or (web-only) the day it was first published in Beijing. */
const articleDay = sql<string>`coalesce(${issues.date}, strftime('%Y-%m-%d', coalesce(${articles.firstPublishedAt}, ${articles.publishedAt}, ${articles.updatedAt}) / 1000, 'unixepoch', '+8 hours'))`;

/** Newest issue first; within an issue, page and print order (the lead story of page 1 first). */
const newestFirst = [desc(articleDay), asc(sql`coalesce(${pages.number}, 9999)`), asc(articles.position), desc(articles.id)];

export type PublicIssueRow = PublicIssue & { id: number; updatedAt: Date };

function toPublicIssue(i: Issue): PublicIssueRow {
  return {
    id: i.id,
    date: i.date,
    paper: i.paper,
    issueNo: i.issueNo,
    totalIssueNo: i.totalIssueNo,
    weekday: i.weekday,
    lunarDate: i.lunarDate,
    pageCount: i.pageCount,
    updatedAt: i.updatedAt,
  };
}

// ---------------------------------------------------------------- issues and pages

export function getLatestPublicIssue(): PublicIssueRow | undefined {
  const row = getDb().select().from(issues).where(issueIsPublic).orderBy(desc(issues.date)).limit(1).get();
  return row ? toPublicIssue(row) : undefined;
}

export function getPublicIssueByDate({ date }: { date: string }): PublicIssueRow | undefined {
  const row = getDb()
    .select()
    .from(issues)
    .where(and(eq(issues.date, date), issueIsPublic))
    .get();
  return row ? toPublicIssue(row) : undefined;
}

/**
 * 期号 lookup. With `year`, `no` is that year's 第N期; without, 总第N期 first,
 * then the newest year's 第N期.
 */
export function findPublicIssueByNumber({ no, year }: { no: number; year?: number }): PublicIssueRow | undefined {
  const db = getDb();
  if (year !== undefined) {
    const row = db
      .select()
      .from(issues)
      .where(and(eq(issues.issueNo, no), gte(issues.date, `${year}-01-01`), lt(issues.date, `${year + 1}-01-01`), issueIsPublic))
      .orderBy(desc(issues.date))
      .get();
    return row ? toPublicIssue(row) : undefined;
  }
  const row =
    db
      .select()
      .from(issues)
      .where(and(eq(issues.totalIssueNo, no), issueIsPublic))
      .orderBy(desc(issues.date))
      .get() ??
    db
      .select()
      .from(issues)
      .where(and(eq(issues.issueNo, no), issueIsPublic))
      .orderBy(desc(issues.date))
      .get();
  return row ? toPublicIssue(row) : undefined;
}

/** The public issues just before and just after a date (for "no paper that day"). */
export function getNearestPublicIssues({ date }: { date: string }): { before: string | null; after: string | null } {
  const db = getDb();
  const before = db
    .select({ date: issues.date })
    .from(issues)
    .where(and(lt(issues.date, date), issueIsPublic))
    .orderBy(desc(issues.date))
    .get();
  const after = db
    .select({ date: issues.date })
    .from(issues)
    .where(and(sql`${issues.date} > ${date}`, issueIsPublic))
    .orderBy(asc(issues.date))
    .get();
  return { before: before?.date ?? null, after: after?.date ?? null };
}

export type PublicPageInfo = { id: number; number: number; name: string | null; articleCount: number };

/** The issue's pages that carry at least one published article, in page order (版面导航). */
export function listPublicPagesOfIssue({ issueId }: { issueId: number }): PublicPageInfo[] {
  return getDb()
    .select({ id: pages.id, number: pages.number, name: pages.name, articleCount: count(articles.id) })
    .from(pages)
    .innerJoin(articles, and(eq(articles.pageId, pages.id), isPublished))
    .where(eq(pages.issueId, issueId))
    .groupBy(pages.id)
    .orderBy(asc(pages.number))
    .all();
}

export type PublicIssueMonth = { month: string; issues: number };

/** Months that have public issues, newest first ("2024-03"). */
export function listPublicIssueMonths(): PublicIssueMonth[] {
  const month = sql<string>`substr(${issues.date}, 1, 7)`;
  return getDb()
    .select({ month, issues: count() })
    .from(issues)
    .where(issueIsPublic)
    .groupBy(month)
    .orderBy(desc(month))
    .all();
}

export type PublicIssueDay = { date: string; issueNo: number | null; totalIssueNo: number | null };

/** Public issues with from <= date < to (YYYY-MM-DD), oldest first: one month of the archive calendar. */
export function listPublicIssuesBetween({ from, to }: { from: string; to: string }): PublicIssueDay[] {
  return getDb()
    .select({ date: issues.date, issueNo: issues.issueNo, totalIssueNo: issues.totalIssueNo })
    .from(issues)
    .where(and(gte(issues.date, from), lt(issues.date, to), issueIsPublic))
    .orderBy(asc(issues.date))
    .all();
}

// ---------------------------------------------------------------- jumped stories

type PartRow = { root: number; id: number; pageNumber: number | null; pageName: string | null; position: number };

function idList(ids: readonly number[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
}

/**
 * The published later parts of each head (not the head itself), in page order.
 * Follows continuesId chains (a part may continue a part); UNION stops on a cycle.
 * CROSS JOIN keeps the (small) chain as SQLite's outer loop: the planner cannot size
 * a recursive CTE and would otherwise walk every published article to probe it.
 */
function listPublishedPartsOfHeads(headIds: readonly number[]): Map<number, PartRow[]> {
  const out = new Map<number, PartRow[]>();
  if (headIds.length === 0) return out;
  const rows = getDb().all<PartRow>(sql`
    with recursive chain(root, id) as (
      select id, id from articles where id in (${idList(headIds)})
      union
      select chain.root, a.id from articles a join chain on a.continues_id = chain.id
    )
    select chain.root as root, a.id as id, p.number as pageNumber, p.name as pageName, a.position as position
    from chain
    cross join articles a on a.id = chain.id
    left join pages p on p.id = a.page_id
    where a.state = ${PUBLISHED} and a.id <> chain.root
    order by chain.root, coalesce(p.number, 9999), a.position, a.id`);
  for (const r of rows) {
    const list = out.get(r.root) ?? [];
    list.push(r);
    out.set(r.root, list);
  }
  return out;
}

/** The first article of the chain (following continuesId up), or null on a broken or cyclic chain. */
function headIdOf(id: number): number | null {
  const row = getDb().get<{ id: number } | undefined>(sql`
    with recursive up(id, continues_id, depth) as (
      select id, continues_id, 0 from articles where id = ${id}
      union
      select a.id, a.continues_id, up.depth + 1 from articles a join up on a.id = up.continues_id where up.depth < 50
    )
    select id from up where continues_id is null limit 1`);
  return row?.id ?? null;
}

// ---------------------------------------------------------------- a page's headlines

export type PageHeadline = {
  id: number;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  byline: string | null;
  language: "zh-CN" | "en";
  /** The start of the body, for the lead story's summary. */
  opening: string;
  sectionName: string | null;
  sectionSlug: string | null;
  /** Pages the story continues on (下转), from its published parts. */
  continuedOn: number[];
  /** Set on a later part (上接): the head it belongs to; the link goes there. */
  continues: { id: number; title: string; pageNumber: number | null } | null;
};

/**
 * Published articles of a page in print order. Heads carry the pages they
 * continue on; a part is listed as a pointer to its head, and only when that
 * head is published.
 */
export function listPublicHeadlinesOfPage({ pageId }: { pageId: number }): PageHeadline[] {
  const db = getDb();
  const rows = db
    .select({
      id: articles.id,
      continuesId: articles.continuesId,
      kicker: articles.kicker,
      title: articles.title,
      subtitle: articles.subtitle,
      byline: articles.byline,
      language: articles.language,
      opening: sql<string>`substr(${articles.bodyText}, 1, 240)`,
      sectionName: sections.name,
      sectionSlug: sections.slug,
      sectionHidden: sections.hidden,
    })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.pageId, pageId), isPublished))
    .orderBy(asc(articles.position), asc(articles.id))
    .all();

  const parts = listPublishedPartsOfHeads(rows.filter((r) => r.continuesId === null).map((r) => r.id));
  const headOfPart = new Map<number, { id: number; title: string; pageNumber: number | null }>();
  for (const r of rows) {
    if (r.continuesId === null) continue;
    const headId = headIdOf(r.id);
    if (headId === null) continue;
    const head = db
      .select({ id: articles.id, title: articles.title, pageNumber: pages.number })
      .from(articles)
      .leftJoin(pages, eq(pages.id, articles.pageId))
      .where(and(eq(articles.id, headId), isPublished))
      .get();
    if (head) headOfPart.set(r.id, head);
  }

  return rows.flatMap((r): PageHeadline[] => {
    const continues = r.continuesId === null ? null : (headOfPart.get(r.id) ?? null);
    if (r.continuesId !== null && continues === null) return [];
    const section = publicSection(r);
    return [
      {
        id: r.id,
        kicker: r.kicker,
        title: r.title,
        subtitle: r.subtitle,
        byline: r.byline,
        language: r.language,
        opening: r.opening,
        ...section,
        continuedOn: [...new Set((parts.get(r.id) ?? []).flatMap((p) => (p.pageNumber === null ? [] : [p.pageNumber])))],
        continues,
      },
    ];
  });
}

// ---------------------------------------------------------------- one article

export type ArticleAvailability =
  | { kind: "published" }
  /** A later part of a published story: readers are sent to the head. */
  | { kind: "part"; headId: number }
  /** Was public and has been taken down (or its story has): 410. */
  | { kind: "gone" }
  /** Never public, or no such id: 404, so drafts do not reveal that they exist. */
  | { kind: "missing" };

type StateRow = { state: string; continuesId: number | null; firstPublishedAt: Date | null };

function stateRow(id: number): StateRow | undefined {
  return getDb()
    .select({ state: articles.state, continuesId: articles.continuesId, firstPublishedAt: articles.firstPublishedAt })
    .from(articles)
    .where(eq(articles.id, id))
    .get();
}

function ownAvailability(row: StateRow | undefined): "published" | "gone" | "missing" {
  if (!row) return "missing";
  if (row.state === PUBLISHED) return "published";
  return row.state === "unpublished" || row.firstPublishedAt !== null ? "gone" : "missing";
}

/** What the article URL should answer, from the article's state and, for a part, its head's. Cheap: used by proxy.ts. */
export function getArticleAvailability({ id }: { id: number }): ArticleAvailability {
  const row = stateRow(id);
  const own = ownAvailability(row);
  if (own !== "published" || !row || row.continuesId === null) return { kind: own };
  const headId = headIdOf(id);
  if (headId === null) return { kind: "missing" };
  const head = ownAvailability(stateRow(headId));
  return head === "published" ? { kind: "part", headId } : { kind: head };
}

export type PublicArticlePart = {
  id: number;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  pageId: number | null;
  pageNumber: number | null;
  pageName: string | null;
  body: ArticleBody;
  bodyText: string;
};

export type PublicArticleView = {
  /** The story as the lib/public helpers take it: pages and body text cover every published part. */
  article: PublicArticle;
  issue: PublicIssueRow | null;
  /** The head first, then its published parts in page order. */
  parts: PublicArticlePart[];
  pageId: number | null;
  position: number;
};

export type PublicArticleLookup = { kind: "article"; view: PublicArticleView } | Exclude<ArticleAvailability, { kind: "published" }>;

/** A published story by its head id; a part id, an unpublished or unknown id say what to answer instead. */
export function getPublicArticleById({ id }: { id: number }): PublicArticleLookup {
  const availability = getArticleAvailability({ id });
  if (availability.kind !== "published") return availability;
  const db = getDb();
  const row = db
    .select({ article: articles, issue: issues, pageNumber: pages.number, pageName: pages.name, section: sections })
    .from(articles)
    .leftJoin(issues, eq(issues.id, articles.issueId))
    .leftJoin(pages, eq(pages.id, articles.pageId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.id, id), isPublished))
    .get();
  if (!row) return { kind: "missing" };
  const a = row.article;

  const partRefs = listPublishedPartsOfHeads([a.id]).get(a.id) ?? [];
  const partRows =
    partRefs.length === 0
      ? []
      : db
          .select({
            id: articles.id,
            kicker: articles.kicker,
            title: articles.title,
            subtitle: articles.subtitle,
            pageId: articles.pageId,
            body: articles.body,
            bodyText: articles.bodyText,
          })
          .from(articles)
          .where(
            and(
              inArray(
                articles.id,
                partRefs.map((p) => p.id),
              ),
              isPublished,
            ),
          )
          .all();
  const parts: PublicArticlePart[] = [
    {
      id: a.id,
      kicker: a.kicker,
      title: a.title,
      subtitle: a.subtitle,
      pageId: a.pageId,
      pageNumber: row.pageNumber,
      pageName: row.pageName,
      body: a.body,
      bodyText: a.bodyText,
    },
    ...partRefs.flatMap((ref) => {
      const p = partRows.find((r) => r.id === ref.id);
      return p ? [{ ...p, pageNumber: ref.pageNumber, pageName: ref.pageName }] : [];
    }),
  ];

  const pageRefs: PublicPageRef[] = [];
  for (const p of parts) {
    if (p.pageNumber !== null && !pageRefs.some((r) => r.number === p.pageNumber)) pageRefs.push({ number: p.pageNumber, name: p.pageName });
  }
  const section = row.section && !row.section.hidden ? row.section : null;
  const publishedAt = a.firstPublishedAt ?? a.publishedAt ?? a.updatedAt;
  const article: PublicArticle = {
    id: a.id,
    kicker: a.kicker,
    title: a.title === "" ? null : a.title,
    subtitle: a.subtitle,
    byline: a.byline,
    source: a.source,
    reporters: a.reporters,
    photographers: a.photographers,
    sectionName: section?.name ?? null,
    sectionSlug: section?.slug ?? null,
    issueDate: row.issue?.date ?? isoDateInZone(publishedAt),
    pages: pageRefs,
    publishedAt,
    updatedAt: a.updatedAt,
    language: a.language,
    bodyText: parts.map((p) => p.bodyText).join("\n"),
    correction: a.correction?.trim() ? a.correction : null,
  };
  return {
    kind: "article",
    view: { article, issue: row.issue ? toPublicIssue(row.issue) : null, parts, pageId: a.pageId, position: a.position },
  };
}

export type AdjacentArticle = { id: number; kicker: string | null; title: string; subtitle: string | null };

/** The published stories printed before and after this one on its page (parts of other stories are skipped). */
export function getAdjacentArticlesOnPage({ articleId }: { articleId: number }): { prev: AdjacentArticle | null; next: AdjacentArticle | null } {
  const db = getDb();
  const self = db.select({ pageId: articles.pageId }).from(articles).where(eq(articles.id, articleId)).get();
  if (!self?.pageId) return { prev: null, next: null };
  const siblings = db
    .select({ id: articles.id, kicker: articles.kicker, title: articles.title, subtitle: articles.subtitle })
    .from(articles)
    .where(and(eq(articles.pageId, self.pageId), isPublished, isHead))
    .orderBy(asc(articles.position), asc(articles.id))
    .all();
  const index = siblings.findIndex((s) => s.id === articleId);
  if (index < 0) return { prev: null, next: null };
  return { prev: siblings[index - 1] ?? null, next: siblings[index + 1] ?? null };
}

// ---------------------------------------------------------------- lists: sections and search

export type ArticleListItem = {
  id: number;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  byline: string | null;
  language: "zh-CN" | "en";
  date: string;
  pageNumber: number | null;
  pageName: string | null;
  sectionName: string | null;
  sectionSlug: string | null;
  /** The start of the body text. */
  opening: string;
};

const listItemColumns = {
  id: articles.id,
  kicker: articles.kicker,
  title: articles.title,
  subtitle: articles.subtitle,
  byline: articles.byline,
  language: articles.language,
  date: articleDay,
  pageNumber: pages.number,
  pageName: pages.name,
  sectionName: sections.name,
  sectionSlug: sections.slug,
  sectionHidden: sections.hidden,
  opening: sql<string>`substr(${articles.bodyText}, 1, 300)`,
};

type ListRow = ArticleListItem & { sectionHidden: boolean | null };

/** A section the newsroom hid is named nowhere public: not on a story, a list or in the feed. */
function publicSection(r: { sectionHidden: boolean | null; sectionName: string | null; sectionSlug: string | null }): { sectionName: string | null; sectionSlug: string | null } {
  return r.sectionHidden ? { sectionName: null, sectionSlug: null } : { sectionName: r.sectionName, sectionSlug: r.sectionSlug };
}

function toListItem({ sectionHidden, ...r }: ListRow): ArticleListItem {
  return { ...r, ...publicSection({ sectionHidden, sectionName: r.sectionName, sectionSlug: r.sectionSlug }) };
}

function listItemsQuery() {
  return getDb()
    .select(listItemColumns)
    .from(articles)
    .leftJoin(issues, eq(issues.id, articles.issueId))
    .leftJoin(pages, eq(pages.id, articles.pageId))
    .leftJoin(sections, eq(sections.id, articles.sectionId));
}

export type PublicSection = { id: number; slug: string; name: string };

/** A section is public while it is visible and has a published story (as an issue is): the navigation, sitemap and page agree. */
const sectionIsPublic = and(
  eq(sections.hidden, false),
  sql`exists (select 1 from ${articles} where ${articles.sectionId} = ${sections.id} and ${articles.state} = ${PUBLISHED} and ${articles.continuesId} is null)`,
);

/** A section readers may browse: not hidden by the newsroom, and with something published in it. */
export function getPublicSectionBySlug({ slug }: { slug: string }): PublicSection | undefined {
  return getDb()
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .where(and(eq(sections.slug, slug), sectionIsPublic))
    .get();
}

/** Public sections in the newsroom's order (the site navigation). */
export function listPublicSections(): PublicSection[] {
  return getDb()
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .where(sectionIsPublic)
    .orderBy(asc(sections.position), asc(sections.id))
    .all();
}

export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

/** A section's published stories, newest issue first. */
export function listPublishedArticlesBySection({ sectionId, page, pageSize }: { sectionId: number; page: number; pageSize: number }): Paged<ArticleListItem> {
  const where = and(eq(articles.sectionId, sectionId), isPublished, isHead);
  const total = getDb().select({ n: count() }).from(articles).where(where).get()?.n ?? 0;
  const items = listItemsQuery()
    .where(where)
    .orderBy(...newestFirst)
    .limit(pageSize)
    .offset(pageOffset(page, pageSize))
    .all()
    .map(toListItem);
  return { items, total, page, pageSize };
}

export type SearchHit = ArticleListItem & {
  /** Body text of the whole story (head and published parts), for the snippet. */
  text: string;
};

export type SearchResult = Paged<SearchHit> & { plan: SearchPlan };

/** The highest code point: a term's range in search_terms ends below the term followed by it. */
const LAST_CHARACTER = String.fromCodePoint(0x10ffff);

/**
 * search_index rows matching every term: long terms through the trigram MATCH, each short one as
 * the documents of the index's trigrams that start with it (db/migrations/0007_short_term_search.sql).
 */
function matchingRowIds(plan: Exclude<SearchPlan, { kind: "empty" }>): SQL {
  const matched = (match: string) => sql`select rowid as id from search_index where search_index match ${match}`;
  if (plan.kind === "fts") return matched(plan.match);
  const sets = plan.prefixes.map((p) => sql`select doc as id from search_terms where term >= ${p} and term < ${p + LAST_CHARACTER}`);
  return sql.join(plan.match === null ? sets : [matched(plan.match), ...sets], sql` intersect `);
}

/**
 * Published stories matching the query, newest first. A hit in a later part
 * counts for its head; a story whose head is not published is not found.
 * search_index holds published articles only (its triggers see to that), and
 * the head is checked again here.
 */
export function searchPublishedArticles({ q, page, pageSize }: { q: string; page: number; pageSize: number }): SearchResult {
  const plan = planSearch(q);
  if (plan.kind === "empty") return { plan, items: [], total: 0, page, pageSize };
  const db = getDb();
  const ordered = db.all<{ id: number }>(sql`
    with recursive hits(id) as (${matchingRowIds(plan)}),
    up(id, continues_id, depth) as (
      select a.id, a.continues_id, 0 from articles a where a.id in (select id from hits)
      union
      select a.id, a.continues_id, up.depth + 1 from articles a join up on a.id = up.continues_id where up.depth < 50
    )
    select a.id as id
    from articles a
    left join issues on issues.id = a.issue_id
    left join pages on pages.id = a.page_id
    where a.id in (select id from up where continues_id is null) and a.state = ${PUBLISHED}
    order by coalesce(issues.date, strftime('%Y-%m-%d', coalesce(a.first_published_at, a.published_at, a.updated_at) / 1000, 'unixepoch', '+8 hours')) desc,
      coalesce(pages.number, 9999), a.position, a.id desc`);
  const total = ordered.length;
  const ids = ordered.slice(pageOffset(page, pageSize), pageOffset(page, pageSize) + pageSize).map((r) => r.id);
  if (ids.length === 0) return { plan, items: [], total, page, pageSize };

  const rows = listItemsQuery()
    .where(and(inArray(articles.id, ids), isPublished))
    .all();
  const texts = db
    .select({ id: articles.id, bodyText: articles.bodyText })
    .from(articles)
    .where(inArray(articles.id, ids))
    .all();
  const parts = listPublishedPartsOfHeads(ids);
  const partIds = [...parts.values()].flat().map((p) => p.id);
  const partTexts = partIds.length === 0 ? [] : db.select({ id: articles.id, bodyText: articles.bodyText }).from(articles).where(inArray(articles.id, partIds)).all();
  const textOf = (id: number) => [...texts, ...partTexts].find((t) => t.id === id)?.bodyText ?? "";

  const items = ids.flatMap((id): SearchHit[] => {
    const row = rows.find((r) => r.id === id);
    if (!row) return [];
    const text = [textOf(id), ...(parts.get(id) ?? []).map((p) => textOf(p.id))].join("\n");
    return [{ ...toListItem(row), text }];
  });
  return { plan, items, total, page, pageSize };
}

// ---------------------------------------------------------------- feed and sitemap

type FeedRow = {
  id: number;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  byline: string | null;
  source: string | null;
  reporters: string[];
  photographers: string[];
  language: "zh-CN" | "en";
  bodyText: string;
  correction: string | null;
  firstPublishedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  date: string;
  pageNumber: number | null;
  pageName: string | null;
  sectionName: string | null;
  sectionSlug: string | null;
  sectionHidden: boolean | null;
};

function feedQuery(bodyText: SQL<string>) {
  return getDb()
    .select({
      id: articles.id,
      kicker: articles.kicker,
      title: articles.title,
      subtitle: articles.subtitle,
      byline: articles.byline,
      source: articles.source,
      reporters: articles.reporters,
      photographers: articles.photographers,
      language: articles.language,
      bodyText,
      correction: articles.correction,
      firstPublishedAt: articles.firstPublishedAt,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      date: articleDay,
      pageNumber: pages.number,
      pageName: pages.name,
      sectionName: sections.name,
      sectionSlug: sections.slug,
      sectionHidden: sections.hidden,
    })
    .from(articles)
    .leftJoin(issues, eq(issues.id, articles.issueId))
    .leftJoin(pages, eq(pages.id, articles.pageId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(isPublished, isHead))
    .orderBy(...newestFirst);
}

function feedRowToPublic(r: FeedRow): PublicArticle {
  return {
    id: r.id,
    kicker: r.kicker,
    title: r.title === "" ? null : r.title,
    subtitle: r.subtitle,
    byline: r.byline,
    source: r.source,
    reporters: r.reporters,
    photographers: r.photographers,
    ...publicSection(r),
    issueDate: r.date,
    pages: r.pageNumber === null ? [] : [{ number: r.pageNumber, name: r.pageName }],
    publishedAt: r.firstPublishedAt ?? r.publishedAt ?? r.updatedAt,
    updatedAt: r.updatedAt,
    language: r.language,
    bodyText: r.bodyText,
    correction: r.correction,
  };
}

/** The newest published stories for the RSS feed (head pages only; the body is cut to what the feed shows). */
export function listFeedArticles({ limit }: { limit: number }): PublicArticle[] {
  return feedQuery(sql<string>`substr(${articles.bodyText}, 1, 400)`).limit(limit).all().map(feedRowToPublic);
}

export type SitemapData = {
  issues: { date: string; pages: number[]; lastModified: Date }[];
  articles: PublicArticle[];
  sections: { slug: string; lastModified: Date }[];
};

/** Everything public, for sitemap.xml. Body text is only the start (a headless story's title falls back to it). */
export function listSitemapData(): SitemapData {
  const db = getDb();
  const pageRows = db
    .select({
      date: issues.date,
      issueUpdated: issues.updatedAt,
      number: pages.number,
      lastModified: sql<number>`max(${articles.updatedAt})`,
    })
    .from(pages)
    .innerJoin(issues, eq(issues.id, pages.issueId))
    .innerJoin(articles, and(eq(articles.pageId, pages.id), isPublished))
    .groupBy(pages.id)
    .orderBy(desc(issues.date), asc(pages.number))
    .all();
  const byIssue = new Map<string, SitemapData["issues"][number]>();
  for (const r of pageRows) {
    const modified = new Date(Math.max(r.lastModified, r.issueUpdated.getTime()));
    const entry = byIssue.get(r.date);
    if (!entry) byIssue.set(r.date, { date: r.date, pages: [r.number], lastModified: modified });
    else {
      entry.pages.push(r.number);
      if (modified > entry.lastModified) entry.lastModified = modified;
    }
  }
  const sectionRows = db
    .select({ slug: sections.slug, lastModified: sql<number>`max(${articles.updatedAt})` })
    .from(sections)
    .innerJoin(articles, and(eq(articles.sectionId, sections.id), isPublished, isHead))
    .where(eq(sections.hidden, false))
    .groupBy(sections.id)
    .orderBy(asc(sections.position), asc(sections.id))
    .all();
  return {
    issues: [...byIssue.values()],
    articles: feedQuery(sql<string>`substr(${articles.bodyText}, 1, 60)`).all().map(feedRowToPublic),
    sections: sectionRows.map((s) => ({ slug: s.slug, lastModified: new Date(s.lastModified) })),
  };
}
