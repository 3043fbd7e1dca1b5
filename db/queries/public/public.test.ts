import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import type { NewArticle } from "@/db/queries/articles";
import { anArticle, anIssue, aSection, aUser } from "@/db/testing/builders";
import { articleRevisions, articles } from "@/db/schema";
import * as articleReads from "./articles";
import * as feedReads from "./feed";
import * as issueReads from "./issues";
import * as pageReads from "./pages";
import * as searchReads from "./search";
import * as sectionReads from "./sections";

// One fixture of issues, pages and stories serves every concept's reads.
const q = { ...issueReads, ...pageReads, ...articleReads, ...sectionReads, ...searchReads, ...feedReads };

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2024-03-08T00:30:00Z").getTime();

type Ids = Record<string, number>;
const ids: Ids = {};

async function article(key: string, values: Partial<NewArticle> & { text?: string }) {
  ids[key] = (await anArticle({ author: { id: ids.user as number }, title: key, text: `${key}的正文`, ...values })).id;
}

function published(at: number) {
  return { state: "published" as const, publishedAt: new Date(at), firstPublishedAt: new Date(at) };
}

beforeAll(async () => {
  ids.user = (await aUser({ email: "e@example.org", name: "编辑", role: "editor" })).id;
  ids.news = (await aSection({ slug: "news", name: "要闻", position: 0 })).id;
  ids.hiddenSection = (await aSection({ slug: "old", name: "旧栏目", position: 1, hidden: true })).id;
  ids.draftsOnly = (await aSection({ slug: "culture", name: "文化", position: 2 })).id;

  const issue = async (key: string, values: Parameters<typeof anIssue>[0], pageKeys: string[]) => {
    const made = await anIssue(values);
    ids[key] = made.issue.id;
    made.pages.forEach((p, i) => (ids[pageKeys[i] as string] = p.id));
  };
  await issue("i0308", { date: "2024-03-08", issueNo: 27, totalIssueNo: 273, pageCount: 4, pages: [{ number: 1, name: "要闻" }, { number: 2, name: "综合" }, { number: 3, name: "专题" }] }, ["p0308_1", "p0308_2", "p0308_3"]);
  await issue("i0305", { date: "2024-03-05", issueNo: 26, totalIssueNo: 272, pageCount: 4, pages: [{ number: 1, name: "要闻" }] }, ["p0305_1"]);
  await issue("i0201", { date: "2024-02-01", issueNo: 12, totalIssueNo: 258, pages: [{ number: 1, name: "要闻" }] }, ["p0201_1"]);
  // Only drafts: not public.
  await issue("i0312", { date: "2024-03-12", issueNo: 28, totalIssueNo: 274, pages: [{ number: 1, name: "要闻" }] }, ["p0312_1"]);

  const on = (issue: string, pageKey: string, position: number) => ({ issueId: ids[issue], pageId: ids[pageKey], position, sectionId: ids.news });
  await article("头条", { ...on("i0308", "p0308_1", 0), ...published(T0), kicker: "引题", subtitle: "副题", byline: "本报讯(记者 张雪)", jumpToPage: 2, text: "荣昌夏布走向世界。乡村振兴的故事" });
  await article("二条", { ...on("i0308", "p0308_1", 1), ...published(T0) });
  await article("撤下稿", { ...on("i0308", "p0308_1", 2), state: "unpublished", firstPublishedAt: new Date(T0), unpublishedAt: new Date(T0 + 1000) });
  await article("三条", { ...on("i0308", "p0308_1", 3), ...published(T0) });
  await article("草稿", { ...on("i0308", "p0308_1", 4), state: "draft" });
  await article("头条续", { ...on("i0308", "p0308_2", 0), ...published(T0), continuesId: ids["头条"], jumpFromPage: 1, text: "续篇里有猪博会的消息" });
  await article("二版稿", { ...on("i0308", "p0308_2", 1), ...published(T0), sectionId: ids.hiddenSection });
  // A story whose head is withdrawn: its part must not show on page 3.
  await article("孤儿续", { ...on("i0308", "p0308_3", 0), ...published(T0), continuesId: ids["撤下稿"] });
  await article("旧闻", { ...on("i0305", "p0305_1", 0), ...published(T0 - 3 * DAY), text: "猪博会开幕" });
  await article("二月稿", { ...on("i0201", "p0201_1", 0), ...published(T0 - 36 * DAY), language: "en", title: "River Festival" });
  await article("未来稿", { ...on("i0312", "p0312_1", 0), state: "approved" });
  await article("文化草稿", { state: "draft", sectionId: ids.draftsOnly });
  // Taken back to draft after it was public: still gone, not missing.
  await article("重写稿", { ...on("i0305", "p0305_1", 1), state: "draft", firstPublishedAt: new Date(T0 - 3 * DAY) });
});

