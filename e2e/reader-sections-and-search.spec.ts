import type { Locator, Page } from "@playwright/test";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { articles, issues, pages, sections } from "../db/schema";
import { onPostgres, withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { arrangeArticle, linkedArticleIds } from "./support/public";

const DAY = 24 * 60 * 60 * 1000;

/** The result or section list: one <article> per story. */
function listItems(page: Page): Locator {
  return page.locator("main ol > li > article");
}

async function itemId(item: Locator): Promise<number> {

  const ids = linkedArticleIds((await item.getByRole("heading").getByRole("link").getAttribute("href")) ?? "");
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

/** "2024年3月8日 · 第1版 · byline" -> a sortable "2024-03-08". */
async function itemDate(item: Locator): Promise<string> {

  const meta = await item.locator("p").filter({ hasText: /\d{4}年\d{1,2}月\d{1,2}日/ }).first().textContent();
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(meta ?? "");
  if (!m) throw new Error(`no date in ${meta}`);
  return `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
}

/** Every listed story id across all result pages, following 下一页 until there is none. */
async function collectAllPages(page: Page): Promise<{ ids: number[]; dates: string[] }> {
  const ids: number[] = [];
  const dates: string[] = [];
  for (;;) {
    for (const item of await listItems(page).all()) {
      ids.push(await itemId(item));
      dates.push(await itemDate(item));
    }
    const next = page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" });
    if ((await next.count()) === 0) return { ids, dates };
    await next.click();
    await page.waitForURL(/page=\d+/);
  }
}

/**
 * The oracle for a search: published stories with every term somewhere in
 * headline, byline or text (a plain instr(), or strpos() on PostgreSQL, independent of FTS5,
 * pg_trgm and LIKE).
 */
async function storiesContaining(...terms: string[]): Promise<number[]> {
  const haystack = sql`(${articles.title} || ' ' || coalesce(${articles.kicker}, '') || ' ' || coalesce(${articles.subtitle}, '') || ' ' || coalesce(${articles.byline}, '') || ' ' || ${articles.bodyText})`;
  const rows = await withDatabase(async (db) =>
    (await db
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.state, "published"), isNull(articles.continuesId), ...terms.map((term) => (onPostgres ? sql`strpos(lower(${haystack}), lower(${term})) > 0` : sql`instr(lower(${haystack}), lower(${term})) > 0`))))
      ),
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Every result shows the query highlighted: each <mark> is one of the terms, and each story has at least one. */
async function expectHighlighted(page: Page, terms: string[]) {
  const items = await listItems(page).all();
  expect(items.length).toBeGreaterThan(0);
  const allowed = terms.map((t) => t.toLowerCase());
  for (const item of items) {
    const marks = (await item.locator("mark").allTextContents()).map((m) => m.toLowerCase());
    expect(marks.length, `a highlighted hit in ${await item.getByRole("heading").textContent()}`).toBeGreaterThan(0);
    for (const m of marks) expect(allowed).toContain(m);
  }
}

test("a section lists its published stories, newest first, print order within an issue", async ({ page }) => {
  const now = Date.now();
  const newest = await arrangeArticle({
    state: "published",
    title: "城区新增三处口袋公园",
    paragraphs: ["城区今年新建的三处口袋公园已向市民开放。"],
    sectionSlug: "news",
    publishedAt: new Date(now),
  });
  const older = await arrangeArticle({
    state: "published",
    title: "去年冬季供暖平稳运行",
    paragraphs: ["去年冬季城区供暖运行平稳。"],
    sectionSlug: "news",
    publishedAt: new Date("2023-12-20T02:00:00Z"),
  });
  const draft = await arrangeArticle({ state: "draft", title: "尚未送审的要闻稿", paragraphs: ["这篇稿件还没有送审。"], sectionSlug: "news" });
  const elsewhere = await arrangeArticle({ state: "published", title: "文化栏目的稿件", paragraphs: ["这篇稿件属于文化栏目。"], sectionSlug: "culture", publishedAt: new Date(now - DAY) });

  await page.goto("/");
  await page.getByRole("navigation", { name: "网站导航" }).getByRole("link", { name: "要闻" }).click();
  await expect(page).toHaveURL(/\/sections\/news$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("要闻");

  const { ids, dates } = await collectAllPages(page);
  const { expected, frontPage } = await withDatabase(async (db) => ({
    expected: (await db
      .select({ id: articles.id })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(and(eq(sections.slug, "news"), eq(articles.state, "published"), isNull(articles.continuesId)))
      )
      .map((r) => r.id),
    frontPage: (await db
      .select({ id: articles.id })
      .from(articles)
      .innerJoin(pages, eq(pages.id, articles.pageId))
      .innerJoin(issues, eq(issues.id, pages.issueId))
      .where(and(eq(issues.date, "2024-03-08"), eq(pages.number, 1), eq(articles.state, "published")))
      .orderBy(asc(articles.position))
      )
      .map((r) => r.id),
  }));

  // Exactly the section's published stories, each once.
  expect([...ids].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).not.toContain(draft);
  expect(ids).not.toContain(elsewhere);
  // Newest first: dates never go up, the story published today leads the demo issue, last year's comes after it.
  expect(dates).toEqual([...dates].sort().reverse());
  expect(ids.indexOf(newest)).toBeLessThan(ids.indexOf(frontPage[0]!));
  expect(ids.indexOf(older)).toBeGreaterThan(ids.indexOf(frontPage.at(-1)!));
  // Within the printed issue, the order of the page.
  expect(ids.filter((id) => frontPage.includes(id))).toEqual(frontPage);
});

test("a two-character search finds every story with the word and highlights it", async ({ page }) => {
  // The word is only in this story's headline: the hit must still show.
  const titleOnly = await arrangeArticle({ state: "published", title: "荣昌陶艺作品亮相博览会", paragraphs: ["本地陶艺作品在博览会上受到关注。"] });

  await page.goto("/");
  await page.getByRole("banner").getByRole("searchbox", { name: "搜索稿件" }).fill("荣昌");
  await page.getByRole("banner").getByRole("searchbox", { name: "搜索稿件" }).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=%E8%8D%A3%E6%98%8C$/);

  const expected = await storiesContaining("荣昌");
  expect(expected).toContain(titleOnly);
  await expect(page.getByRole("heading", { level: 2, name: `“荣昌”共找到 ${expected.length} 篇稿件` })).toBeVisible();
  const shown = await Promise.all((await listItems(page).all()).map(itemId));
  expect([...shown].sort((a, b) => a - b)).toEqual(expected.slice(0, 20));
  await expectHighlighted(page, ["荣昌"]);
  const hit = listItems(page).filter({ has: page.getByRole("link", { name: "荣昌陶艺作品亮相博览会" }) });
  await expect(hit.getByRole("heading").locator("mark")).toHaveText(["荣昌"]);

  // The query stays in the box for refining it.
  await expect(page.getByRole("main").getByRole("searchbox", { name: "搜索稿件" })).toHaveValue("荣昌");
});

test("a four-character search goes through the full-text index and shows marked snippets; two terms must both match", async ({ page }) => {
  await page.goto("/search");
  const box = page.getByRole("main").getByRole("searchbox", { name: "搜索稿件" });
  await box.fill("科技创新");
  await page.getByRole("main").getByRole("button", { name: "搜索" }).click();
  const expected = await storiesContaining("科技创新");
  expect(expected.length).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole("heading", { level: 2, name: `“科技创新”共找到 ${expected.length} 篇稿件` })).toBeVisible();
  expect((await Promise.all((await listItems(page).all()).map(itemId))).sort((a, b) => a - b)).toEqual(expected);
  await expectHighlighted(page, ["科技创新"]);
  // A snippet is a window around the hit, cut with an ellipsis.
  const snippet = listItems(page).first().locator("p").last();
  await expect(snippet).toContainText(/…/);
  await expect(snippet.locator("mark").first()).toHaveText("科技创新");

  // Chinese punctuation separates terms like a space: every term must match.
  await box.fill("荣昌，科技创新");
  await box.press("Enter");
  const both = await storiesContaining("荣昌", "科技创新");
  expect(both.length).toBeGreaterThan(0);
  expect(both.length).toBeLessThan(expected.length);
  await expect(page.getByRole("heading", { level: 2, name: `“荣昌 科技创新”共找到 ${both.length} 篇稿件` })).toBeVisible();
  expect((await Promise.all((await listItems(page).all()).map(itemId))).sort((a, b) => a - b)).toEqual(both);
  await expectHighlighted(page, ["荣昌", "科技创新"]);

  await box.fill("不存在的关键词组合");
  await box.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: "没有找到包含“不存在的关键词组合”的稿件。" })).toBeVisible();
  await expect(listItems(page)).toHaveCount(0);
});

test("an English story is found by an English word, whatever its case, and opens at its slug", async ({ page }) => {
  const title = "Linen Weavers of Rongchang Keep a Summer Craft Alive";
  const id = await arrangeArticle({
    state: "published",
    language: "en",
    title,
    byline: "By Zhang Xue",
    paragraphs: [
      "Rongchang's weavers still make LINEN by hand, as their grandparents did.",
      "Every summer the workshops on the old street open their doors to visitors who want to try the loom.",
    ],
  });

  await page.goto("/search?q=linen");
  await expect(page.getByRole("heading", { level: 2, name: "“linen”共找到 1 篇稿件" })).toBeVisible();
  const item = listItems(page);
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute("lang", "en");
  await expectHighlighted(page, ["linen"]);
  await expect(item.locator("mark")).toHaveText(["Linen", "LINEN"]);
  const link = item.getByRole("link", { name: title });
  await expect(link).toHaveAttribute("href", `/articles/${id}-linen-weavers-of-rongchang-keep-a-summer-craft-alive`);
  await link.click();
  await expect(page.getByRole("article", { name: title })).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  // Upper case finds the same story; a word that is not there finds none.
  await page.goto("/search?q=WEAVERS");
  await expect(page.getByRole("heading", { level: 2, name: "“WEAVERS”共找到 1 篇稿件" })).toBeVisible();
  await page.goto("/search?q=silk");
  await expect(page.getByRole("heading", { level: 2, name: "没有找到包含“silk”的稿件。" })).toBeVisible();
});

test("many results are paged twenty at a time, through both search paths", async ({ page }) => {
  const base = Date.now() - 30 * DAY;
  const arranged: number[] = [];
  for (let i = 0; i < 25; i++)
    arranged.push(
      await arrangeArticle({
        state: "published",
        title: `琥珀蜜柚丰收记（${i + 1}）`,
        paragraphs: [`果园里的琥珀蜜柚迎来丰收，这是第${i + 1}篇报道。`],
        publishedAt: new Date(base + i * 60_000),
      }),
    );
  arranged.sort((a, b) => a - b);

  for (const q of ["琥珀蜜柚", "蜜柚"]) {
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    await expect(page.getByRole("heading", { level: 2, name: `“${q}”共找到 25 篇稿件` })).toBeVisible();
    await expect(listItems(page)).toHaveCount(20);
    const pager = page.getByRole("navigation", { name: "分页" });
    await expect(pager.locator('[aria-current="page"]')).toHaveText(/第 1 页，共 2 页/);
    await expect(pager.getByRole("link", { name: "上一页" })).toHaveCount(0);
    const first = await Promise.all((await listItems(page).all()).map(itemId));
    await expectHighlighted(page, [q]);

    await pager.getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(new RegExp(`page=2$`));
    await expect(listItems(page)).toHaveCount(5);
    await expect(page.getByRole("navigation", { name: "分页" }).locator('[aria-current="page"]')).toHaveText(/第 2 页，共 2 页/);
    await expect(page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" })).toHaveCount(0);
    const second = await Promise.all((await listItems(page).all()).map(itemId));
    await expectHighlighted(page, [q]);

    // Two pages, no story twice, none missing.
    expect(first.filter((id) => second.includes(id))).toEqual([]);
    expect([...first, ...second].sort((a, b) => a - b)).toEqual(arranged);
    await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "上一页" }).click();
    await expect(listItems(page)).toHaveCount(20);
  }
});
