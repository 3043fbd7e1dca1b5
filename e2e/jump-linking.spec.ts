import path from "node:path";
import type { Page } from "@playwright/test";
import { and, asc, eq, inArray } from "drizzle-orm";
import { articles, issues, pages } from "../db/schema";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";

const FRONT_PAGE = path.join(__dirname, "..", "db", "demo", "rongchang-2024-03-08-p1.md");
const PAGE_2 = path.join(__dirname, "fixtures", "page-2-continuation.txt");
const STORY = "不断塑造发展新动能新优势";

async function importAndAccept(page: Page, file: string, masthead: Record<string, string>) {
  await page.goto("/desk/imports/new");
  await page.getByLabel("上传文件").setInputFiles(file);
  await expect(page.getByText(/已识别：编码/)).toBeVisible();
  for (const [label, value] of Object.entries(masthead)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "创建导入" }).click();
  await expect(page.locator("[data-article-id]").first()).toBeVisible();
  await page.getByRole("button", { name: "接受划分，生成稿件" }).click();
  await expect(page.getByText(/已接受：新建 \d+ 篇/)).toBeVisible();
}

test("page 2 holding 上接1版 with the same title is offered as the continuation and reads as one article", async ({ pageAs, browser }) => {
  const page = await pageAs("editor");
  await importAndAccept(page, FRONT_PAGE, { 出版日期: "2024-02-15", 版名: "要闻" });
  await importAndAccept(page, PAGE_2, { 出版日期: "2024-02-15", 版次: "2", 版名: "综合", 报名: "荣昌报", 版数: "4" });

  await page.goto("/desk/issues/2024-02-15");
  const jumps = page.getByRole("region", { name: "未衔接的转版" });
  await expect(jumps).toContainText(`第2版《${STORY}》上接第1版`);
  await jumps.getByRole("button", { name: `衔接到《${STORY}》（第1版）` }).click();
  // Once linked, nothing is left unresolved, and page 2 names the story it continues.
  await expect(page.getByRole("region", { name: "未衔接的转版" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "第2版的稿件" })).toContainText(`续接：${STORY}（第1版）`);

  // Each part keeps its own page; published, readers get one article naming both pages.
  const parts = await withDatabase(async (db) =>
    (await db
      .select({ id: articles.id, continues_id: articles.continuesId, number: pages.number })
      .from(articles)
      .innerJoin(pages, eq(pages.id, articles.pageId))
      .innerJoin(issues, eq(issues.id, articles.issueId))
      .where(and(eq(issues.date, "2024-02-15"), eq(articles.title, STORY)))
      .orderBy(asc(pages.number))
      ),
  );
  expect(parts.map((p) => p.number)).toEqual([1, 2]);
  expect(parts[1]!.continues_id).toBe(parts[0]!.id);
  await withDatabase(async (db) =>
    await db.update(articles).set({ state: "published", publishedAt: new Date(), firstPublishedAt: new Date() }).where(inArray(articles.id, [parts[0]!.id, parts[1]!.id])),
  );

  const reader = await (await browser.newContext()).newPage();
  expect((await reader.goto(`/articles/${parts[0]!.id}`))?.status()).toBe(200);
  await expect(reader.locator("article")).toContainText("因地制宜发展新质生产力");
  await expect(reader.locator("article")).toContainText("第2版");
  // The continuation's own address leads to the one article.
  await reader.goto(`/articles/${parts[1]!.id}`);
  await expect(reader).toHaveURL(new RegExp(`/articles/${parts[0]!.id}`));
});