afterAll(removeTemporaryDatabase);

describe("issues", () => {
  it("finds the latest issue with a published article", async () => {
    expect((await q.getLatestPublicIssue())?.date).toBe("2024-03-08");
    expect(await q.getPublicIssueByDate({ date: "2024-03-12" })).toBeUndefined();
    expect(await q.getPublicIssueByDate({ date: "2024-03-05" })).toMatchObject({ totalIssueNo: 272, paper: "荣昌报" });
  });

  it("lists only pages that carry a published article", async () => {
    const list = await q.listPublicPagesOfIssue({ issueId: ids.i0308 as number });
    expect(list.map((p) => [p.number, p.name, p.articleCount])).toEqual([
      [1, "要闻", 3],
      [2, "综合", 2],
      [3, "专题", 1],
    ]);
  });

  it("builds the archive by month and finds issues by 期号", async () => {
    expect(await q.listPublicIssueMonths()).toEqual([
      { month: "2024-03", issues: 2 },
      { month: "2024-02", issues: 1 },
    ]);
    expect((await q.listPublicIssuesBetween({ from: "2024-03-01", to: "2024-04-01" })).map((i) => i.date)).toEqual(["2024-03-05", "2024-03-08"]);
    expect((await q.findPublicIssueByNumber({ no: 273 }))?.date).toBe("2024-03-08");
    expect((await q.findPublicIssueByNumber({ no: 26 }))?.date).toBe("2024-03-05");
    expect((await q.findPublicIssueByNumber({ no: 12, year: 2024 }))?.date).toBe("2024-02-01");
    expect(await q.findPublicIssueByNumber({ no: 12, year: 2023 })).toBeUndefined();
    expect(await q.findPublicIssueByNumber({ no: 274 })).toBeUndefined();
    expect(await q.getNearestPublicIssues({ date: "2024-03-06" })).toEqual({ before: "2024-03-05", after: "2024-03-08" });
    expect(await q.getNearestPublicIssues({ date: "2024-03-09" })).toEqual({ before: "2024-03-08", after: null });
  });
});

describe("a page's headlines", () => {
  it("lists published stories in print order with their jumps", async () => {
    const p1 = await q.listPublicHeadlinesOfPage({ pageId: ids.p0308_1 as number });
    expect(p1.map((h) => h.title)).toEqual(["头条", "二条", "三条"]);
    expect(p1[0]).toMatchObject({ kicker: "引题", subtitle: "副题", continuedOn: [2], continues: null, sectionSlug: "news" });
  });

  it("shows a later part as a pointer to its head, and hides a part whose head is withdrawn", async () => {
    const p2 = await q.listPublicHeadlinesOfPage({ pageId: ids.p0308_2 as number });
    expect(p2.map((h) => h.title)).toEqual(["头条续", "二版稿"]);
    expect(p2[0]?.continues).toEqual({ id: ids["头条"], title: "头条", pageNumber: 1 });
    expect(p2[1]).toMatchObject({ sectionName: null, sectionSlug: null });
    expect(await q.listPublicHeadlinesOfPage({ pageId: ids.p0308_3 as number })).toEqual([]);
  });
});

