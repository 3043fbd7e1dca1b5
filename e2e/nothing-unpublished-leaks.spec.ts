import type { APIRequestContext, Page } from "@playwright/test";
import { and, desc, eq, lt } from "drizzle-orm";
import { articles } from "../db/schema";
import { auditActions } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import type { ArticleState } from "../lib/vocabulary";
import { DEMO_DATE, arrangeArticle, arrangeIssue, linkedArticleIds, removeArranged, type ArrangedArticle } from "./support/public";

/** Distinctive words: no demo story has them. The 3-character one goes through FTS5, the 2-character one through LIKE. */
const WORD3 = "紫藤萝";
const WORD2 = "绮罗";
const DAY = 24 * 60 * 60 * 1000;

type Arranged = { id: number; title: string; sentence: string; state: string; expect: 404 | 410 };

async function leak(state: ArticleState, label: string, over: Partial<ArrangedArticle> = {}, status: 404 | 410 = 404): Promise<Arranged> {
  const title = `${WORD3}${label}稿件`;
  const sentence = `${label}的正文写着${WORD2}，读者不该看到这一句。`;
  const id = await arrangeArticle({ state, title, kicker: `${label}的引题`, byline: `本报讯(记者 ${label})`, paragraphs: [sentence], page: 1, sectionSlug: "news", ...over });
  return { id, title, sentence, state, expect: status };
}

/** Neither the title, nor the text, nor a link to the story: checked on the raw response, RSC payload and JSON-LD included. */
function expectAbsent(surface: string, body: string, leaks: readonly Arranged[]) {
  const linked = linkedArticleIds(body);
  for (const l of leaks) {
    expect(body, `${l.state} title on ${surface}`).not.toContain(l.title);
    expect(body, `${l.state} text on ${surface}`).not.toContain(l.sentence);
    expect(linked, `${l.state} link on ${surface}`).not.toContain(l.id);
  }
}

async function fetchText(request: APIRequestContext, url: string): Promise<string> {

  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  return res.text();
}

async function resultIds(page: Page, q: string): Promise<number[]> {

  await page.goto(`/search?q=${encodeURIComponent(q)}`);
  const hrefs = await page.locator("main ol > li > article").getByRole("heading").getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return linkedArticleIds(hrefs.join(" "));
}

const cleanups: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

test("drafts, stories in review, approved, scheduled and withdrawn stories appear on no public surface", async ({ page, request }) => {
  // Every public surface (pages, search, feeds, sitemap…) read for each state: about forty
  // requests, near a minute when the machine is busy.
  test.setTimeout(120_000);
  const now = Date.now();
  // A published story among them on the same page and in the same words: each surface is shown to list what it should.
  const control = await arrangeArticle({
    state: "published",
    title: `${WORD3}对照稿件已发布`,
    paragraphs: [`已发布的对照稿件也写着${WORD2}。`],
    page: 1,
    position: 10,
    sectionSlug: "news",
  });
  const leaks: Arranged[] = [
    await leak("draft", "草稿", { position: 8 }),
    await leak("in_review", "送审中", { position: 9 }),
    await leak("changes_requested", "退回修改", { position: 11 }),
    await leak("approved", "已审未发", { position: 12 }),
    await leak("scheduled", "定时发布", { position: 13, scheduledAt: new Date(now + 30 * DAY) }),
    await leak("unpublished", "已撤下", { position: 14, publishedAt: new Date(now - DAY), unpublishedAt: new Date(now - 1000) }, 410),
    // Taken back to draft after it was public: withdrawn too.
    await leak("draft", "撤回重改", { position: 15, publishedAt: null, firstPublishedAt: new Date(now - 2 * DAY) }, 410),
    // Web-only, in a section nothing is published in yet.
    await leak("draft", "副刊草稿", { page: undefined, sectionSlug: "supplement" }),
  ];
  // A whole issue with nothing published: the issue and its page stay private too.
  await arrangeIssue({ date: "2024-03-15", issueNo: 28, totalIssueNo: 274, pages: [{ number: 1, name: "要闻" }] });
  leaks.push(await leak("approved", "下期待发", { issueDate: "2024-03-15", page: 1, position: 0 }));
  // The desk's view of page 1 is other specs' business: leave it as the seed made it.
  cleanups.push(() => removeArranged({ articleIds: leaks.map((l) => l.id), issueDate: "2024-03-15" }));

  // Every article URL of a non-public story: 404 if it never was public, 410 if it was withdrawn; the page names nothing.
  for (const l of leaks) {
    for (const url of [`/articles/${l.id}`, `/articles/${l.id}-some-slug`]) {
      const res = await request.get(url, { maxRedirects: 0 });
      expect(res.status(), `${l.state} (${l.title}) at ${url}`).toBe(l.expect);
      const body = await res.text();
      expectAbsent(url, body, leaks);
      if (l.expect === 410) expect(body).toContain("已撤下");
    }
  }

  // Pages, section, archive, feeds: the control story is there, none of the others.
  const surfaces = ["/", `/issues/${DEMO_DATE}`, `/issues/${DEMO_DATE}/1`, "/sections/news", "/feed.xml", "/sitemap.xml"];
  for (const url of surfaces) {
    const body = await fetchText(request, url);
    expect(linkedArticleIds(body), `control story on ${url}`).toContain(control);
    expectAbsent(url, body, leaks);
  }
  expectAbsent("/issues", await fetchText(request, "/issues"), leaks);

  // A section and an issue with nothing published are not public at all.
  expect((await request.get("/sections/supplement")).status()).toBe(404);
  expect((await request.get("/issues/2024-03-15")).status()).toBe(404);
  expect((await request.get("/issues/2024-03-15/1")).status()).toBe(404);
  const sitemap = await fetchText(request, "/sitemap.xml");
  expect(sitemap).not.toContain("/sections/supplement");
  expect(sitemap).not.toContain("/issues/2024-03-15");
  await page.goto("/issues?no=274");
  await expect(page.getByText("没有找到期号为 274 的报纸。")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "网站导航" }).getByRole("link", { name: "副刊" })).toHaveCount(0);

  // Search, through the trigram index and through LIKE: only the control story.
  expect(await resultIds(page, WORD3)).toEqual([control]);
  expect(await resultIds(page, WORD2)).toEqual([control]);
  for (const l of leaks) expect(await resultIds(page, l.title), l.title).toEqual([]);
  expectAbsent("search results", await fetchText(request, `/search?q=${encodeURIComponent(WORD2)}`), leaks);

  // Published story pages around them: neighbours, JSON-LD and Open Graph name only public stories.
  const lastDemo = await withDatabase(async (db) => {
    const { pageId } = (await db.select({ pageId: articles.pageId }).from(articles).where(eq(articles.id, control)))[0]!;
    return (await db
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.pageId, pageId!), eq(articles.state, "published"), lt(articles.position, 10)))
      .orderBy(desc(articles.position))
      )[0]!.id;
  });
  for (const id of [control, lastDemo]) {
    const html = await fetchText(request, `/articles/${id}`);
    expectAbsent(`/articles/${id}`, html, leaks);
    await page.goto(`/articles/${id}`);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null") as { headline: string };
    const og = await page.locator('meta[property^="og:"]').evaluateAll((metas) => metas.map((m) => m.getAttribute("content") ?? "").join("\n"));
    expectAbsent(`JSON-LD of ${id}`, JSON.stringify(jsonLd), leaks);
    expectAbsent(`Open Graph of ${id}`, og, leaks);
  }
  await page.goto(`/articles/${control}`);
  const around = page.getByRole("navigation", { name: "本版其他稿件" });
  await expect(around.locator('a[rel="prev"]')).toHaveAttribute("href", `/articles/${lastDemo}`);
  await expect(around.locator('a[rel="next"]')).toHaveCount(0);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", `${WORD3}对照稿件已发布`);
});

