import { asc, eq } from "drizzle-orm";
import { articles } from "../db/schema";
import { arrangeArticle, arrangeIssue } from "./support/db";
import { withDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";

// Every story here is the editor's: signed in once per worker (support/fixtures.ts).
test.use({ signedInAs: "editor" });

test("an editor sees an issue's pages in print order with each article's state, and reorders a page", async ({ page }) => {
  const { issueId, pageIds } = await arrangeIssue("2024-02-03", 1);
  const titles = ["头条稿件", "二条稿件", "三条稿件"];
  const ids: number[] = [];
  for (const [position, title] of titles.entries()) ids.push(await arrangeArticle({ title, state: position === 1 ? "in_review" : "draft", sectionSlug: "news", issueId, pageId: pageIds[0], position }));

  await page.goto("/desk/issues/2024-02-03");
  const list = page.getByRole("list", { name: "第1版的稿件" });
  await expect(list.getByTestId("desk-article")).toHaveText([/头条稿件.*草稿/, /二条稿件.*审核中/, /三条稿件.*草稿/]);
  // What blocks publishing is listed beside the pages.
  await expect(page.getByRole("list", { name: "阻止发布的问题" })).toContainText("《头条稿件》尚未审核通过");

  await page.getByRole("button", { name: "上移：三条稿件" }).click();
  await expect(list.getByTestId("desk-article")).toHaveText([/头条稿件/, /三条稿件/, /二条稿件/]);
  const order = await withDatabase(async (db) => (await db.select({ id: articles.id }).from(articles).where(eq(articles.pageId, pageIds[0]!)).orderBy(asc(articles.position))));
  expect(order.map((r) => r.id)).toEqual([ids[0], ids[2], ids[1]]);
});
