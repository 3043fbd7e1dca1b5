import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { articles, issues } from "../db/schema";
import { withDatabase } from "./support/database";
import { expect, switchToEnglish, test } from "./support/fixtures";

test.use({ signedInAs: "editor" });

async function newArticle(page: Page, title: string): Promise<number> {

  await page.goto("/desk/articles");
  await page.getByLabel("新稿件标题").fill(title);
  await page.getByRole("button", { name: "新建稿件" }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  return Number(page.url().split("/").pop());
}

async function placeOn(page: Page, { date, page: number, name = "", position = "" }: { date: string; page: string; name?: string; position?: string }) {
  const panel = page.getByRole("region", { name: "版面" });
  await panel.getByLabel("出版日期").fill(date);
  await panel.getByLabel("版次").fill(number);
  await panel.getByLabel("版名（可选）").fill(name);
  await panel.getByLabel("本版第几篇").fill(position);
  await panel.getByRole("button", { name: "安排到此版" }).click();
  return panel;
}

test("an editor puts a story on a page of an issue from the editor, making the issue and page as an import would, at its order on the page", async ({ page }) => {
  const first = await newArticle(page, "文化馆举办非遗展");
  let panel = page.getByRole("region", { name: "版面" });
  await expect(panel).toContainText("还没有安排版面（非印刷稿）。");

  // A malformed date is refused, nothing is lost from the form.
  panel = await placeOn(page, { date: "2031-13-45", page: "3" });
  await expect(panel.getByText("日期格式应为 年-月-日。")).toBeVisible();
  await expect(panel.getByLabel("版次")).toHaveValue("3");

  panel = await placeOn(page, { date: "2031-09-01", page: "3", name: "文化" });
  await expect(panel.getByRole("status")).toHaveText("已安排到 2031-09-01 第3版 第1篇。（新建了这一期）");
  await expect(page.getByRole("link", { name: "2031-09-01 第3版 文化" })).toBeVisible();
  const issue = await withDatabase(async (db) => (await db.select().from(issues).where(eq(issues.date, "2031-09-01")))[0]);
  expect(issue?.paper).toBe("荣昌报");

  // A second story goes first on the same page; the first keeps its place after it.
  await newArticle(page, "非遗传承人进校园");
  panel = await placeOn(page, { date: "2031-09-01", page: "3", position: "1" });
  await expect(panel.getByRole("status")).toHaveText("已安排到 2031-09-01 第3版 第1篇。");
  await page.goto("/desk/issues/2031-09-01");
  await expect(page.getByRole("heading", { name: "第3版 文化" })).toBeVisible();
  await expect(page.getByRole("list", { name: "第3版的稿件" }).getByTestId("desk-article")).toHaveText([/非遗传承人进校园/, /文化馆举办非遗展/]);

  // Another page of the same issue is made on the way; then the story is taken off the page again.
  await page.goto(`/desk/articles/${first}`);
  panel = await placeOn(page, { date: "2031-09-01", page: "4" });
  await expect(panel.getByRole("status")).toHaveText("已安排到 2031-09-01 第4版 第1篇。（新建了这一版）");
  await panel.getByRole("button", { name: "移出版面" }).click();
  await expect(panel.getByRole("status")).toHaveText("已移出版面。");
  await expect(panel).toContainText("还没有安排版面（非印刷稿）。");
  expect(await withDatabase(async (db) => (await db.select({ pageId: articles.pageId }).from(articles).where(eq(articles.id, first)))[0])).toEqual({ pageId: null });

  await switchToEnglish(page);
  panel = page.getByRole("region", { name: "Page" });
  await panel.getByLabel("Issue date").fill("2031-09-01");
  await panel.getByLabel("Page", { exact: true }).fill("3");
  await panel.getByRole("button", { name: "Put on this page" }).click();
  await expect(panel.getByRole("status")).toHaveText("Put on 2031-09-01, page 3, as story 2.");
  await expect(panel).toContainText("Now: 2031-09-01, page 3, story 2 on the page.");
});

test("a reviewer sees where a story is printed but cannot move it", async ({ pageAs }) => {
  const reviewer = await pageAs("reviewer");
  await reviewer.goto("/desk/articles/1");
  await expect(reviewer.getByText(/2024-03-08 第\d版/).first()).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "安排到此版" })).toHaveCount(0);
});