describe("one article", () => {
  it("says what each id should answer", async () => {
    expect(await q.getArticleAvailability({ id: ids["头条"] as number })).toEqual({ kind: "published" });
    expect(await q.getArticleAvailability({ id: ids["头条续"] as number })).toEqual({ kind: "part", headId: ids["头条"] });
    expect(await q.getArticleAvailability({ id: ids["撤下稿"] as number })).toEqual({ kind: "gone" });
    expect(await q.getArticleAvailability({ id: ids["孤儿续"] as number })).toEqual({ kind: "gone" });
    expect(await q.getArticleAvailability({ id: ids["重写稿"] as number })).toEqual({ kind: "gone" });
    expect(await q.getArticleAvailability({ id: ids["草稿"] as number })).toEqual({ kind: "missing" });
    expect(await q.getArticleAvailability({ id: ids["未来稿"] as number })).toEqual({ kind: "missing" });
    expect(await q.getArticleAvailability({ id: 999999 })).toEqual({ kind: "missing" });
  });

  it("merges a jumped story's parts in page order", async () => {
    const result = await q.getPublicArticleById({ id: ids["头条"] as number });
    if (result.kind !== "article") throw new Error(result.kind);
    const { article, parts, issue } = result.view;
    expect(parts.map((p) => [p.title, p.pageNumber])).toEqual([
      ["头条", 1],
      ["头条续", 2],
    ]);
    expect(article.pages).toEqual([
      { number: 1, name: "要闻" },
      { number: 2, name: "综合" },
    ]);
    expect(article.bodyText).toBe("荣昌夏布走向世界。乡村振兴的故事\n续篇里有猪博会的消息");
    expect(article).toMatchObject({ issueDate: "2024-03-08", sectionSlug: "news", language: "zh-CN", correction: null });
    expect(issue?.totalIssueNo).toBe(273);
    expect(await q.getPublicArticleById({ id: ids["头条续"] as number })).toEqual({ kind: "part", headId: ids["头条"] });
    expect(await q.getPublicArticleById({ id: ids["草稿"] as number })).toEqual({ kind: "missing" });
  });

  it("finds the neighbours on the page, skipping unpublished stories and parts", async () => {
    const mid = await q.getAdjacentArticlesOnPage({ articleId: ids["二条"] as number });
    expect(mid.prev?.title).toBe("头条");
    expect(mid.next?.title).toBe("三条");
    expect((await q.getAdjacentArticlesOnPage({ articleId: ids["头条"] as number })).prev).toBeNull();
    expect(await q.getAdjacentArticlesOnPage({ articleId: ids["二版稿"] as number })).toEqual({ prev: null, next: null });
  });
});

describe("sections", () => {
  it("lists visible sections and their stories newest first, paginated", async () => {
    expect((await q.listPublicSections()).map((s) => s.slug)).toEqual(["news"]);
    expect(await q.getPublicSectionBySlug({ slug: "old" })).toBeUndefined();
    // Visible but with only a draft in it: not public yet, like an issue with nothing published.
    expect(await q.getPublicSectionBySlug({ slug: "culture" })).toBeUndefined();
    expect((await q.getPublicSectionBySlug({ slug: "news" }))?.name).toBe("要闻");
    const first = await q.listPublishedArticlesBySection({ sectionId: ids.news as number, page: 1, pageSize: 2 });
    expect(first.total).toBe(5);
    expect(first.items.map((i) => i.title)).toEqual(["头条", "二条"]);
    const last = await q.listPublishedArticlesBySection({ sectionId: ids.news as number, page: 3, pageSize: 2 });
    expect(last.items.map((i) => [i.title, i.date])).toEqual([["River Festival", "2024-02-01"]]);
  });
});