test("a reviewer publishes: the story is public on the very next request; withdrawn, it is gone (410) on the very next request", async ({ pageAs, request }) => {
  const title = "石板滩新桥今日合龙";
  const sentence = "石板滩新桥主体结构今日顺利合龙，预计年内通车。";
  const id = await arrangeArticle({ state: "approved", title, paragraphs: [sentence], page: 1, position: 30, sectionSlug: "news", byline: "本报讯(融媒体中心记者 张雪)" });
  // Withdrawn, it would still sit on the demo page and keep the demo issue from being complete.
  cleanups.push(() => removeArranged({ articleIds: [id] }));
  const story: Arranged = { id, title, sentence, state: "approved", expect: 404 };
  const everywhere = ["/", `/issues/${DEMO_DATE}/1`, "/sections/news", "/feed.xml", "/sitemap.xml", `/search?q=${encodeURIComponent("石板滩")}`];

  expect((await request.get(`/articles/${id}`, { maxRedirects: 0 })).status()).toBe(404);
  for (const url of everywhere) expectAbsent(url, await fetchText(request, url), [story]);

  // The pages say every reuse must be revalidated, so a browser asks again too.
  expect((await request.get("/")).headers()["cache-control"]).toBe("private, no-cache");
  expect((await request.get("/feed.xml")).headers()["cache-control"]).toBe("public, no-cache");

  const reviewer = await pageAs("reviewer");
  await reviewer.goto(`/desk/articles/${id}`);
  await reviewer.getByRole("button", { name: "立即发布", exact: true }).click();
  await expect(reviewer.getByText("已发布。")).toBeVisible();

  const published = await request.get(`/articles/${id}`, { maxRedirects: 0 });
  expect(published.status()).toBe(200);
  expect(await published.text()).toContain(sentence);
  for (const url of everywhere) {
    const body = await fetchText(request, url);
    expect(linkedArticleIds(body), `published story on ${url}`).toContain(id);
  }

  await reviewer.getByLabel("撤下理由").fill("桥梁名称有误，核实后再发。");
  await reviewer.getByRole("button", { name: "撤下", exact: true }).click();
  await expect(reviewer.getByText("已撤下。")).toBeVisible();

  const gone = await request.get(`/articles/${id}`, { maxRedirects: 0 });
  expect(gone.status()).toBe(410);
  const goneHtml = await gone.text();
  expect(goneHtml).toContain("已撤下");
  expect(goneHtml).not.toContain(title);
  for (const url of everywhere) expectAbsent(url, await fetchText(request, url), [story]);

  const row = await withDatabase(async (db) => (await db.select({ state: articles.state, unpublish_reason: articles.unpublishReason }).from(articles).where(eq(articles.id, id)))[0]);
  expect(row).toEqual({ state: "unpublished", unpublish_reason: "桥梁名称有误，核实后再发。" });
  expect((await auditActions({ targetId: String(id) })).map((a) => a.action)).toEqual(expect.arrayContaining(["article.publish", "article.unpublish"]));
});