describe("search", () => {
  it("finds long terms through FTS and short ones among the index's trigrams, newest first", async () => {
    const long = await q.searchPublishedArticles({ q: "猪博会", page: 1, pageSize: 10 });
    expect(long.plan.kind).toBe("fts");
    // The hit in the part on page 2 counts for its head.
    expect(long.items.map((i) => i.title)).toEqual(["头条", "旧闻"]);
    expect(long.items[0]?.text).toContain("续篇里有猪博会的消息");
    expect(long.total).toBe(2);

    const short = await q.searchPublishedArticles({ q: "荣昌", page: 1, pageSize: 10 });
    expect(short.plan.kind).toBe("short");
    expect(short.items.map((i) => i.title)).toEqual(["头条"]);
    // A short term at the very end of a title, a single character, and short with long terms together.
    expect((await q.searchPublishedArticles({ q: "头条", page: 1, pageSize: 10 })).items.map((i) => i.title)).toContain("头条");
    expect((await q.searchPublishedArticles({ q: "荣", page: 1, pageSize: 10 })).items.map((i) => i.title)).toEqual(["头条"]);
    expect((await q.searchPublishedArticles({ q: "荣昌 乡村振兴", page: 1, pageSize: 10 })).items.map((i) => i.title)).toEqual(["头条"]);
    expect((await q.searchPublishedArticles({ q: "荣昌 旧闻", page: 1, pageSize: 10 })).total).toBe(0);
    expect((await q.searchPublishedArticles({ q: "river", page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([ids["二月稿"]]);
  });

  it("pages results and never returns unpublished text", async () => {
    // 二条, 三条, 二版稿, River Festival; 孤儿续 says 正文 too, but its head is withdrawn.
    const page2 = await q.searchPublishedArticles({ q: "正文", page: 2, pageSize: 3 });
    expect(page2.total).toBe(4);
    expect(page2.items).toHaveLength(1);
    expect((await q.searchPublishedArticles({ q: "撤下稿", page: 1, pageSize: 10 })).total).toBe(0);
    expect(await q.searchPublishedArticles({ q: "   ", page: 1, pageSize: 10 })).toMatchObject({ total: 0, items: [] });
  });

  it("follows publish and unpublish on the next query", async () => {
    const db = getDb();
    await db.update(articles).set({ state: "unpublished" }).where(eq(articles.id, ids["旧闻"] as number));
    expect((await q.searchPublishedArticles({ q: "猪博会", page: 1, pageSize: 10 })).items.map((i) => i.title)).toEqual(["头条"]);
    expect(await q.getArticleAvailability({ id: ids["旧闻"] as number })).toEqual({ kind: "gone" });
    await db.update(articles).set({ state: "published" }).where(eq(articles.id, ids["旧闻"] as number));
    expect((await q.searchPublishedArticles({ q: "猪博会", page: 1, pageSize: 10 })).total).toBe(2);
  });
});

describe("feed and sitemap", () => {
  it("lists published stories only, newest first", async () => {
    const feed = await q.listFeedArticles({ limit: 3 });
    expect(feed.map((a) => a.title)).toEqual(["头条", "二条", "三条"]);
    expect(feed[0]?.publishedAt).toEqual(new Date(T0));

    const map = await q.listSitemapData();
    expect(map.issues.map((i) => [i.date, i.pages])).toEqual([
      ["2024-03-08", [1, 2, 3]],
      ["2024-03-05", [1]],
      ["2024-02-01", [1]],
    ]);
    expect(map.articles.map((a) => a.title)).toEqual(["头条", "二条", "三条", "二版稿", "旧闻", "River Festival"]);
    expect(map.sections.map((s) => s.slug)).toEqual(["news"]);
  });
});

describe("a web-only story", () => {
  it("has no issue: its day is the Beijing date it was first published, and its correction shows", async () => {
    const at = new Date("2024-03-09T17:00:00Z").getTime(); // 2024-03-10 01:00 in Beijing
    await article("网络稿", { ...published(at), sectionId: ids.news, correction: "  更正：日期有误。 " });
    try {
      const result = await q.getPublicArticleById({ id: ids["网络稿"] as number });
      if (result.kind !== "article") throw new Error(result.kind);
      expect(result.view.issue).toBeNull();
      expect(result.view.article).toMatchObject({ issueDate: "2024-03-10", pages: [], correction: "  更正：日期有误。 " });
      expect((await q.listPublishedArticlesBySection({ sectionId: ids.news as number, page: 1, pageSize: 1 })).items[0]).toMatchObject({
        title: "网络稿",
        date: "2024-03-10",
        pageNumber: null,
      });
      expect(await q.getAdjacentArticlesOnPage({ articleId: ids["网络稿"] as number })).toEqual({ prev: null, next: null });
    } finally {
      await getDb().delete(articleRevisions).where(eq(articleRevisions.articleId, ids["网络稿"] as number));
      await getDb().delete(articles).where(eq(articles.id, ids["网络稿"] as number));
    }
  });
});
